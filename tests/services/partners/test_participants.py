"""Participants: who is at the table, exactly one casusregisseur, the check op bekendheid."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.vocab import CheckStatus, ParticipantRole
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import DirectorChange, Participant, Plan


def _directors(case) -> int:
    return (
        Participant.select()
        .where((Participant.case == case) & (Participant.role == ParticipantRole.CASE_DIRECTOR.value))
        .count()
    )


def _role(case, partner) -> str:
    return Participant.get((Participant.case == case) & (Participant.partner == partner)).role


def test_add_participant_with_contact_and_role(build) -> None:
    case = build.new_case()
    ggz = build.partner("GGZ")
    contact = partners.add_contact(ggz, "Dr. Visser")
    added = participants.add_participant(case, ggz.id, contact_id=contact.id, role=ParticipantRole.ADVISER)
    assert added.warnings == []
    stored = Participant.get_by_id(added.participant.id)
    assert (stored.partner_id, stored.contact_id, stored.role) == (ggz.id, contact.id, "adviser")
    assert stored.check_status == CheckStatus.NOT_ASKED.value
    assert [p.partner.name for p in participants.participants_of(case)] == ["Wijkteam Noord", "GGZ"]


def test_add_participant_twice_is_refused(build) -> None:
    case = build.new_case()
    ggz = build.partner("GGZ")
    participants.add_participant(case, ggz.id)
    with pytest.raises(RuleError, match="GGZ zit al aan tafel"):
        participants.add_participant(case, ggz.id, role=ParticipantRole.ADVISER)
    assert Participant.select().where(Participant.partner == ggz).count() == 1


def test_unsigned_convenant_gives_a_warning(build) -> None:
    case = build.new_case()
    added = participants.add_participant(case, build.partner("Woonbron", convenant=False).id)
    assert len(added.warnings) == 1
    assert "Woonbron heeft het privacyconvenant niet getekend" in added.warnings[0]
    assert "doelbinding" in added.warnings[0]
    assert Participant.get_by_id(added.participant.id).role == ParticipantRole.MEMBER.value


def test_deactivated_partner_cannot_be_added(build) -> None:
    case = build.new_case()
    old = build.partner("Oude Stichting")
    partners.deactivate_partner(old)
    with pytest.raises(RuleError, match="Oude Stichting is gedeactiveerd"):
        participants.add_participant(case, old.id)
    with pytest.raises(RuleError, match="Oude Stichting is gedeactiveerd"):
        participants.set_director(case, old.id)
    assert Participant.select().where(Participant.partner == old).count() == 0


def test_add_participant_refusals(build) -> None:
    case = build.new_case()
    ggz, police = build.partner("GGZ"), build.partner("Politie")
    other_contact = partners.add_contact(police, "Bakker")
    with pytest.raises(ValidationError, match="partner bestaat niet"):
        participants.add_participant(case, 9999)
    with pytest.raises(ValidationError, match="contactpersoon hoort niet bij die partner"):
        participants.add_participant(case, ggz.id, contact_id=other_contact.id)
    cases.close_case(case, "Klaar", retention_years=15)
    with pytest.raises(RuleError, match="afgesloten"):
        participants.add_participant(case, ggz.id)
    assert Participant.select().where(Participant.partner.in_([ggz, police])).count() == 0


def test_exactly_one_casusregisseur_after_several_changes(build) -> None:
    case = build.new_case()
    ggz, police, wijk = build.partner("GGZ"), build.partner("Politie"), case.referrer_partner
    participants.add_participant(case, ggz.id)
    steps = [ggz, police, wijk, ggz, police]
    for number, partner in enumerate(steps, start=1):
        participants.set_director(case, partner.id)
        assert _directors(case) == 1
        assert cases.director_of(case).partner_id == partner.id
        assert len(participants.director_history(case)) == number
    assert [c.partner_id for c in participants.director_history(case)] == [p.id for p in steps]
    assert DirectorChange.get(DirectorChange.case == case).by == "tester"
    assert _role(case, ggz) == ParticipantRole.MEMBER.value  # the previous one becomes deelnemer


def test_same_director_again_is_not_a_change(build) -> None:
    case = build.new_case()
    participants.set_director(case, case.referrer_partner_id)
    participants.set_director(case, case.referrer_partner_id)
    assert len(participants.director_history(case)) == 1


def test_set_director_with_contact_and_new_partner(build) -> None:
    case = build.new_case()
    police = build.partner("Politie")
    agent = partners.add_contact(police, "Wijkagent Bakker")
    row = participants.set_director(case, police.id, contact_id=agent.id)  # not at the table yet
    stored = Participant.get_by_id(row.id)
    assert (stored.partner_id, stored.contact_id, stored.role) == (police.id, agent.id, "case_director")
    [change] = participants.director_history(case)
    assert (change.partner_id, change.contact_id) == (police.id, agent.id)


def test_add_participant_as_director_moves_the_role(build) -> None:
    case = build.new_case()
    ggz, police = build.partner("GGZ"), build.partner("Politie")
    participants.add_participant(case, ggz.id, role=ParticipantRole.CASE_DIRECTOR)
    added = participants.add_participant(case, police.id, role="case_director")
    assert added.participant.role == ParticipantRole.CASE_DIRECTOR.value
    assert _directors(case) == 1
    assert _role(case, ggz) == ParticipantRole.MEMBER.value


def test_set_role_to_director_and_away_from_director(build) -> None:
    case = build.new_case()
    ggz = participants.add_participant(case, build.partner("GGZ").id).participant
    director = participants.set_role(ggz, ParticipantRole.CASE_DIRECTOR)
    assert director.role == ParticipantRole.CASE_DIRECTOR.value
    with pytest.raises(RuleError, match="Wijs eerst een andere casusregisseur aan"):
        participants.set_role(director, ParticipantRole.MEMBER)
    assert _directors(case) == 1
    police = participants.add_participant(case, build.partner("Politie").id).participant
    assert participants.set_role(police, ParticipantRole.ADVISER).role == "adviser"
    assert Participant.get_by_id(police.id).role == "adviser"


def test_director_follows_into_the_concept_plan(build) -> None:
    case = build.new_case()
    plan = plans.start_plan(case)
    assert plan.director_partner_id is None
    police = build.partner("Politie")
    participants.set_director(case, police.id)
    assert Plan.get_by_id(plan.id).director_partner_id == police.id


@pytest.mark.parametrize("status", [CheckStatus.ASKED, CheckStatus.KNOWN, CheckStatus.NOT_KNOWN, CheckStatus.NO_ANSWER])
def test_set_check_requires_grondslag(build, status) -> None:
    case = build.new_case()
    row = build.referrer_participant(case)
    with pytest.raises(ValidationError, match="grondslag") as info:
        participants.set_check(row, status, basis="   ")
    assert info.value.field == "check_basis"
    assert Participant.get_by_id(row.id).check_status == CheckStatus.NOT_ASKED.value
    participants.set_check(row, status, basis="art. 5 convenant", on="20-11-2026")
    stored = Participant.get_by_id(row.id)
    assert (stored.check_status, stored.check_on, stored.check_basis) == (
        status.value, dt.date(2026, 11, 20), "art. 5 convenant",
    )


def test_set_check_not_asked_needs_no_grondslag_and_clears_the_date(build) -> None:
    case = build.new_case()
    row = build.referrer_participant(case)
    participants.set_check(row, CheckStatus.KNOWN, basis="convenant")
    assert Participant.get_by_id(row.id).check_on == dt.date(2026, 11, 23)  # today by default
    participants.set_check(row, CheckStatus.NOT_ASKED)
    stored = Participant.get_by_id(row.id)
    assert (stored.check_status, stored.check_on) == ("not_asked", None)


def test_remove_director_and_referrer_refused(build) -> None:
    case = build.new_case()
    referrer = build.referrer_participant(case)
    with pytest.raises(RuleError, match="aanmelder blijft bij de casus"):
        participants.remove_participant(referrer)
    ggz = participants.add_participant(case, build.partner("GGZ").id).participant
    director = participants.set_director(case, ggz.partner_id)
    with pytest.raises(RuleError, match="casusregisseur kan niet weg"):
        participants.remove_participant(director)
    assert Participant.select().where(Participant.case == case).count() == 2


def test_check_removable_refuses_what_remove_refuses_without_removing(build) -> None:
    case = build.new_case()
    ggz = participants.add_participant(case, build.partner("GGZ").id).participant
    member = participants.add_participant(case, build.partner("Halt").id).participant
    director = participants.set_director(case, ggz.partner_id)
    for row, reason in ((director, "casusregisseur kan niet weg"),
                        (build.referrer_participant(case), "aanmelder blijft")):
        with pytest.raises(RuleError, match=reason):
            participants.check_removable(row)
    participants.check_removable(member)  # allowed: no refusal
    assert Participant.select().where(Participant.case == case).count() == 3
    cases.close_case(case, "Klaar", retention_years=15)
    with pytest.raises(RuleError, match="afgesloten"):
        participants.check_removable(Participant.get_by_id(member.id))


def test_remove_partner_owning_actions_refused(build) -> None:
    case = build.new_case()
    police = participants.add_participant(case, build.partner("Politie").id).participant
    plan = plans.start_plan(case)
    action = plans.add_action(plan, "Huisbezoek", owner_partner_id=police.partner_id)
    with pytest.raises(RuleError, match="Politie is eigenaar van acties"):
        participants.remove_participant(police)
    plans.update_action(action, owner_partner_id=None)
    participants.remove_participant(Participant.get_by_id(police.id))
    assert Participant.get_or_none(Participant.id == police.id) is None


def test_set_director_refused_in_a_closed_case(build) -> None:
    case = build.new_case()
    cases.close_case(case, "Klaar", retention_years=15)
    newcomer = build.partner("Politie")
    with pytest.raises(RuleError, match="afgesloten"):
        participants.set_director(case, newcomer.id)


def test_set_checks_records_several_partners_at_once_and_remembers_the_grondslag(build) -> None:
    case = build.new_case()
    referrer = build.referrer_participant(case)
    ggz = participants.add_participant(case, build.partner("GGZ").id).participant
    halt = participants.add_participant(case, build.partner("Halt").id).participant
    participants.set_check(referrer, CheckStatus.KNOWN, on=dt.date(2026, 11, 1), basis="eerder")
    assert participants.last_basis() == "eerder"

    with pytest.raises(ValidationError, match="grondslag"):
        participants.set_checks(case, {ggz.id: "asked", halt.id: "asked"}, basis="")
    assert Participant.get_by_id(ggz.id).check_status == "not_asked"  # nothing stored

    changed = participants.set_checks(
        case, {referrer.id: "known", ggz.id: "asked", halt.id: "not_known"}, basis="art. 5")

    assert changed == 2
    rows = {p.id: (p.check_status, p.check_on, p.check_basis)
            for p in participants.participants_of(case)}
    assert rows == {referrer.id: ("known", dt.date(2026, 11, 1), "eerder"),  # unchanged
                    ggz.id: ("asked", dt.date(2026, 11, 23), "art. 5"),
                    halt.id: ("not_known", dt.date(2026, 11, 23), "art. 5")}
    assert participants.last_basis() == "art. 5"
    other = build.new_case("Piet Anders")
    with pytest.raises(NotFound):
        participants.set_checks(other, {ggz.id: "asked"}, basis="x")
