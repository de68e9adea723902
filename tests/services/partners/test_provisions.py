"""The verstrekkingenlog (issue 14.3): record, reads per case and per partner, the grondslag by
default, the terms for the minutes in working days, and what the check op bekendheid warns."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core import config
from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.vocab import CheckStatus, MeetingStatus, ProvisionKind
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants, provisions
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.store.models import AuditEvent, Case, Meeting, Provision

MONDAY = dt.date(2026, 11, 23)  # the frozen today of fixtures_partners


def _closed_meeting(cases: list[Case], day: dt.date) -> Meeting:
    meeting = meetings.create_meeting("MDO", day, title="Fictief MDO")
    for case in cases:
        meetings.add_item(meeting, case)
    # the live close (services/meetings/live.py) is tested elsewhere; here only its outcome
    Meeting.update(status=MeetingStatus.CLOSED.value, closed_at=dt.datetime(day.year, day.month, day.day, 11)).where(
        Meeting.id == meeting.id).execute()
    return Meeting.get_by_id(meeting.id)


def test_record_keeps_partner_case_version_grondslag_time_and_user(case, network) -> None:
    from zvh_tui.services.plans import versions as plans

    plan = plans.start_plan(case)
    row = provisions.record(case, ProvisionKind.PLAN_PARTNER, partner=network.police, plan=plan,
                            basis="art. 5 convenant", fmt="html")
    stored = Provision.get_by_id(row.id)
    assert (stored.case_id, stored.partner_id, stored.kind, stored.plan_id, stored.plan_version) == (
        case.id, network.police.id, "plan_partner", plan.id, 1)
    assert (stored.basis, stored.convenant, stored.fmt, stored.by) == ("art. 5 convenant", True, "html", "tester")
    assert stored.at is not None
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert (event.event, event.object_type, event.object_id, event.case_id, event.detail) == (
        "provide", "provision", row.id, case.id, "plan_partner.html")
    assert "convenant" not in event.detail  # the audit event holds codes, not the grondslag
    assert audit.verify_chain().ok


def test_the_grondslag_by_default_is_the_check_then_the_convenant(case, network) -> None:
    police = next(p for p in participants.participants_of(case) if p.partner_id == network.police.id)
    assert provisions.record(case, "besluitenlijst", partner=network.police).basis == provisions.CONVENANT_BASIS
    participants.set_check(police, CheckStatus.KNOWN, basis="Wet politiegegevens art. 19")
    assert provisions.record(case, "besluitenlijst", partner=network.police).basis == "Wet politiegegevens art. 19"
    unsigned = provisions.record(case, "besluitenlijst", partner=network.ggz)
    assert (unsigned.basis, unsigned.convenant) == (provisions.NO_CONVENANT_BASIS, False)
    table = provisions.record(case, "besluitenlijst")
    assert (table.partner_id, table.basis) == (None, provisions.CONVENANT_BASIS)


def test_record_refuses_in_dutch(case, network, build) -> None:
    from zvh_tui.services.plans import versions as plans

    other = build.new_case("Ander Persoon")
    with pytest.raises(ValidationError, match="soort verstrekking"):
        provisions.record(case, "fax")
    with pytest.raises(NotFound, match="partner bestaat niet"):
        provisions.record(case, "besluitenlijst", partner=99999)
    with pytest.raises(NotFound, match="casus bestaat niet"):
        provisions.record(99999, "besluitenlijst")
    with pytest.raises(NotFound, match="overleg bestaat niet"):
        provisions.record(case, "besluitenlijst", meeting=99999)
    with pytest.raises(ValidationError, match="andere casus"):
        provisions.record(case, "plan", plan=plans.start_plan(other))
    with pytest.raises(ValidationError, match="grondslag"):
        provisions.record(case, "besluitenlijst", basis="   ")
    with pytest.raises(ValidationError):
        provisions.record(case, "besluitenlijst", basis="art. 5\x1b[2J")  # a control character
    assert Provision.select().count() == 0


def test_reads_per_case_and_per_partner_newest_first(case, network, build) -> None:
    other = build.new_case("Ander Persoon", referrer=network.team)
    meeting = _closed_meeting([case, other], MONDAY - dt.timedelta(days=7))
    first = provisions.record(case, "plan", fmt="md")
    second = provisions.record(case, "partnerblad", partner=network.team, meeting=meeting)
    provisions.record(other, "besluitenlijst", partner=network.team)
    rows = provisions.of_case(case)
    assert [r.id for r in rows] == [second.id, first.id]
    assert rows[0].partner == "Wijkteam Zuid" and rows[0].what == "blad voor de partner · MDO 16-11-2026"
    assert rows[1].to_table and rows[1].partner == "alle partners aan tafel" and not rows[1].unsigned
    assert rows[1].what == "plan van aanpak (volledig)"
    assert [r.case_ref for r in provisions.of_partner(network.team)] == [other.reference, case.reference]
    assert provisions.of_partner(network.police) == []
    assert {r.case_ref for r in provisions.of_cases([case.id, other.id])} == {case.reference, other.reference}
    assert provisions.of_cases([]) == []


def test_record_meeting_gives_one_row_per_case_on_the_agenda(case, network, build) -> None:
    other = build.new_case("Ander Persoon")
    meeting = _closed_meeting([case, other], MONDAY)
    rows = provisions.record_meeting(meeting, ProvisionKind.DECISIONS, fmt="html")
    assert sorted(r.case_id for r in rows) == sorted([case.id, other.id])
    sheet = provisions.record_meeting(meeting, "partnerblad", partner=network.police, case_ids=[case.id])
    assert [(r.case_id, r.partner_id) for r in sheet] == [(case.id, network.police.id)]
    third = build.new_case("Derde Persoon")
    with pytest.raises(ValidationError, match="niet op de agenda"):
        provisions.record_meeting(meeting, "partnerblad", partner=network.police, case_ids=[third.id])
    with pytest.raises(ValidationError, match="per casus"):
        provisions.record_meeting(meeting, "plan_partner", partner=network.police)
    assert Provision.select().count() == 3


def test_a_partner_given_something_cannot_be_deleted(case, network) -> None:
    partner = partners.create_partner("Fictieve School", "onderwijs")
    provisions.record(case, "besluitenlijst", partner=partner)
    with pytest.raises(RuleError, match="niet worden verwijderd"):
        partners.delete_partner(partner)


def test_a_destroyed_case_takes_its_verstrekkingen_along(case, network) -> None:
    provisions.record(case, "besluitenlijst", partner=network.police)
    Case.delete().where(Case.id == case.id).execute()  # what retention.destroy does in the end
    assert Provision.select().count() == 0


# -- the terms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "days", "expected"), [
    (dt.date(2026, 11, 20), 1, dt.date(2026, 11, 23)),  # Friday + 1 -> Monday
    (dt.date(2026, 11, 23), 1, dt.date(2026, 11, 24)),  # Monday + 1 -> Tuesday
    (dt.date(2026, 11, 23), 5, dt.date(2026, 11, 30)),  # a week
    (dt.date(2026, 11, 21), 1, dt.date(2026, 11, 23)),  # Saturday + 1 -> Monday
    (dt.date(2026, 12, 24), 2, dt.date(2026, 12, 28)),  # no holiday calendar: Christmas counts
])
def test_working_days_are_monday_to_friday(start: dt.date, days: int, expected: dt.date) -> None:
    assert provisions.add_working_days(start, days) == expected


def test_minutes_past_their_term_are_signalled_per_case(case, network, build) -> None:
    other = build.new_case("Ander Persoon")
    friday = dt.date(2026, 11, 20)
    meeting = _closed_meeting([case, other], friday)
    terms = {"besluitenlijst": 1, "verslag": 5}
    # Friday's besluitenlijst is due on Monday: not late on Monday, late on Tuesday
    assert provisions.overdue_minutes(terms, dt.date(2026, 11, 23)) == {}
    late = provisions.overdue_minutes(terms, dt.date(2026, 11, 24))
    assert late == {case.id: ["besluitenlijst"], other.id: ["besluitenlijst"]}
    assert provisions.overdue_badge(late[case.id]) == "besluitenlijst te laat"
    assert provisions.overdue_minutes(terms, dt.date(2026, 11, 27)) == late  # the verslag is due that day
    both = provisions.overdue_minutes(terms, dt.date(2026, 11, 28))
    assert both[case.id] == ["besluitenlijst", "verslag"]
    assert provisions.overdue_badge(both[case.id]) == "besluitenlijst en verslag te laat"
    provisions.record_meeting(meeting, "besluitenlijst")  # sent late: the signal goes
    assert provisions.overdue_minutes(terms, dt.date(2026, 11, 30)) == {case.id: ["verslag"], other.id: ["verslag"]}
    provisions.record_meeting(meeting, "verslag")
    assert provisions.overdue_minutes(terms, dt.date(2026, 11, 30)) == {}


def test_an_open_meeting_does_not_count_and_a_partner_sheet_is_no_besluitenlijst(case, network) -> None:
    meeting = meetings.create_meeting("MDO", dt.date(2026, 11, 2))
    meetings.add_item(meeting, case)
    terms = {"besluitenlijst": 1}
    assert provisions.overdue_minutes(terms, MONDAY) == {}  # not closed: no term runs yet
    Meeting.update(status=MeetingStatus.CLOSED.value, closed_at=dt.datetime(2026, 11, 2, 11)).where(
        Meeting.id == meeting.id).execute()
    provisions.record_meeting(meeting, "partnerblad", partner=network.police)
    assert provisions.overdue_minutes(terms, MONDAY) == {case.id: ["besluitenlijst"]}


def test_the_terms_are_settings_validated_like_the_others(tmp_path) -> None:
    settings = config.Settings()
    assert settings.minutes_terms() == {"besluitenlijst": 1, "verslag": 5}
    for name in ("besluitenlijst_werkdagen", "verslag_werkdagen"):
        for bad in (0, 31):
            broken = config.Settings(**{name: bad})
            with pytest.raises(ValidationError, match="werkdagen") as caught:
                broken.validate()
            assert caught.value.field == name
    path = tmp_path / "settings.json"
    path.write_text('{"besluitenlijst_werkdagen": 2, "verslag_werkdagen": "nul"}', encoding="utf-8")
    loaded = config.load(path)
    assert loaded.minutes_terms() == {"besluitenlijst": 2, "verslag": 5}
    assert loaded.problems == ["verslag_werkdagen"]
    config.save(path, loaded)
    assert config.load(path).besluitenlijst_werkdagen == 2


# -- the check op bekendheid -----------------------------------------------------------------------


def test_a_grondslag_citing_the_convenant_for_a_non_signatory_is_warned(case, network) -> None:
    added = participants.add_participant(case, network.ggz.id)
    row = added.participant
    participants.set_check(row, CheckStatus.KNOWN, basis="Convenant ZVH art. 5")
    warning = participants.basis_warning(network.ggz, row.check_basis)
    assert warning is not None and "GGZ Noord FACT-team" in warning and "geen grondslag" in warning
    assert participants.basis_warning(network.ggz, "Wet verplichte ggz art. 8:29") is None
    assert participants.basis_warning(network.police, "Convenant ZVH art. 5") is None  # signed
    police = next(p for p in participants.participants_of(case) if p.partner_id == network.police.id)
    assert participants.basis_warnings([police, row], "volgens het CONVENANT") == [
        participants.basis_warning(network.ggz, "convenant")]
