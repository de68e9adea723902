"""Roster and partner detail reads; deactivate versus delete; exactly one casusregisseur."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError
from zvh_tui.core.vocab import ParticipantRole, Presence
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants, partner_overview
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Contact, Participant, Partner

TODAY = dt.date(2026, 11, 23)


def names(rows) -> list[str]:
    return [row.name for row in rows]


# -- the roster --------------------------------------------------------------------------------

def test_search_matches_organisations_and_contacts_without_accents(network) -> None:
    partners.add_contact(network.ggz, "Zoë Bakker", function="psychiater")
    index = partner_overview.roster_index()

    assert names(partner_overview.filter_roster(index, "pol")) == ["Politie eenheid Oost"]
    by_contact = partner_overview.filter_roster(index, "zoe")
    assert names(by_contact) == ["GGZ Noord FACT-team"]
    assert by_contact[0].matched == ["Zoë Bakker"]
    assert names(partner_overview.filter_roster(index, "psychiater ggz")) == ["GGZ Noord FACT-team"]
    assert names(partner_overview.filter_roster(index, "", domain="gemeente")) == ["Wijkteam Zuid"]
    assert partner_overview.filter_roster(index, "bestaat niet") == []


def test_roster_counts_contacts_and_running_cases(network, case) -> None:
    rows = {row.name: row for row in partner_overview.roster_index()}
    assert (rows["Politie eenheid Oost"].contacts, rows["Politie eenheid Oost"].cases) == (1, 1)
    assert (rows["GGZ Noord FACT-team"].contacts, rows["GGZ Noord FACT-team"].cases) == (0, 0)
    assert rows["GGZ Noord FACT-team"].convenant_label == "NEE"


# -- deactivate versus delete ------------------------------------------------------------------

def test_a_partner_in_a_case_is_deactivated_never_deleted(network, case) -> None:
    with pytest.raises(RuleError, match="Deactiveer de partner"):
        partners.delete_partner(network.police)
    assert Partner.get_by_id(network.police.id).name == "Politie eenheid Oost"

    partners.deactivate_partner(network.police)

    index = partner_overview.roster_index()
    assert "Politie eenheid Oost" not in names(partner_overview.filter_roster(index))
    assert "Politie eenheid Oost" in names(
        partner_overview.filter_roster(index, include_inactive=True))
    # still readable in the case, marked as deactivated
    row = partner_overview.table_of(case.id)[0]
    assert (row.partner, row.active, row.role_label) == ("Politie eenheid Oost", False, "aanmelder")
    # and no longer offered for new cases
    with pytest.raises(RuleError, match="gedeactiveerd"):
        participants.add_participant(case, network.police.id)


def test_an_unreferenced_partner_is_deleted_with_its_contacts(network) -> None:
    partners.add_contact(network.ggz, "Kees")

    partners.delete_partner(network.ggz)

    assert Partner.get_or_none(Partner.id == network.ggz.id) is None
    assert Contact.select().where(Contact.partner == network.ggz.id).count() == 0


# -- one casusregisseur ------------------------------------------------------------------------

def test_exactly_one_casusregisseur_and_every_change_recorded(network, case) -> None:
    participants.add_participant(case, network.team.id, contact_id=network.worker.id,
                                 role=ParticipantRole.CASE_DIRECTOR)
    participants.add_participant(case, network.ggz.id)
    participants.set_director(case, network.ggz.id)

    table = partner_overview.table_of(case.id)
    assert [(r.partner, r.role_label) for r in table] == [
        ("Politie eenheid Oost", "aanmelder"),
        ("Wijkteam Zuid", "deelnemer"),
        ("GGZ Noord FACT-team", "casusregisseur"),
    ]
    assert sum(r.is_director for r in table) == 1
    history = partner_overview.director_history(case.id)
    assert [(h.partner, h.contact, h.by) for h in history] == [
        ("Wijkteam Zuid", "Fatima El Amrani", "tester"),
        ("GGZ Noord FACT-team", "", "tester"),
    ]
    assert table[2].convenant_label == "convenant niet getekend"


# -- the partner detail ------------------------------------------------------------------------

def _adopted_plan(case, owner, *, deadline: dt.date):
    plan = plans.start_plan(case)
    plans.update_plan(plan, shared_task="Samen wonen veilig maken",
                      evaluation_on=TODAY + dt.timedelta(days=60))
    plans.add_action(plan, "Huisbezoek samen met de wijkagent", owner_partner_id=owner.id,
                     deadline=deadline)
    plans.add_action(plan, "Al gedaan", owner_partner_id=owner.id, deadline=deadline)
    plans.add_agreement(plan, "Bij een incident belt de politie de casusregisseur")
    return plans.adopt(plan)


def test_detail_lists_cases_open_actions_of_newest_version_and_attendance(network, case) -> None:
    participants.add_participant(case, network.team.id, role="case_director")
    v1 = _adopted_plan(case, network.police, deadline=TODAY - dt.timedelta(days=3))
    done = [a for a in plans.actions_of(v1) if a.text == "Al gedaan"][0]
    plans.set_action_status(done, "done")
    v2 = plans.revise(v1)  # a concept copying the open action: shown once, from v2
    plans.add_action(v2, "Schuldhulp aanmelden", owner_partner_id=network.police.id,
                     owner_contact_id=network.agent.id, deadline=TODAY + dt.timedelta(days=7))
    other = cases.create_case(cases.NewCase(persons=[cases.NewPerson("Testpersoon Twee")],
                                            reason="Zorgen", referrer_partner_id=network.team.id))
    participants.add_participant(other, network.police.id, role="adviser")
    plans.add_action(plans.start_plan(other), "Vergeten actie", owner_partner_id=network.police.id,
                     deadline=TODAY - dt.timedelta(days=30))
    cases.close_case(other, "Opgelost", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)
    for day, presence in ((TODAY - dt.timedelta(days=14), Presence.PRESENT),
                          (TODAY - dt.timedelta(days=7), Presence.EXCUSED),
                          (TODAY + dt.timedelta(days=7), Presence.PRESENT)):
        meeting = meetings.create_meeting("MDO", day, title="Casusoverleg Oost")
        item = meetings.add_item(meeting, case)
        live.mark(item, network.police.id, network.agent.id, presence)
        if presence == Presence.EXCUSED:  # a colleague came instead: one row, present
            colleague = partners.add_contact(network.police, "Priya Ramdin")
            live.mark(item, network.police.id, colleague.id, Presence.PRESENT)

    detail = partner_overview.partner_detail(network.police.id)

    assert [(c.reference, c.role, c.contact, c.closed) for c in detail.cases] == [
        (case.reference, "aanmelder", "Jan de Vries", False),
        (other.reference, "adviseur", "", True),
    ]
    assert [(a.reference, a.text, a.overdue, a.deadline_text, a.contact)
            for a in detail.actions] == [
        (case.reference, "Huisbezoek samen met de wijkagent", True, "20-11-2026", ""),
        (case.reference, "Schuldhulp aanmelden", False, "30-11-2026", "Jan de Vries"),
    ]
    assert detail.overdue == 1
    assert [(a.held_on, a.presence, a.contact) for a in detail.attendance] == [
        (TODAY - dt.timedelta(days=7), "aanwezig", "Jan de Vries, Priya Ramdin"),
        (TODAY - dt.timedelta(days=14), "aanwezig", "Jan de Vries"),
    ]
    assert detail.attendance_summary == "Aanwezig in 2 van de laatste 2 overleggen."
    assert detail.referenced


def test_detail_of_a_missing_partner_is_a_dutch_message(profile) -> None:
    with pytest.raises(partners.NotFound, match="bestaat niet"):
        partner_overview.partner_detail(9999)


def test_participant_rows_show_check_op_bekendheid(network, case) -> None:
    row = Participant.get(Participant.case == case)
    participants.set_check(row, "known", on="20-11-2026", basis="convenant ZVH art. 5")

    table = partner_overview.table_of(case.id)

    assert (table[0].check_label, table[0].check_on, table[0].check_basis) == (
        "bekend", dt.date(2026, 11, 20), "convenant ZVH art. 5")
