"""The safety services in English (issue 17): refusals carry a message id with parameters and
read in English; a damaged database, a wrong passphrase, a locked profile and a backup that
does not verify are explained in English; the check's report and the audit log's headings and
export are English. Dutch is set back after every test (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import safety_helpers as h
from i18nkit import dutch_words_in

from zvh_tui.core import i18n
from zvh_tui.core.errors import (
    DatabaseCorrupt,
    NotFound,
    ProfileLocked,
    RuleError,
    UnlockDelayed,
    ValidationError,
    WrongPassphrase,
)
from zvh_tui.core.i18n import _
from zvh_tui.services.safety import anchor, audit_log, backup, integrity, rekey, retention
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.safety.unlock_delay import UnlockDelay
from zvh_tui.services.shared import context
from zvh_tui.store.models import AuditEvent, Person


@pytest.fixture
def english() -> None:
    i18n.set_language("en")


@pytest.fixture
def backed_up(profile: Profile) -> tuple[Profile, backup.BackupInfo]:
    """A profile with a case and one good backup, then closed (as after quitting)."""
    h.fill_case("Engelskanarie1", today=h.TODAY)
    made = backup.make_backup(profile).info
    profile.close()
    return profile, made


def _flip_middle(path: Path) -> None:
    offset = (path.stat().st_size // 4096 // 2) * 4096 + 300
    with open(path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0x5A]))


def test_a_wrong_passphrase_reads_in_english(backed_up, english) -> None:
    profile, _made = backed_up
    with pytest.raises(WrongPassphrase) as caught:
        profile.unlock("verkeerd-wachtwoord-9")
    assert caught.value.msgid in ("store.passphrase.wrong", "safety.integrity.wrong_key")
    assert str(caught.value) == "The passphrase is wrong, or the database file is damaged."
    i18n.set_language("nl")  # the same error, read in Dutch, is the Dutch text as before
    assert str(caught.value) == "Het wachtwoord klopt niet, of het databasebestand is beschadigd."


def test_a_damaged_database_is_explained_in_english_with_the_backup_to_restore(
    backed_up, raw_key: str, english
) -> None:
    profile, made = backed_up
    _flip_middle(profile.paths.database)
    with pytest.raises(DatabaseCorrupt) as caught:
        profile.unlock_with_key(raw_key)
    error = caught.value
    assert error.msgid == "safety.integrity.failure_restore"
    assert error.params["problem"].id.startswith("safety.integrity.")
    assert error.params["hint"].id == "safety.integrity.restore_hint"
    assert error.params["hint"].params["path"] == str(made.path)
    message = str(error)
    assert "The database file is damaged" in message
    assert "Nothing has been opened or changed." in message
    assert f"The newest backup that is OK is from {made.label()}. Restore it with: zvh restore {made.path}" in message
    assert dutch_words_in(message, allowed=[str(made.path)]) == []


def test_a_damaged_database_without_a_backup_says_so_in_english(
    profile: Profile, raw_key: str, english
) -> None:
    profile.close()
    _flip_middle(profile.paths.database)
    with pytest.raises(DatabaseCorrupt) as caught:
        profile.unlock_with_key(raw_key)
    assert caught.value.msgid == "safety.integrity.failure_no_backup"
    assert str(caught.value).endswith(
        "Nothing has been opened or changed. No backup was found that opens with this passphrase.")
    assert dutch_words_in(str(caught.value)) == []


def test_a_backup_that_does_not_verify_is_named_in_english(
    profile: Profile, raw_key: str, tmp_path: Path, english
) -> None:
    made = backup.make_backup(profile).info
    cut = tmp_path / "cut.db"
    cut.write_bytes(made.path.read_bytes()[:-1000])
    with pytest.raises(DatabaseCorrupt) as caught:
        backup.verify(cut, raw_key=raw_key)
    assert caught.value.msgid == "safety.backup.truncated"
    assert str(caught.value) == "The file is truncated: it is not a complete database."
    with pytest.raises(WrongPassphrase) as caught_key:
        backup.restore(profile, made.path, "niet-het-wachtwoord-7")
    assert caught_key.value.msgid == "safety.backup.restore_wrong_key"
    assert str(caught_key.value) == (
        "This backup does not open with this passphrase. Was it made before a passphrase change? "
        "Then try the passphrase of that time.")


def test_a_profile_open_elsewhere_is_refused_in_english(
    make_profile: Callable[..., Profile], english
) -> None:
    first = make_profile("bezet")
    second = Profile(first.paths)
    with pytest.raises(ProfileLocked) as caught:
        second.acquire()
    assert caught.value.msgid == "safety.profile.locked"
    assert str(caught.value) == (
        "This profile is already open in another window or program. Close that first; two at "
        "once can damage data.")


def test_the_wait_after_a_wrong_passphrase_is_counted_in_english(tmp_path: Path, english) -> None:
    now = [1000.0]
    delay = UnlockDelay(tmp_path / "delay.json", clock=lambda: now[0])
    delay.failed()
    delay.failed()  # two wrong: wait 2 seconds
    with pytest.raises(UnlockDelayed) as caught:
        delay.check()
    assert caught.value.msgid == "safety.unlock_delay.wait"
    assert caught.value.params == {"n": 2}
    assert str(caught.value) == (
        "After a wrong passphrase you must wait a little: try again in 2 seconds.")
    now[0] += 1
    with pytest.raises(UnlockDelayed, match="try again in 1 second\\."):
        delay.check()


def test_a_refused_passphrase_change_reads_in_english(profile: Profile, english) -> None:
    with pytest.raises(ValidationError) as same:
        rekey.change_passphrase(profile, h.TEST_PASSPHRASE, h.TEST_PASSPHRASE, h.TEST_PASSPHRASE)
    assert same.value.msgid == "safety.rekey.same"
    assert str(same.value) == "The new passphrase is the same as the current one."
    with pytest.raises(WrongPassphrase) as wrong:
        rekey.change_passphrase(profile, "fout-oud-wachtwoord", "nieuw-wachtwoord-2")
    assert wrong.value.msgid == "safety.rekey.wrong_current"
    assert str(wrong.value) == "The current passphrase is wrong."


def test_the_check_report_is_english(profile: Profile, english) -> None:
    h.fill_case("Engelsgezond1", today=h.TODAY)
    report = integrity.check(profile)
    lines = report.lines()
    assert "NOTE: Backup: there is no backup yet (make one with 'zvh backup')" in lines
    assert "Database: OK (full check)" in lines
    assert any(line.startswith("Audit log: OK (") and "events, chain unbroken)" in line
               for line in lines)
    assert "File permissions: for you only (0600/0700)" in lines
    assert dutch_words_in("\n".join(lines)) == []


def test_an_anchor_behind_explains_in_english() -> None:
    found = anchor.Comparison(status=anchor.BEHIND, events=5,
                              anchor=anchor.Anchor(events=12, head="x", generation=3,
                                                   at="2026-11-23T10:00:00+00:00"))
    i18n.set_language("en")
    message = found.message()
    assert message.id == "safety.anchor.refused_no_backup"
    text = str(message)
    assert text.startswith("The database is older than when this profile was last used: the log "
                           "had 12 events, now 5 (last updated ")
    assert "No backup holds more than this database." in text
    assert "'zvh check --aanvaard' records that in the audit log." in text
    assert found.finding().startswith("Anchor: The database is older")
    assert not found.finding().endswith(".")


def test_the_audit_log_headings_and_rows_are_english(profile: Profile, english) -> None:
    case = h.fill_case("Engelslog1", today=h.TODAY)
    rows = audit_log.rows_for_case(case.reference)
    assert [_(heading) for heading in audit_log.COLUMNS] == [
        "Time", "Action", "User", "On behalf of", "Case", "Object", "Detail", "Result"]
    assert audit_log.COLUMNS[0] == "Tijd"  # marked, stored in Dutch: translated where shown
    first = rows[0]
    assert [name for name, _value in first.fields()] == [
        "Time", "Action", "User", "On behalf of", "Case", "Person", "Object", "Detail", "Result"]
    assert first.result == "succeeded"
    assert "created" in {row.event for row in rows}
    assert audit_log.label("destroy") == "destroyed (retention period)"
    assert audit_log.label("not-a-code") == "not-a-code"


def test_the_audit_log_export_describes_in_english_and_keeps_its_keys(profile: Profile) -> None:
    h.fill_case("Engelsexport1", today=h.TODAY)
    person = Person.get(Person.name == "Engelsexport1 Naam")
    document = json.loads(audit_log.export_json(person_id=person.id, language="en"))
    assert document["soort"] == "audit log (NEN 7513) for an access request"
    descriptions = {event["omschrijving"] for event in document["gebeurtenissen"]}
    assert "created" in descriptions
    assert dutch_words_in(" ".join(descriptions)) == []
    assert i18n.current() == "nl"  # the export's language was its own; the UI stays Dutch
    dutch = json.loads(audit_log.export_json(person_id=person.id))
    assert dutch["soort"] == "logboek (NEN 7513) voor een inzageverzoek"
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (last.event, last.object_type) == ("export", "audit_log")


def test_audit_log_refusals_carry_ids_and_read_in_english(profile: Profile, english) -> None:
    with pytest.raises(NotFound) as caught:
        audit_log.export_json(case_ref="1999-9999")
    assert caught.value.msgid == "safety.audit_log.no_case"
    assert caught.value.params == {"reference": "1999-9999"}
    assert str(caught.value) == "There is no case with reference 1999-9999 (and no log of one)."
    with pytest.raises(ValidationError) as both:
        audit_log.export_json()
    assert both.value.msgid == "safety.audit_log.one_subject"
    assert str(both.value) == "Choose one person or one case."


def test_destroying_a_case_too_soon_is_refused_in_english(profile: Profile, english) -> None:
    case = h.close(h.fill_case("Engelsbewaar1", today=h.TODAY), years=15, on=h.TODAY)
    with pytest.raises(RuleError) as caught:
        retention.destroy([case.id])
    assert caught.value.msgid == "safety.retention.not_due"
    assert caught.value.params["reference"] == case.reference
    assert str(caught.value) == (
        f"The retention period of case {case.reference} runs until 23/11/2041.")
    with pytest.raises(RuleError) as none:
        retention.destroy([])
    assert none.value.msgid == "safety.retention.none_chosen"
    assert str(none.value) == "First choose the cases to be destroyed."
    context.set_today(dt.date(2060, 1, 1))
    assert retention.proposal()[0].cells()[2:] == ["23/11/2026", "23/11/2041"]
    context.set_today(h.TODAY)


def test_a_missing_profile_is_explained_in_english(tmp_path: Path, english) -> None:
    profile = Profile.from_dir(tmp_path / "nergens")
    error = profile.missing()
    assert error.msgid == "safety.profile.none_in_folder"
    data = str(profile.paths.data)
    assert str(error).startswith(f"There is no profile in {data}. Is the folder spelt correctly")
    assert dutch_words_in(str(error), allowed=[data]) == []
