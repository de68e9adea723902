"""Corruption and faults: a damaged or unreadable database is named in Dutch, nothing is opened
for writing, and the newest backup that verifies is offered. `integrity.check` finds the rest."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
import safety_helpers as h

from zvh_tui.core.errors import DatabaseCorrupt, WrongPassphrase, ZvhError
from zvh_tui.services.safety import backup, integrity
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store import models
from zvh_tui.store.models import db


def _flip(offset_of: Callable[[int], int]) -> Callable[[Path], None]:
    def spoil(path: Path) -> None:
        offset = offset_of(path.stat().st_size)
        with open(path, "r+b") as fh:
            fh.seek(offset)
            byte = fh.read(1)
            fh.seek(offset)
            fh.write(bytes([byte[0] ^ 0x5A]))

    return spoil


def _plaintext(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE audit_event (x)")
    conn.commit()
    conn.close()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "flipped byte in page 1": _flip(lambda size: 200),
    "flipped byte in the middle": _flip(lambda size: (size // 4096 // 2) * 4096 + 300),
    "flipped byte in the last page": _flip(lambda size: size - 4096 + 100),
    "truncated mid-page": lambda p: os.truncate(p, p.stat().st_size - 1000),
    "truncated at a page boundary": lambda p: os.truncate(p, p.stat().st_size - 4 * 4096),
    "emptied": lambda p: os.truncate(p, 0),
    "plaintext file": _plaintext,
}


@pytest.fixture
def backed_up(profile: Profile) -> tuple[Profile, backup.BackupInfo]:
    """A profile with some data and one good backup, then closed (as after quitting)."""
    h.fill_case("Schadekanarie1", today=h.TODAY)
    made = backup.make_backup(profile).info
    profile.close()
    return profile, made


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_is_named_and_the_newest_good_backup_offered(
    backed_up: tuple[Profile, backup.BackupInfo], raw_key: str, damage: str
) -> None:
    profile, made = backed_up
    path = profile.paths.database
    DAMAGE[damage](path)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as caught:
        profile.unlock_with_key(raw_key)  # as a worker would; the passphrase path is below
    message = str(caught.value)
    assert any(word in message for word in ("beschadigd", "afgekapt", "leeg", "niet versleuteld"))
    assert "Er is niets geopend of gewijzigd." in message
    assert f"zvh restore {made.path}" in message
    assert caught.value.backup == made  # type: ignore[attr-defined]
    assert "Traceback" not in message and "sqlite" not in message.lower()
    # Nothing was opened for writing: the file is byte for byte as it was, no model is bound.
    assert path.read_bytes() == before
    assert profile.store is None and models.db.obj is None


def test_with_the_passphrase_damage_is_told_apart_and_the_backup_restores(
    backed_up: tuple[Profile, backup.BackupInfo]
) -> None:
    """Page 1 damaged looks like a wrong passphrase to SQLCipher; the backup tells them apart."""
    profile, made = backed_up
    DAMAGE["flipped byte in page 1"](profile.paths.database)
    with pytest.raises(DatabaseCorrupt) as caught:
        profile.unlock(h.TEST_PASSPHRASE)
    assert "het wachtwoord klopt" in str(caught.value)
    assert caught.value.backup == made  # type: ignore[attr-defined]
    backup.restore(profile, made.path, h.TEST_PASSPHRASE)
    assert db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert h.dump_open()["person"]


def test_a_wrong_passphrase_is_not_called_damage(backed_up: tuple[Profile, backup.BackupInfo]) -> None:
    profile, _made = backed_up
    before = profile.paths.database.read_bytes()
    with pytest.raises(WrongPassphrase) as caught:
        profile.unlock("verkeerd-wachtwoord-9")
    assert str(caught.value) == "Het wachtwoord klopt niet, of het databasebestand is beschadigd."
    assert "zvh restore" not in str(caught.value)
    assert profile.paths.database.read_bytes() == before


def test_a_damaged_newest_backup_is_skipped_for_an_older_good_one(
    backed_up: tuple[Profile, backup.BackupInfo], raw_key: str
) -> None:
    profile, good = backed_up
    newer = profile.paths.backups / "zvh-29991231-235959.db"
    data = bytearray(good.path.read_bytes())
    data[5000] ^= 0xFF
    newer.write_bytes(bytes(data))
    DAMAGE["flipped byte in the middle"](profile.paths.database)
    found = integrity.diagnose(profile.paths, raw_key=raw_key)
    assert found.kind == integrity.DAMAGED
    assert found.backup == good


def test_without_a_backup_the_message_says_so(profile: Profile, raw_key: str) -> None:
    profile.close()
    DAMAGE["flipped byte in the last page"](profile.paths.database)
    with pytest.raises(DatabaseCorrupt, match="Er is geen back-up gevonden"):
        profile.unlock_with_key(raw_key)


def test_diagnose_names_each_kind(backed_up: tuple[Profile, backup.BackupInfo], raw_key: str) -> None:
    profile, _made = backed_up
    paths = profile.paths
    assert integrity.diagnose(paths, raw_key=raw_key).kind == integrity.OK
    assert integrity.diagnose(paths, raw_key="ab" * 32).kind == integrity.WRONG_KEY
    DAMAGE["truncated mid-page"](paths.database)
    assert integrity.diagnose(paths, raw_key=raw_key).kind == integrity.TRUNCATED
    _plaintext(paths.database)
    assert integrity.diagnose(paths, raw_key=raw_key).kind == integrity.PLAINTEXT
    paths.database.unlink()
    assert integrity.diagnose(paths, raw_key=raw_key).kind == integrity.MISSING


# -- the full check of an open profile (zvh check) ---------------------------------------------

def test_check_of_a_healthy_profile(profile: Profile) -> None:
    h.fill_case("Gezond1", today=h.TODAY)
    report = integrity.check(profile)
    assert report.ok  # no backup yet: a warning, not damage (issue 9.7)
    assert "LET OP: Back-up: er is nog geen back-up (maak er een met 'zvh backup')" in report.lines()
    backup.make_backup(profile)
    report = integrity.check(profile)
    assert report.ok, report.lines()
    assert not any(line.startswith("PROBLEEM") for line in report.lines())
    assert any("keten onverbroken" in line for line in report.lines())


def test_check_finds_a_broken_audit_chain(profile: Profile) -> None:
    h.fill_case("Keten1", today=h.TODAY)
    backup.make_backup(profile)
    # Someone with the key works around the append-only triggers.
    db.execute_sql('DROP TRIGGER "audit_event_no_update"')
    db.execute_sql("UPDATE audit_event SET user = 'iemand anders' WHERE id = 3")
    report = integrity.check(profile)
    assert not report.ok
    assert any("keten is verbroken bij gebeurtenis 3" in line for line in report.lines())


def test_check_corrects_file_modes(profile: Profile) -> None:
    backup.make_backup(profile)
    loose_file = profile.paths.settings_file
    loose_file.write_text("{}", encoding="utf-8")
    os.chmod(loose_file, 0o644)
    os.chmod(profile.paths.backups, 0o755)
    report = integrity.check(profile)
    assert report.ok, report.lines()
    assert any("hersteld" in line for line in report.lines())
    assert stat.S_IMODE(loose_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile.paths.backups.stat().st_mode) == 0o700


def test_modes_are_corrected_when_a_profile_is_opened(make_profile: Callable[..., Profile]) -> None:
    profile = make_profile(unlock=False)
    os.chmod(profile.paths.database, 0o644)
    os.chmod(profile.paths.data, 0o755)
    profile.acquire()
    assert stat.S_IMODE(profile.paths.database.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile.paths.data.stat().st_mode) == 0o700


def test_a_damaged_page_found_by_check_is_reported_not_raised(profile: Profile, raw_key: str) -> None:
    h.fill_case("Pagina1", today=h.TODAY)
    backup.make_backup(profile)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    DAMAGE["flipped byte in the last page"](profile.paths.database)
    db.execute_sql("PRAGMA cache_size = 0")  # read from the file, not the page cache
    try:
        report = integrity.check(profile)
    except ZvhError as exc:  # pragma: no cover - the check must report, not raise
        pytest.fail(f"check raised {exc!r}")
    assert not report.ok
    assert report.backup is not None
