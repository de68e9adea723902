"""Retention: the vernietigingsvoorstel and destroying a case so its text leaves the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import safety_helpers as h

from zvh_tui.core.errors import RuleError
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit, backup, retention
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import (
    Action,
    ActionReview,
    AuditEvent,
    Case,
    CasePerson,
    Commitment,
    ItemAttendance,
    ItemInvite,
    MeetingItem,
    MeetingNote,
    Partner,
    Person,
    Plan,
    db,
)

TODAY = h.TODAY

CANARY = "Kanarie7Q3Zx"
OTHER = "Merel9Kd2Wp"


def test_closing_refuses_without_a_retention_term(profile: Profile) -> None:
    case = h.fill_case(CANARY, today=TODAY)
    assert profile.settings.retention_years is None  # no silent default
    with pytest.raises(RuleError, match="bewaartermijn is nog niet ingesteld"):
        cases.close_case(case, "klaar", retention_years=profile.settings.retention_years, open_actions=cases.KEEP_OPEN_ACTIONS)
    assert Case.get_by_id(case.id).phase != "closed"


def test_proposal_lists_closed_cases_whose_term_has_ended(profile: Profile) -> None:
    context.set_today(dt.date(2010, 1, 15))
    old = h.fill_case(CANARY, today=context.today())
    h.close(old, years=15, on=dt.date(2010, 1, 15))  # ends 15-01-2025
    recent = h.fill_case(OTHER, today=context.today(), partner_name="GGZ")
    h.close(recent, years=20, on=dt.date(2010, 1, 15))  # ends 15-01-2030
    still_open = h.fill_case("OpenZaak1", today=context.today(), partner_name="Reclassering")

    context.set_today(dt.date(2025, 1, 14))
    assert retention.proposal() == []
    context.set_today(dt.date(2025, 1, 15))
    rows = retention.proposal()
    assert [r.reference for r in rows] == [old.reference]
    assert rows[0].cells()[2:] == ["15-01-2010", "15-01-2025"]
    assert still_open.id not in {r.case_id for r in rows}
    assert [r.reference for r in retention.upcoming(within_days=365 * 6)] == [recent.reference]


def test_destroy_refuses_a_case_whose_term_still_runs(profile: Profile) -> None:
    case = h.close(h.fill_case(CANARY, today=TODAY), years=15, on=TODAY)
    with pytest.raises(RuleError, match="loopt nog tot 23-11-2041"):
        retention.destroy([case.id])
    open_case = h.fill_case(OTHER, today=TODAY, partner_name="GGZ")
    context.set_today(dt.date(2060, 1, 1))
    with pytest.raises(RuleError, match="niet afgesloten"):
        retention.destroy([open_case.id])
    assert Case.select().count() == 2


def _rows_mentioning(canary: str) -> list[str]:
    """Tables (FTS shadow tables included) with any row that still holds the canary."""
    found = []
    for table, rows in h.dump_open().items():
        for row in rows:
            if any(canary in str(v) or canary.lower() in str(v).lower() for v in row if v is not None):
                found.append(table)
                break
    return found


def test_destroy_removes_the_case_from_every_table_and_the_file(
    profile: Profile, raw_key: str
) -> None:
    if not h.have_libcrypto():
        pytest.skip("libcrypto is nodig om de pagina's te ontsleutelen")
    context.set_today(dt.date(2005, 3, 1))
    doomed = h.fill_case(CANARY, today=context.today())
    kept = h.fill_case(OTHER, today=context.today(), partner_name="GGZ Kept")
    # A household member who is in both cases must stay for the other case.
    shared = Person.get(Person.name == f"{CANARY} Huisgenoot")
    CasePerson.create(case=kept, person=shared, role="household", position=5)
    h.close(doomed, years=15, on=dt.date(2005, 3, 1))
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = profile.paths.database
    # The test can fail: before destruction the canary is in the file and in the tables.
    assert h.file_holds(path, raw_key, CANARY)
    assert "case" in _rows_mentioning(CANARY)
    before_events = AuditEvent.select().count()

    context.set_today(dt.date(2020, 3, 1))
    result = retention.destroy([doomed.id])

    assert result.references == [doomed.reference]
    assert (result.persons_removed, result.persons_kept) == (1, 1)
    assert Case.get_or_none(Case.id == doomed.id) is None
    # Only the shared person's name still holds the canary (it belongs to the other case).
    leftover = _rows_mentioning(CANARY)
    assert leftover == ["person"], leftover
    assert Person.get_by_id(shared.id).name == f"{CANARY} Huisgenoot"
    # Every table that pointed at the case is empty for it.
    for table in h.user_tables(h.OpenDb()):
        columns = [r[1] for r in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
        if "case_id" in columns and table != "audit_event":
            count = db.execute_sql(f'SELECT count(*) FROM "{table}" WHERE case_id = ?', (doomed.id,)).fetchone()[0]
            assert count == 0, table
    assert not any(CANARY.lower() in term for term in h.fts_terms())
    # Left behind: one pseudonymous 'destroy' event (ids and number only), the chain intact.
    destroy = AuditEvent.select().where(AuditEvent.event == "destroy").get()
    assert (destroy.case_id, destroy.case_ref) == (doomed.id, doomed.reference)
    assert CANARY not in destroy.detail
    assert AuditEvent.select().count() == before_events + 1
    assert audit.verify_chain().ok

    # The text is gone from the file itself: every page decrypted, free pages included.
    Person.delete().where(Person.id == shared.id).execute()  # now no row holds it at all
    retention.scrub_file()
    wal = Path(str(path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert db.execute_sql("PRAGMA freelist_count").fetchone()[0] == 0
    assert not h.file_holds(path, raw_key, CANARY)
    assert h.file_holds(path, raw_key, OTHER)  # the search works: the other case is there

    # And no backup made from now on holds it.
    made = backup.make_backup(profile)
    assert not h.file_holds(made.info.path, raw_key, CANARY)
    assert h.file_holds(made.info.path, raw_key, OTHER)


def test_destroy_alone_scrubs_the_file_without_help(profile: Profile, raw_key: str) -> None:
    """No extra cleaning by the test: destroy() itself leaves no page with the text."""
    if not h.have_libcrypto():
        pytest.skip("libcrypto is nodig om de pagina's te ontsleutelen")
    context.set_today(dt.date(2000, 1, 1))
    doomed = h.fill_case(CANARY, today=context.today())
    h.close(doomed, years=20, on=context.today())
    context.set_today(dt.date(2021, 1, 1))
    retention.destroy([r.case_id for r in retention.proposal()])
    assert not h.file_holds(profile.paths.database, raw_key, CANARY)
    assert not h.file_holds(profile.paths.database, raw_key, "Huisgenoot")


def test_a_destroyed_case_never_lends_its_id_or_number_to_a_new_case(profile: Profile) -> None:
    """The audit log keeps naming a destroyed case by id and number: a new case must get new ones,
    or a later access request for the new person would include the destroyed case's events."""
    context.set_today(dt.date(2010, 1, 15))
    case = h.close(h.fill_case(CANARY, today=context.today()), years=15, on=dt.date(2010, 1, 15))
    old_id, old_reference = case.id, case.reference
    person_ids = [p.id for p, _ in cases.persons_of(case)]
    context.set_today(dt.date(2025, 2, 1))
    retention.destroy([old_id])
    assert Case.select().count() == 0

    context.set_today(dt.date(2010, 2, 1))  # same year as the destroyed reference
    new = h.fill_case(OTHER, today=context.today(), partner_name="GGZ")
    assert new.id > old_id
    assert new.reference != old_reference
    assert int(new.reference.split("-")[1]) > int(old_reference.split("-")[1])
    assert not {p.id for p, _ in cases.persons_of(new)} & set(person_ids)
    assert all(e.case_ref == new.reference for e in audit.events_for_case(new.id))


def test_destroy_leaves_no_draft_of_the_case_behind(profile: Profile, raw_key: str) -> None:
    """A half-typed journal note or closing reason (services/shared/drafts.py) is client data too:
    destroying its case destroys it, in the tables and in the file; other drafts stay."""
    from zvh_tui.services.shared import drafts

    context.set_today(dt.date(2000, 1, 1))
    doomed = h.fill_case(CANARY, today=context.today())
    kept = h.fill_case(OTHER, today=context.today(), partner_name="GGZ Kept")
    drafts.save(f"journal:{doomed.id}", {"text": f"{CANARY} belde terug"}, case_id=doomed.id)
    drafts.save(f"journal:{kept.id}", {"text": f"{OTHER} belde terug"}, case_id=kept.id)
    drafts.save("new_case", {"reason": "een nieuwe aanmelding"})
    h.close(doomed, years=20, on=context.today())
    assert "draft" in _rows_mentioning(CANARY)  # the test can fail: the draft holds the canary

    context.set_today(dt.date(2021, 1, 1))
    retention.destroy([doomed.id])

    assert drafts.load(f"journal:{doomed.id}") is None
    assert drafts.load(f"journal:{kept.id}") == {"text": f"{OTHER} belde terug"}
    assert drafts.load("new_case") == {"reason": "een nieuwe aanmelding"}
    assert _rows_mentioning(CANARY) == []
    if h.have_libcrypto():  # every page decrypted, free pages included
        assert not h.file_holds(profile.paths.database, raw_key, CANARY)
        assert h.file_holds(profile.paths.database, raw_key, OTHER)


def _meeting_mode_rows(case: Case, canary: str) -> MeetingItem:
    """The agenda item of `case` (fill_case made it) with a row in every table of the meeting
    mode (schema v4), written with the models; the text fields hold the canary."""
    item = MeetingItem.get(MeetingItem.case == case)
    partner = Partner.get_by_id(case.referrer_partner_id)
    client = CasePerson.get(CasePerson.case == case).person
    action = Action.select().join(Plan).where(Plan.case == case).get()
    Action.update(agreed_in=item).where(Action.id == action.id).execute()
    MeetingItem.update(director_reason=f"Reden {canary}", call_on=TODAY, next_on=TODAY,
                       next_kind="evaluatie").where(MeetingItem.id == item.id).execute()
    ItemInvite.create(item=item, partner=partner)
    ItemAttendance.create(item=item, partner=partner, arrived_at=dt.datetime(2000, 1, 1, 9))
    ItemAttendance.create(item=item, is_client=True, person=client, arrived_at=dt.datetime(2000, 1, 1, 9))
    ActionReview.create(item=item, action=action, outcome="niet_mogelijk", reason=f"Verhuisd {canary}")
    Commitment.create(item=item, partner=partner)
    MeetingNote.create(item=item, tag="beeld", text=f"Inbreng {canary}", source_partner=partner,
                       visibility="bron")
    return item


def test_destroy_leaves_nothing_of_the_case_in_the_meeting_mode_tables(profile: Profile, raw_key: str) -> None:
    """Issue 13.6: attendance per item, invites, reviews, commitments and notes of the case's
    agenda items go with the case (ON DELETE CASCADE); the other case's stay."""
    context.set_today(dt.date(2000, 1, 1))
    doomed = h.fill_case(CANARY, today=context.today())
    kept = h.fill_case(OTHER, today=context.today(), partner_name="GGZ Kept")
    doomed_item = _meeting_mode_rows(doomed, CANARY)
    kept_item = _meeting_mode_rows(kept, OTHER)
    h.close(doomed, years=20, on=context.today())
    tables = (ItemInvite, ItemAttendance, ActionReview, Commitment, MeetingNote)
    for model in tables:  # the test can fail: both items have rows everywhere
        assert model.select().where(model.item == doomed_item.id).exists(), model.__name__
    assert {"action_review", "meeting_note", "meeting_item"} <= set(_rows_mentioning(CANARY))

    context.set_today(dt.date(2021, 1, 1))
    retention.destroy([doomed.id])

    for model in tables:
        assert not model.select().where(model.item == doomed_item.id).exists(), model.__name__
        assert model.select().where(model.item == kept_item.id).exists(), model.__name__
    assert MeetingItem.get_or_none(MeetingItem.id == doomed_item.id) is None
    assert _rows_mentioning(CANARY) == []
    assert Action.get(Action.agreed_in == kept_item.id).text == f"Actie {OTHER}"
    assert audit.verify_chain().ok
    if h.have_libcrypto():  # every page decrypted, free pages included
        assert not h.file_holds(profile.paths.database, raw_key, CANARY)
        assert h.file_holds(profile.paths.database, raw_key, OTHER)


def test_retention_passed_on_the_end_day_itself() -> None:
    end = dt.date(2025, 1, 15)
    assert retention.passed(end, dt.date(2025, 1, 14)) is False
    assert retention.passed(end, end) is True
    assert retention.passed(end, dt.date(2025, 1, 16)) is True
    assert retention.passed(None, dt.date(2999, 1, 1)) is False


def test_case_list_and_proposal_agree_on_the_boundary_day(profile: Profile) -> None:
    from zvh_tui.services.cases import case_list

    context.set_today(dt.date(2010, 1, 15))
    case = h.close(h.fill_case(CANARY, today=context.today()), years=15, on=dt.date(2010, 1, 15))
    end = Case.get_by_id(case.id).retention_end
    assert end == dt.date(2025, 1, 15)

    def badge_shown(day: dt.date) -> bool:
        [row] = case_list.load_rows(today=day)
        return "bewaartermijn verlopen" in row.badges

    day_before = end - dt.timedelta(days=1)
    assert badge_shown(day_before) is False
    context.set_today(day_before)
    assert retention.proposal() == []
    with pytest.raises(RuleError, match="loopt nog tot 15-01-2025"):
        retention.destroy([case.id])

    assert badge_shown(end) is True
    context.set_today(end)
    assert [r.reference for r in retention.proposal()] == [case.reference]
    assert retention.destroy([case.id]).references == [case.reference]
    assert Case.get_or_none(Case.id == case.id) is None
