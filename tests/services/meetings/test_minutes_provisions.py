"""The minutes in the verstrekkingenlog (issue 14.3): every document written or exported for
others is a verstrekking of each case it holds (a partner's sheet to that partner, the rest to
the table); the .ics is none; and once the besluitenlijst is out, the term's signal goes."""

from __future__ import annotations

import datetime as dt

import pytest
from minuteskit import Closed, closed_meeting

from zvh_tui.services.meetings import minutes
from zvh_tui.services.partners import provisions
from zvh_tui.store.models import Meeting, Provision


@pytest.fixture
def closed(build) -> Closed:
    return closed_meeting(build)


def _rows() -> list[tuple]:
    return sorted((p.kind, p.partner_id, p.case_id, p.fmt, p.meeting_id) for p in Provision.select())


def test_writing_the_minutes_records_each_document_per_case(closed: Closed, tmp_path) -> None:
    minutes.write_minutes(closed.meeting, tmp_path / "exports", formats=["md"])
    rows = _rows()
    cases = sorted({closed.item.case_id, closed.second.case_id})
    for kind in ("besluitenlijst", "verslag"):
        assert sorted(r[2] for r in rows if r[0] == kind and r[1] is None) == cases, kind
    police = closed.table.police.id
    assert any(r[0] == "partnerblad" and r[1] == police for r in rows)
    assert not any(r[1] == closed.school.id for r in rows)  # not confirmed: no sheet, no verstrekking
    assert {r[0] for r in rows} == {"besluitenlijst", "verslag", "partnerblad", "client"}  # no ics
    assert all(r[3] == "md" and r[4] == closed.meeting.id for r in rows)
    sheet = next(p for p in provisions.of_partner(police))
    assert sheet.what.startswith("blad voor de partner · ")


def test_an_exported_sheet_for_a_school_without_convenant_is_logged_as_dat_informatie(closed: Closed) -> None:
    minutes.export_minutes(closed.meeting.id, "html", kind=minutes.PARTNER, partner="De Linde", confirmed=True)
    [given] = provisions.of_partner(closed.school)
    assert given.unsigned and given.basis == provisions.NO_CONVENANT_BASIS
    minutes.export_minutes(closed.meeting.id, "ics")
    assert Provision.select().count() == 1


def test_the_besluitenlijst_sent_ends_the_signal(closed: Closed) -> None:
    meeting = Meeting.get_by_id(closed.meeting.id)
    late = provisions.add_working_days(meeting.closed_at.date(), 6)
    terms = {"besluitenlijst": 1, "verslag": 5}
    before = provisions.overdue_minutes(terms, late)
    assert before[closed.item.case_id] == ["besluitenlijst", "verslag"]
    minutes.export_minutes(closed.meeting.id, "md")  # without a choice: the besluitenlijst
    after = provisions.overdue_minutes(terms, late)
    assert after[closed.item.case_id] == ["verslag"]
    minutes.export_minutes(closed.meeting.id, "md", kind=minutes.VERSLAG)
    assert provisions.overdue_minutes(terms, late + dt.timedelta(days=30)) == {}
