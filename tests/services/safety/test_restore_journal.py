"""Restore cannot lose data when interrupted (issue 10.1): a child process restores a backup and
dies (os._exit, as kill -9) at every step; the next start has either the old data - including
what was only in the write-ahead log - or the restored data, and always a `zvh.db`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import safety_helpers as h
from test_durability import CHILD

from zvh_tui.services.safety import audit, backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store import database
from zvh_tui.store.models import Person

WAL_ONLY = "Alleen-in-wal-Kx3"


def run_child(mode: str, data_dir: Path, arg: str, raw_key: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHILD), mode, str(data_dir), arg],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, ZVH_TEST_KEY=raw_key, ZVH_TEST_PASSPHRASE=h.TEST_PASSPHRASE, **env),
    )


def persons_in(path: Path, raw_key: str) -> set[str]:
    """Names in a database file as SQLite sees it (its -wal beside it included), read-only."""
    conn = database.connect_raw(path, raw_key, readonly=True)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM person")}
    finally:
        conn.close()


@pytest.fixture
def crashed_profile(make_profile: Callable[..., Profile], raw_key: str) -> tuple[Path, Path]:
    """A profile with a backup, then a change that lives only in the WAL of a killed process."""
    profile = make_profile("vooraf")
    made = backup.make_backup(profile).info
    profile.close()
    child = run_child("wal", profile.paths.data, WAL_ONLY, raw_key)
    assert child.returncode == 0 and child.stdout.startswith("ACK case"), child.stderr
    data = profile.paths.data
    wal = data / "zvh.db-wal"
    assert wal.exists() and wal.stat().st_size > 0
    # The change really is only in the WAL: the main file alone does not have it.
    alone = data.parent / "alleen-db"
    alone.mkdir()
    shutil.copyfile(data / "zvh.db", alone / "zvh.db")
    assert f"Persoon {WAL_ONLY}" not in persons_in(alone / "zvh.db", raw_key)
    assert f"Persoon {WAL_ONLY}" in persons_in(data / "zvh.db", raw_key)
    return data, made.path


SET_STEPS = backup.RESTORE_STEPS[backup.RESTORE_STEPS.index("prepared"):]
CASES = [(step, True) for step in backup.RESTORE_STEPS] + [(step, False) for step in SET_STEPS]


@pytest.mark.parametrize(("step", "checkpoint"), CASES,
                         ids=[f"{s}-{'checkpoint' if c else 'wal-kept'}" for s, c in CASES])
def test_a_restore_killed_at_any_step_keeps_the_old_or_the_restored_data(
    crashed_profile: tuple[Path, Path], tmp_path: Path, raw_key: str, step: str, checkpoint: bool
) -> None:
    """`wal-kept`: the current database is not checkpointed first (as when it does not open
    with the key), so its WAL must travel with it as a set."""
    original, made = crashed_profile
    data = tmp_path / f"kill-{step}"
    shutil.copytree(original, data)  # the crashed profile as it is on disk: db, WAL, anchor
    source = data / "backups" / made.name

    extra = {} if checkpoint else {"ZVH_NO_CHECKPOINT": "1"}
    child = run_child("restore", data, str(source), raw_key, ZVH_KILL_AT=step, **extra)
    assert child.returncode == 9, child.stderr  # it died at this step, cleaning nothing up
    assert "Traceback" not in child.stderr

    profile = Profile.from_dir(data)
    try:
        profile.unlock_with_key(raw_key)  # recovery runs when the profile is taken
        assert (data / "zvh.db").exists()
        assert not (data / backup.JOURNAL_NAME).exists()
        assert not [p for p in data.iterdir() if p.name.startswith(backup.PARTIAL_PREFIX)]
        names = {p.name for p in Person.select()}
        kept = [p for p in (data / "backups").iterdir() if p.name.startswith("vervangen-")
                and p.suffix == ".db"]
        if backup.RESTORE_STEPS.index(step) < backup.RESTORE_STEPS.index("journal"):
            assert f"Persoon {WAL_ONLY}" in names  # the old data, WAL-only change included
            assert kept == []
        else:
            assert f"Persoon {WAL_ONLY}" not in names  # the restored data (the backup's)
            assert len(kept) == 1  # and the old database kept whole, WAL-only change included
            assert f"Persoon {WAL_ONLY}" in persons_in(kept[0], raw_key)
            events = [e.event for e in audit.AuditEvent.select().order_by(audit.AuditEvent.id)]
            assert events[-2:] == ["restore", "unlock"]
        assert audit.verify_chain().ok
        assert profile.anchor is not None and profile.anchor.status == "ok"  # no false alarm
    finally:
        profile.close()


def killed_after_clearing(crashed: tuple[Path, Path], data: Path, raw_key: str) -> None:
    """A copy of the crashed profile whose restore died after the WAL was cleared (not
    checkpointed first, so the WAL is kept only as part of the set)."""
    original, made = crashed
    shutil.copytree(original, data)
    child = run_child("restore", data, str(data / "backups" / made.name), raw_key,
                      ZVH_KILL_AT="cleared", ZVH_NO_CHECKPOINT="1")
    assert child.returncode == 9, child.stderr


def test_a_stale_wal_never_meets_the_restored_database(
    crashed_profile: tuple[Path, Path], tmp_path: Path, raw_key: str
) -> None:
    """Killed after the WAL was cleared but before the swap: the WAL is still kept aside, and
    finishing never puts the restored file beside a WAL it does not belong to."""
    data = tmp_path / "cleared"
    killed_after_clearing(crashed_profile, data, raw_key)
    assert not (data / "zvh.db-wal").exists()
    kept = next((data / "backups").glob("vervangen-*.db-wal"))
    assert kept.stat().st_size > 0  # the frames that were only in the WAL
    assert backup.recover_restore(Profile.from_dir(data).paths) == "finished"
    assert not (data / "zvh.db-wal").exists()
    assert f"Persoon {WAL_ONLY}" not in persons_in(data / "zvh.db", raw_key)
    assert f"Persoon {WAL_ONLY}" in persons_in(kept.with_name(kept.name[:-4]), raw_key)


def test_a_journal_whose_copy_vanished_is_undone(
    crashed_profile: tuple[Path, Path], tmp_path: Path, raw_key: str
) -> None:
    data = tmp_path / "verdwenen"
    killed_after_clearing(crashed_profile, data, raw_key)
    for part in data.glob(f"{backup.PARTIAL_PREFIX}restore-*"):
        part.unlink()  # someone cleaned up the hidden copy by hand
    profile = Profile.from_dir(data)
    assert backup.recover_restore(profile.paths) == "undone"
    assert (data / "zvh.db-wal").exists()  # put back from the kept set
    assert not list((data / "backups").glob("vervangen-*"))
    profile.unlock_with_key(raw_key)
    try:
        assert f"Persoon {WAL_ONLY}" in {p.name for p in Person.select()}
    finally:
        profile.close()


def test_a_folder_copied_after_the_swap_is_finished_not_paired_with_the_old_wal(
    crashed_profile: tuple[Path, Path], tmp_path: Path, raw_key: str
) -> None:
    """Copying the folder (new inodes) between the swap and the next start: the restore is
    recognised as done, and the old WAL is never put beside the restored database."""
    original, made = crashed_profile
    first = tmp_path / "voor-kopie"
    shutil.copytree(original, first)
    child = run_child("restore", first, str(first / "backups" / made.name), raw_key,
                      ZVH_KILL_AT="swapped", ZVH_NO_CHECKPOINT="1")
    assert child.returncode == 9, child.stderr
    data = tmp_path / "na-kopie"
    shutil.copytree(first, data)
    assert backup.recover_restore(Profile.from_dir(data).paths) == "finished"
    assert not (data / "zvh.db-wal").exists()
    profile = Profile.from_dir(data)
    profile.unlock_with_key(raw_key)
    try:
        assert f"Persoon {WAL_ONLY}" not in {p.name for p in Person.select()}
        assert audit.verify_chain().ok and profile.anchor.status == "ok"
    finally:
        profile.close()


def test_when_the_database_cannot_be_set_aside_nothing_changes(
    make_profile: Callable[..., Profile], raw_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backups folder on another file system (no hard links): refused, undone, told."""
    from zvh_tui.core.errors import StoreError
    from zvh_tui.services.cases import lifecycle as cases

    profile = make_profile("anderschijf")
    made = backup.make_backup(profile).info
    cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Persoon Blijft")],
                                    referrer_citizen="buurman", reason="blijft"))
    profile.lock()

    def no_links(*_args: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    with monkeypatch.context() as patch, pytest.raises(StoreError, match="ongewijzigd"):
        patch.setattr(backup.os, "link", no_links)
        backup.restore(profile, made.path, h.TEST_PASSPHRASE)
    data = profile.paths.data
    assert not (data / backup.JOURNAL_NAME).exists()
    assert not [p for p in data.iterdir() if p.name.startswith(backup.PARTIAL_PREFIX)]
    profile.unlock_with_key(raw_key)
    assert "Persoon Blijft" in {p.name for p in Person.select()}
    assert profile.anchor.status == "ok"
