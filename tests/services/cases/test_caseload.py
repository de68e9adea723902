"""The caseload mirror and the nazorg watch (services/cases/caseload.py, issue 15.6 and 15.7):
each kikker signal at its boundary, the own house's load in Dutch plurals, the petten-spiegel
and its warning, the nazorg signals, reopening with and without a reason, and a number of
queries that does not grow with the number of cases."""

from __future__ import annotations

import datetime as dt

import pytest
import querykit
from fixtures_domain import TODAY

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import caseload, journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Action, AuditEvent, Case, JournalEntry, Meeting, MeetingItem, Plan

DAY = dt.timedelta(days=1)


def running_case(build, name: str, partner=None):
    """A case with a concept plan (its actions count: the plan in force is the newest)."""
    case = build.new_case(name)
    if partner is not None:
        participants.add_participant(case, partner.id)
    return case, plans.start_plan(case)


def action(plan, owner, *, deadline=None, feedback_on=None, created=None, text="Huisbezoek"):
    row = plans.add_action(plan, text, owner_partner_id=owner.id, deadline=deadline)
    changes = {}
    if feedback_on is not None:
        changes.update(feedback="gebeld", feedback_on=feedback_on)
    if created is not None:
        changes["created_at"] = dt.datetime.combine(created, dt.time(10))
    if changes:
        Action.update(**changes).where(Action.id == row.id).execute()
    return row


def signals_of(name: str) -> caseload.PartnerSignals | None:
    return next((p for p in caseload.mirror(TODAY).radar if p.name == name), None)


# -- eigen last --------------------------------------------------------------------------------

def test_the_own_house_load_in_dutch_plurals(build) -> None:
    own = build.own()
    other = build.partner("GGZ Noord")
    assert caseload.mirror(TODAY).own.text() == "U draagt geen acties zelf"
    assert caseload.summary(TODAY) == ""  # nothing to say: the case list shows no line
    first, plan = running_case(build, "Eerste Casus")
    action(plan, own, deadline=TODAY + 3 * DAY)
    assert caseload.mirror(TODAY).own.text() == "U draagt 1 actie in 1 casus zelf"
    action(plan, own, deadline=TODAY + 4 * DAY)
    action(plan, other, deadline=TODAY + 4 * DAY)  # not the own house
    _second, plan2 = running_case(build, "Tweede Casus")
    action(plan2, own)
    load = caseload.mirror(TODAY).own
    assert load.text() == "U draagt 3 acties in 2 casussen zelf"
    assert [(c.reference, c.actions) for c in load.cases] == [(first.reference, 2), ("2026-0002", 1)]
    assert "neem geen taken over" in load.advice()


def test_a_done_action_and_a_closed_case_are_no_load(build) -> None:
    own = build.own()
    case, plan = running_case(build, "Klaar Casus")
    done = action(plan, own)
    plans.set_action_status(done, "done")
    assert caseload.mirror(TODAY).own.actions == 0
    kept = action(plan, own)
    cases.close_case(case, "doel bereikt", retention_years=15, open_actions="keep")
    assert caseload.mirror(TODAY).own.actions == 0 and kept.status == "open"


def test_casusregisseurschap_of_the_own_house(build) -> None:
    own = build.own()
    case = build.new_case("Regie Zelf")
    participants.add_participant(case, own.id)
    participants.set_director(case, own.id)
    load = caseload.mirror(TODAY).own
    assert (load.director_cases, load.actions) == (1, 0)
    assert load.text() == "U draagt geen acties zelf en bent casusregisseur in 1 casus"
    assert load.cases[0].director
    # the plan's director counts when no participant holds the role
    other = build.new_case("Plan Regie")
    Case.update(phase="plan").where(Case.id == other.id).execute()
    plan = plans.start_plan(other)
    Plan.update(director_partner=own.id).where(Plan.id == plan.id).execute()
    assert caseload.mirror(TODAY).own.text().endswith("casusregisseur in 2 casussen")


# -- kikker-radar ------------------------------------------------------------------------------

def test_overdue_from_the_day_after_the_deadline(build) -> None:
    ggz = build.partner("GGZ Noord")
    _case, plan = running_case(build, "Te Laat", ggz)
    action(plan, ggz, deadline=TODAY)  # due today: not late yet
    assert signals_of("GGZ Noord") is None
    action(plan, ggz, deadline=TODAY - DAY)
    action(plan, ggz, deadline=TODAY - 9 * DAY)
    found = signals_of("GGZ Noord")
    assert found is not None and found.overdue == 2
    assert found.note() == "Bel GGZ Noord: 2 acties over de termijn — spreek aan, neem de taak niet over."
    assert not found.pattern and found.proposal() == ""


def test_silence_counts_from_the_last_feedback_or_the_start(build) -> None:
    ggz = build.partner("GGZ Noord")
    _case, plan = running_case(build, "Stil Casus", ggz)
    limit = caseload.FEEDBACK_SILENCE_DAYS
    action(plan, ggz, created=TODAY - (limit - 1) * DAY)  # one day short
    action(plan, ggz, created=TODAY - 60 * DAY, feedback_on=TODAY - 2 * DAY)  # recent feedback
    assert signals_of("GGZ Noord") is None
    action(plan, ggz, created=TODAY - 40 * DAY, feedback_on=TODAY - limit * DAY)  # just silent
    found = signals_of("GGZ Noord")
    assert (found.silent_actions, found.silent_days) == (1, limit)
    assert "21 dagen geen terugkoppeling" in found.note()


def held_item(case, day: dt.date, partner, presence: str | None):
    meeting = meetings.create_meeting("MDO", day)
    item = meetings.add_item(meeting, case)
    if presence is not None:
        live.mark(MeetingItem.get_by_id(item.id), partner.id, presence=presence)
    Meeting.update(status="closed").where(Meeting.id == meeting.id).execute()
    return item


def test_absent_or_excused_twice_in_a_row(build) -> None:
    police = build.partner("Politie", domain="straf")
    case = build.new_case("Afwezig Casus")
    participants.add_participant(case, police.id)  # invited to every item of the case
    held_item(case, TODAY - 21 * DAY, police, "absent")
    held_item(case, TODAY - 14 * DAY, police, "present")
    held_item(case, TODAY - 7 * DAY, police, "excused")
    assert signals_of("Politie") is None  # once since being there
    held_item(case, TODAY - 3 * DAY, police, None)  # nothing recorded: no evidence
    assert signals_of("Politie") is None
    held_item(case, TODAY - 2 * DAY, police, "absent")
    held_item(case, TODAY - DAY, police, "excused")
    found = signals_of("Politie")
    assert [(p, d) for p, d, _ref in found.missed] == [("excused", TODAY - DAY), ("absent", TODAY - 2 * DAY)]
    assert "2 overleggen op rij afwezig of afgemeld" in found.note()
    meetings.create_meeting("MDO", TODAY + 7 * DAY)  # a planned meeting is not held: no change
    assert signals_of("Politie").missed_in_a_row


def review_not_taken_up(case, partner, day):
    meeting = meetings.create_meeting("MDO", day)
    item = MeetingItem.get_by_id(meetings.add_item(meeting, case).id)
    lines = live.review_list(item)
    number = next(line.number for line in lines if line.owner.startswith(partner.name))
    live.review(item, number, "niet_opgepakt")
    Meeting.update(status="closed").where(Meeting.id == meeting.id).execute()


def test_niet_opgepakt_once_is_a_signal_twice_a_pattern(build) -> None:
    team = build.partner("Wijkteam Zuid", domain="gemeente")
    case, plan = running_case(build, "Niet Opgepakt", team)
    action(plan, team, deadline=TODAY + 7 * DAY)
    review_not_taken_up(case, team, TODAY - 14 * DAY)
    found = signals_of("Wijkteam Zuid")
    assert found.not_taken_up == 1 and not found.pattern
    assert "1 keer niet opgepakt" in found.note()
    review_not_taken_up(case, team, TODAY - 7 * DAY)
    found = signals_of("Wijkteam Zuid")
    assert found.not_taken_up == 2 and found.pattern
    proposal = found.proposal()
    assert proposal.startswith("Opschalingsvoorstel Wijkteam Zuid: 2 keer een actie niet opgepakt (2026-0001)")
    assert "managementniveau" in proposal


def test_two_signals_make_a_pattern_with_the_evidence(build) -> None:
    ggz = build.partner("GGZ Noord")
    case, plan = running_case(build, "Patroon Casus", ggz)
    action(plan, ggz, deadline=TODAY - 5 * DAY, created=TODAY - 30 * DAY)
    found = signals_of("GGZ Noord")
    assert found.signals == 2 and found.pattern
    assert found.proposal().startswith(
        f"Opschalingsvoorstel GGZ Noord: 1 actie over de termijn ({case.reference}); 1 actie "
        f"staat 21 dagen of langer zonder terugkoppeling (de langste 30 dagen) ({case.reference}).")
    assert found.case_ids == (case.id,)


def test_the_own_house_is_not_on_the_radar(build) -> None:
    _case, plan = running_case(build, "Eigen Laat")
    action(plan, build.own(), deadline=TODAY - 3 * DAY)
    assert caseload.mirror(TODAY).radar == ()


# -- petten-spiegel ----------------------------------------------------------------------------

def entry(case, hat: str, day: dt.date) -> None:
    row = journal.add_entry(case, "notitie", hat=hat or None)
    JournalEntry.update(at=dt.datetime.combine(day, dt.time(12))).where(JournalEntry.id == row.id).execute()


def test_hats_per_iso_week_for_a_case_and_the_caseload(build) -> None:
    one, other = build.new_case("Pet Een"), build.new_case("Pet Twee")
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    entry(one, "procesregie", monday)
    entry(one, "monitoren", monday + 2 * DAY)
    entry(other, "procesregie", monday - DAY)  # Sunday: the week before
    entry(other, "", monday)  # no hat
    weeks = caseload.hat_weeks(TODAY)
    assert len(weeks) == caseload.WEEKS_SHOWN and weeks[-1].monday == monday
    assert weeks[-1].week == TODAY.isocalendar()[1]
    assert (weeks[-1].per_hat["procesregie"], weeks[-1].per_hat["monitoren"], weeks[-1].untagged) == (1, 1, 1)
    assert weeks[-2].per_hat["procesregie"] == 1
    mine = caseload.hat_weeks(TODAY, one.id)
    assert mine[-1].tagged == 2 and mine[-2].tagged == 0
    assert caseload.hat_totals(mine) == "monitoren 1 · procesregie 1"  # ties in the order of the hats


def test_a_week_dominated_by_hulpverlening_or_casusregie_is_warned_about(build) -> None:
    case = build.new_case("Petten Casus")
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    entry(case, "hulpverlening", monday)
    entry(case, "casusregie", monday)
    entry(case, "procesregie", monday)
    entry(case, "monitoren", monday)  # 2 of 4: exactly half, not more
    assert not caseload.hat_weeks(TODAY)[-1].dominated
    entry(case, "hulpverlening", monday)  # 3 of 5
    week = caseload.hat_weeks(TODAY)[-1]
    assert week.dominated
    assert week.warning().startswith(f"Week {week.week}: 3 van 5 notities met de pet hulpverlening of casusregie (60%)")
    assert "deze week vooral de pet hulpverlening of casusregie" in caseload.mirror(TODAY).summary()


def test_too_few_entries_are_no_pattern(build) -> None:
    case = build.new_case("Weinig Notities")
    entry(case, "hulpverlening", TODAY)
    entry(case, "hulpverlening", TODAY)
    assert not caseload.hat_weeks(TODAY)[-1].dominated


# -- nazorg watch ------------------------------------------------------------------------------

def closed_with_nazorg(build, name: str, until: dt.date | None) -> Case:
    case = build.new_case(name)
    cases.close_case(case, "doel bereikt", retention_years=15, watch_until=TODAY + DAY,
                     closed_on=TODAY)
    Case.update(watch_until=until).where(Case.id == case.id).execute()
    return Case.get_by_id(case.id)


def test_nazorg_nears_and_passes(build) -> None:
    near = caseload.NAZORG_NEAR_DAYS
    far = closed_with_nazorg(build, "Ver Weg", TODAY + (near + 1) * DAY)
    edge = closed_with_nazorg(build, "Net Binnen", TODAY + near * DAY)
    passed = closed_with_nazorg(build, "Verlopen Nazorg", TODAY - 2 * DAY)
    closed_with_nazorg(build, "Lang Geleden", TODAY - (caseload.NAZORG_PASSED_KEEP_DAYS + 1) * DAY)
    closed_with_nazorg(build, "Zonder Nazorg", None)
    rows = {r.case_id: r for r in caseload.mirror(TODAY).nazorg}
    assert set(rows) == {far.id, edge.id, passed.id}
    assert rows[far.id].signal() == ""
    assert rows[edge.id].signal() == f"loopt af over {near} dagen"
    assert rows[passed.id].signal() == "verlopen, 2 dagen geleden"
    assert [r.case_id for r in caseload.mirror(TODAY).nazorg] == [passed.id, edge.id, far.id]
    summary = caseload.mirror(TODAY).summary()
    assert "1 nazorgtermijn loopt af" in summary and "1 nazorgtermijn verlopen" in summary


def test_reopen_needs_a_reason_and_leaves_a_trace(build) -> None:
    case = closed_with_nazorg(build, "Terugval Casus", TODAY + 3 * DAY)
    with pytest.raises(ValidationError):
        caseload.reopen_case(case.id, "   ")
    assert Case.get_by_id(case.id).phase == Phase.CLOSED.value
    caseload.reopen_case(case.id, "Terugval: nieuwe melding van de buren")
    fresh = Case.get_by_id(case.id)
    assert fresh.phase != Phase.CLOSED.value and fresh.watch_until is None
    assert JournalEntry.get(JournalEntry.case == case.id).text == "Heropend: Terugval: nieuwe melding van de buren"
    assert AuditEvent.select().where((AuditEvent.case_id == case.id) & (AuditEvent.event == "reopen")).exists()
    assert caseload.mirror(TODAY).nazorg == ()


def test_the_summary_line(build) -> None:
    own, ggz = build.own(), build.partner("GGZ Noord")
    _case, plan = running_case(build, "Samen Vatting", ggz)
    action(plan, own)
    action(plan, ggz, deadline=TODAY - DAY)
    closed_with_nazorg(build, "Bijna Klaar", TODAY + 3 * DAY)
    assert caseload.mirror(TODAY).summary() == (
        "U draagt 1 actie in 1 casus zelf · 1 partner om aan te spreken · 1 nazorgtermijn loopt af")


# -- bounded queries ---------------------------------------------------------------------------

def world_of(build, n: int, ggz, police) -> None:
    own = build.own()
    for i in range(n):
        case, plan = running_case(build, f"Schaal Casus {i}", police)
        action(plan, own)
        action(plan, ggz, deadline=TODAY - DAY, created=TODAY - 40 * DAY)
        held_item(case, TODAY - (i + 1) * DAY, police, "absent")
        entry(case, "procesregie", TODAY)
        closed_with_nazorg(build, f"Nazorg {i}", TODAY + DAY)


def test_the_mirror_takes_the_same_few_queries_for_more_cases(build) -> None:
    ggz, police = build.partner("GGZ Noord"), build.partner("Politie", domain="straf")
    world_of(build, 2, ggz, police)
    with querykit.capture() as small:
        caseload.mirror(TODAY)
    world_of(build, 6, ggz, police)
    with querykit.capture() as large:
        shown = caseload.mirror(TODAY)
    assert shown.own.actions == 8 and len(shown.nazorg) == 8
    assert {p.name for p in shown.radar} == {"GGZ Noord", "Politie"}
    assert len(large.sql) == len(small.sql) <= 10, large.sql
    assert all(sql.lstrip().upper().startswith(("SELECT", "WITH")) for sql in large.sql)
