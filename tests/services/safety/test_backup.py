"""Backups: encrypted, verified before they count, kept in generations, restorable row for row,
and a backup killed half-way never replaces or hides the previous one."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import safety_helpers as h
from test_durability import kill_and_drain, read_until, start_child

from zvh_tui.core.errors import DatabaseCorrupt, StoreError, WrongPassphrase, ZvhError
from zvh_tui.services.safety import audit, backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent, JournalEntry, db

CANARY = "Backupkanarie5Tg"


def clock_from(start: dt.datetime) -> Callable[[], dt.datetime]:
    times: Iterator[dt.datetime] = (start + dt.timedelta(hours=i) for i in range(10_000))
    return lambda: next(times)


def test_a_backup_is_encrypted_with_the_profiles_key_and_verified(
    profile: Profile, raw_key: str
) -> None:
    h.fill_case(CANARY, today=h.TODAY)
    made = backup.make_backup(profile)
    path = made.info.path
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert raw[:16] == profile.paths.database.read_bytes()[:16]  # same salt: the passphrase opens it
    assert CANARY.encode() not in raw and CANARY.lower().encode() not in raw
    assert backup.verify(path, passphrase=h.TEST_PASSPHRASE) == raw_key
    if h.have_libcrypto():
        assert h.file_holds(path, raw_key, CANARY)  # the content is there, under the same key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [b.path for b in backup.list_backups(profile.paths.backups)] == [path]
    assert not [p for p in path.parent.iterdir() if p != path]  # no temp or side files
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.event, event.detail, event.result) == ("backup", path.name, "ok")
    assert audit.verify_chain().ok


def test_generations_keep_the_newest_n(profile: Profile) -> None:
    clock = clock_from(dt.datetime(2026, 11, 1, 9, 0))
    names = [backup.make_backup(profile, generations=3, clock=clock).info.name for _ in range(5)]
    kept = [b.name for b in backup.list_backups(profile.paths.backups)]
    assert kept == list(reversed(names[-3:]))
    profile.settings.backup_generations = 1
    backup.make_backup(profile, clock=clock)
    assert len(backup.list_backups(profile.paths.backups)) == 1


def test_two_backups_in_the_same_second_both_count(profile: Profile) -> None:
    moment = dt.datetime(2026, 11, 23, 12, 0, 0)
    first = backup.make_backup(profile, clock=lambda: moment).info
    second = backup.make_backup(profile, clock=lambda: moment).info
    assert first.path != second.path
    assert backup.last_backup(profile.paths.backups) == second


def test_a_backup_is_due_after_a_day(profile: Profile) -> None:
    folder = profile.paths.backups
    assert backup.backup_due(folder)
    made = backup.make_backup(profile, clock=lambda: dt.datetime(2026, 11, 23, 8, 0)).info
    assert not backup.backup_due(folder, now=made.made_at + dt.timedelta(hours=23))
    assert backup.backup_due(folder, now=made.made_at + dt.timedelta(days=1))


def test_half_written_and_damaged_files_are_never_taken_as_backups(profile: Profile, raw_key: str) -> None:
    folder = profile.paths.backups
    good = backup.make_backup(profile, clock=lambda: dt.datetime(2026, 11, 20, 8, 0)).info
    partial = folder / ".zvh-20261123-090000-abcd.part"
    partial.write_bytes(good.path.read_bytes()[:8192])
    # A newer file with a backup's name but cut short (someone copied it badly).
    newer = folder / "zvh-20261122-080000.db"
    newer.write_bytes(good.path.read_bytes()[: good.size // 2 + 100])
    assert partial not in [b.path for b in backup.list_backups(folder)]
    assert backup.newest_verifying(folder, raw_key=raw_key) == good
    with pytest.raises(DatabaseCorrupt):
        backup.verify(newer, raw_key=raw_key)
    backup.make_backup(profile)  # the next backup clears what a killed one left
    assert not partial.exists()


def test_backup_to_another_folder_is_verified_and_not_pruned(
    profile: Profile, tmp_path: Path, raw_key: str
) -> None:
    stick = tmp_path / "usb"
    for _ in range(3):
        backup.make_backup(profile, to_dir=stick, generations=1,
                           clock=clock_from(dt.datetime(2026, 1, 1)))
    found = backup.list_backups(stick)
    assert len(found) == 1 or len(found) == 3  # names may collide only by the same second
    for info in found:
        backup.verify(info.path, raw_key=raw_key)
    assert backup.list_backups(profile.paths.backups) == []


def test_restore_into_an_empty_profile_gives_every_row_back(
    profile: Profile, make_profile: Callable[..., Profile]
) -> None:
    h.fill_case(CANARY, today=h.TODAY)
    h.fill_case("Tweede", today=h.TODAY, partner_name="GGZ Tweede")
    before = h.dump_open()
    made = backup.make_backup(profile)
    filled = {t for t, rows in before.items() if rows}
    assert {"case", "person", "plan", "action", "journal_entry", "meeting_note", "escalation",
            "case_search", "case_search_data", "audit_event"} <= filled

    empty = make_profile("nieuwe-laptop", unlock=False, database=False)
    assert not empty.exists
    result = backup.restore(empty, made.info.path, h.TEST_PASSPHRASE)
    assert result.replaced is None
    assert empty.unlocked
    after = h.dump_open()
    assert set(after) == set(before)
    for table, rows in before.items():
        if table == "audit_event":
            # The restored log continues the chain: the 'restore' event (written into the copy
            # before it was put in place) and an 'unlock' event follow.
            assert after[table][: len(rows)] == rows
            assert [r[2] for r in after[table][len(rows):]] == ["restore", "unlock"]
        else:
            assert after[table] == rows, table
    assert audit.verify_chain().ok
    assert db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_restore_over_a_profile_keeps_the_replaced_database_and_the_log(
    profile: Profile, raw_key: str
) -> None:
    made = backup.make_backup(profile)
    h.fill_case(CANARY, today=h.TODAY)  # made after the backup: lives on in the replaced copy
    log_before = h.dump_open()["audit_event"]
    profile.lock()
    result = backup.restore(profile, made.info.path, h.TEST_PASSPHRASE)
    assert JournalEntry.select().count() == 0
    # The log is not rewound: every event up to the lock is still there, then restore, unlock.
    log_after = h.dump_open()["audit_event"]
    assert log_after[: len(log_before)] == log_before
    assert [r[2] for r in log_after[len(log_before):]] == ["lock", "restore", "unlock"]
    restore_event = AuditEvent.get(AuditEvent.event == "restore")
    assert restore_event.user == profile.settings.user_name()  # not "onbekend"
    in_backup = len(h.dump_file(made.info.path, raw_key)["audit_event"])
    assert result.log_carried == len(log_before) + 1 - in_backup  # + 1: the 'lock' event
    assert audit.verify_chain().ok
    assert result.replaced is not None and result.replaced.name.startswith("vervangen-")
    assert result.replaced not in [b.path for b in backup.list_backups(profile.paths.backups)]
    key = backup.verify(result.replaced, passphrase=h.TEST_PASSPHRASE)
    assert any(t.startswith("Journaal") for (t,) in _journal_texts(result.replaced, key))


def _journal_texts(path: Path, key: str) -> list[tuple[str]]:
    from zvh_tui.store import database

    conn = database.connect_raw(path, key)
    try:
        return conn.execute("SELECT text FROM journal_entry").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "spoil, error",
    [
        ("plaintext", DatabaseCorrupt),
        ("truncated", DatabaseCorrupt),
        ("flipped", DatabaseCorrupt),
        ("wrong_passphrase", WrongPassphrase),
        ("missing", StoreError),
    ],
)
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    profile: Profile, tmp_path: Path, spoil: str, error: type[ZvhError]
) -> None:
    made = backup.make_backup(profile).info
    bad = tmp_path / "kapot.db"
    data = made.path.read_bytes()
    passphrase = h.TEST_PASSPHRASE
    if spoil == "plaintext":
        import sqlite3

        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE audit_event (x)")
        conn.commit()
        conn.close()
    elif spoil == "truncated":
        bad.write_bytes(data[: len(data) - 1000])
    elif spoil == "flipped":
        middle = len(data) // 2
        bad.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif spoil == "wrong_passphrase":
        bad.write_bytes(data)
        passphrase = "niet-het-wachtwoord"
    profile.lock()
    before = profile.paths.database.read_bytes()
    with pytest.raises(error) as caught:
        backup.restore(profile, bad, passphrase)
    assert caught.value.message  # a Dutch sentence, never a traceback
    assert profile.paths.database.read_bytes() == before
    assert not [p for p in profile.paths.data.iterdir() if p.name.endswith(".part")]
    profile.unlock(h.TEST_PASSPHRASE)  # the profile still opens as it was


def test_kill_during_backup_keeps_the_previous_one(
    make_profile: Callable[..., Profile], raw_key: str
) -> None:
    profile = make_profile()
    # Enough data that a backup takes a while (about 3 MB), written in one transaction.
    case = h.fill_case(CANARY, today=h.TODAY)
    with db.atomic():
        JournalEntry.insert_many(
            [{"case": case.id, "text": f"regel {i} " + os.urandom(900).hex(), "author": "t"}
             for i in range(1500)]
        ).execute()
    first = backup.make_backup(profile).info
    profile.close()

    rng = random.Random(7)
    partial_seen = 0
    for run in range(6):
        child = start_child("backup", profile.paths.data, run, raw_key)
        ready = read_until(child, time.monotonic() + 20, lambda line: line.startswith("READY"))
        assert ready and ready[-1] == "READY"
        time.sleep(rng.uniform(0.0, 0.4))
        kill_and_drain(child)
        assert child.returncode == -signal.SIGKILL
        folder = profile.paths.backups
        partial_seen += any(p.name.endswith(".part") for p in folder.iterdir())
        listed = backup.list_backups(folder)
        assert first.path in [b.path for b in listed]
        for info in listed:  # everything that counts as a backup is whole and verifies
            backup.verify(info.path, raw_key=raw_key)
    assert partial_seen >= 1  # at least one kill landed in the middle of writing a backup
    profile.unlock_with_key(raw_key)
    assert backup.newest_verifying(profile.paths.backups, raw_key=raw_key) is not None
    backup.make_backup(profile)
    assert not [p for p in profile.paths.backups.iterdir() if p.name.endswith(".part")]


def _foreign_backup(path: Path) -> None:
    """An encrypted database under another key: a backup of another profile, or of this one
    before a passphrase change."""
    import secrets

    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    conn.execute("CREATE TABLE audit_event (x)")
    conn.close()


def test_pruning_removes_only_backups_the_current_key_opens(profile: Profile, raw_key: str) -> None:
    """Issue 10.2: seven backups of a new profile once pruned the old profile's only backup."""
    folder = profile.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    other_key = [folder / "zvh-20250101-080000.db", folder / "zvh-20250102-080000.db"]
    for path in other_key:
        _foreign_backup(path)
    clock = clock_from(dt.datetime(2026, 11, 1, 9, 0))
    made = [backup.make_backup(profile, generations=2, clock=clock).info.path for _ in range(4)]
    kept = [b.path for b in backup.list_backups(folder)]
    assert kept == [made[3], made[2], *reversed(other_key)]  # two of ours, every other one
    from zvh_tui.store import database

    assert database.key_opens(made[3], raw_key) and not database.key_opens(other_key[0], raw_key)
    # Even with one generation, the other key's backups stay.
    backup.make_backup(profile, generations=1, clock=clock)
    assert set(other_key) <= {b.path for b in backup.list_backups(folder)}


def test_restoring_a_backup_from_before_the_keyed_chain_keeps_the_log_whole(
    profile: Profile, raw_key: str
) -> None:
    """A backup made by the previous version (schema 1, no chain marker) restored over today's
    database: the events carried over are MAC-linked, so the marker comes along with them."""
    from zvh_tui.store import database, migrations

    made = backup.make_backup(profile).info
    conn = database.connect_raw(made.path, raw_key)
    conn.execute("DELETE FROM key_value WHERE key = ?", (migrations.AUDIT_CHAIN_KEY,))
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    h.fill_case(CANARY, today=h.TODAY)  # events after the backup, MAC-linked
    profile.lock()
    result = backup.restore(profile, made.path, h.TEST_PASSPHRASE)
    assert result.log_carried and result.log_carried > 5
    report = audit.verify_chain()
    assert report.ok, report
