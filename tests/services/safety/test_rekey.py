"""Changing the passphrase: a verified copy and an atomic swap, never in place."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
import safety_helpers as h

from zvh_tui.core.errors import StoreError, ValidationError, WrongPassphrase
from zvh_tui.services.safety import audit, backup, rekey
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store import database
from zvh_tui.store.models import AuditEvent

NEW = "nieuw-wachtwoord-2"


def test_change_passphrase_rekeys_through_a_verified_copy(profile: Profile) -> None:
    h.fill_case("Sleutelkanarie", today=h.TODAY)
    before = {t: rows for t, rows in h.dump_open().items() if t != "audit_event"}
    events_before = AuditEvent.select().count()
    old_backup = backup.make_backup(profile).info
    old_salt = profile.paths.database.read_bytes()[:16]
    inode = profile.paths.database.stat().st_ino

    profile.change_passphrase(h.TEST_PASSPHRASE, NEW, NEW)

    path = profile.paths.database
    assert path.read_bytes()[:16] != old_salt  # a fresh salt
    assert path.stat().st_ino != inode  # a new file took the name: not rewritten in place
    assert profile.store.raw_key == database.derive_key(NEW, path.read_bytes()[:16]).hex()
    assert {t: rows for t, rows in h.dump_open().items() if t != "audit_event"} == before
    events = [e.event for e in AuditEvent.select().where(AuditEvent.id > events_before)]
    assert events[-4:] == ["lock", "unlock", "passphrase", "backup"]
    assert audit.verify_chain().ok
    # Nothing left behind in the data folder but the database and its own files.
    leftovers = [p.name for p in profile.paths.data.iterdir()
                 if p.name.startswith(".") or p.name.endswith(rekey.PRE_REKEY_SUFFIX)]
    assert leftovers == []
    # A new backup under the new passphrase; the older one still opens with the old one only.
    newest = backup.last_backup(profile.paths.backups)
    assert newest is not None and newest.path != old_backup.path
    new_key = profile.store.raw_key
    backup.verify(newest.path, raw_key=new_key)
    with pytest.raises(WrongPassphrase):
        backup.verify(old_backup.path, raw_key=new_key)
    profile.close()
    profile.unlock(NEW)  # the old passphrase is refused: next test
    assert profile.unlocked


def test_old_passphrase_after_a_change_gets_a_hint_not_a_restore(profile: Profile) -> None:
    backup.make_backup(profile)
    rekey.change_passphrase(profile, h.TEST_PASSPHRASE, NEW, make_backup=False)
    profile.close()
    with pytest.raises(WrongPassphrase) as caught:
        profile.unlock(h.TEST_PASSPHRASE)
    assert "Hebt u het wachtwoord gewijzigd? Gebruik dan het nieuwe." in str(caught.value)
    assert "zvh restore" not in str(caught.value)


@pytest.mark.parametrize(
    "old, new, repeated, error, text",
    [
        ("fout-oud-wachtwoord", NEW, NEW, WrongPassphrase, "huidige wachtwoord klopt niet"),
        (h.TEST_PASSPHRASE, "kort", "kort", ValidationError, "minstens 8"),
        (h.TEST_PASSPHRASE, NEW, NEW + "x", ValidationError, "niet gelijk"),
        (h.TEST_PASSPHRASE, h.TEST_PASSPHRASE, None, ValidationError, "gelijk aan het huidige"),
    ],
)
def test_a_refused_change_changes_nothing(
    profile: Profile, old: str, new: str, repeated: str | None, error: type, text: str
) -> None:
    before = profile.paths.database.read_bytes()[:16]
    with pytest.raises(error, match=text):
        profile.change_passphrase(old, new, repeated)
    assert profile.unlocked
    assert profile.paths.database.read_bytes()[:16] == before


def test_a_failing_copy_leaves_the_old_passphrase_in_force(
    profile: Profile, monkeypatch: pytest.MonkeyPatch, raw_key: str
) -> None:
    h.fill_case("Mislukt1", today=h.TODAY)

    def broken_verify(*args: object, **kwargs: object) -> str:
        raise StoreError("Het bestand is beschadigd (de controle faalde).")

    monkeypatch.setattr(backup, "verify", broken_verify)
    before = profile.paths.database.read_bytes()[:16]
    with pytest.raises(StoreError):
        rekey.change_passphrase(profile, h.TEST_PASSPHRASE, NEW, make_backup=False)
    assert profile.unlocked and profile.store.raw_key == raw_key
    assert profile.paths.database.read_bytes()[:16] == before
    assert not [p for p in profile.paths.data.iterdir() if p.name.startswith(".")]
    assert h.dump_open()["person"]


def test_recover_after_a_kill_between_the_steps(make_profile: Callable[..., Profile], raw_key: str) -> None:
    profile = make_profile(unlock=False)
    paths = profile.paths
    old = paths.database.with_name(paths.database.name + rekey.PRE_REKEY_SUFFIX)
    partial = paths.data / ".zvh-rekey-dead.part"
    # Killed after the hard link, before the swap: the link goes, the database stays.
    os.link(paths.database, old)
    partial.write_bytes(b"half")
    profile.acquire()
    assert not old.exists() and not partial.exists() and paths.database.exists()
    profile.release()
    # A database that went missing next to its old copy is put back.
    os.replace(paths.database, old)
    profile.acquire()
    assert paths.database.exists() and not old.exists()
    profile.unlock_with_key(raw_key)
    assert profile.unlocked
