"""A lock or quit while a backup runs in another thread (Ctrl+Q or Ctrl+L right after unlock,
the idle lock, SIGTERM): the database's connections are closed only after the backup has left
them, the backup is either whole or gone (never a half-written one), and nothing crashes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import safety_helpers as h

from zvh_tui.core.errors import StoreClosing
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent, JournalEntry, db

CHILD = Path(__file__).with_name("child_backup_race.py")
ROUNDS = 40
CANARY = "Racekanarie4Qw"


def _fill(profile: Profile, rows: int = 300) -> None:
    """Some data (about 0.6 MB): a backup takes tens of milliseconds, so the random locks land
    in the copy, in the check and in the last steps (on main's code: a segfault within 15
    rounds, every time it was tried)."""
    case = h.fill_case(CANARY, today=h.TODAY)
    with db.atomic():
        JournalEntry.insert_many(
            [{"case": case.id, "text": f"regel {i} " + os.urandom(900).hex(), "author": "t"}
             for i in range(rows)]
        ).execute()


def _assert_backups_whole(profile: Profile, raw_key: str) -> None:
    folder = profile.paths.backups
    assert not [p.name for p in folder.iterdir() if p.name.endswith(backup.PARTIAL_COMPANIONS)]
    for info in backup.list_backups(folder):
        backup.verify(info.path, raw_key=raw_key)


@pytest.mark.parametrize("mode", ["lock", "close"])
def test_locking_or_closing_during_a_backup_never_crashes(
    make_profile, raw_key: str, mode: str
) -> None:
    profile = make_profile()
    _fill(profile)
    profile.close()
    child = subprocess.run(
        [sys.executable, str(CHILD), mode, str(profile.paths.data), str(ROUNDS), "20261201"],
        capture_output=True, text=True, timeout=600, env=dict(os.environ, ZVH_TEST_KEY=raw_key),
    )
    assert child.returncode == 0, (child.returncode, child.stdout[-2000:], child.stderr[-2000:])
    last = child.stdout.strip().splitlines()[-1].split()
    assert last[0] == "OK"
    made, interrupted = int(last[1]), int(last[2])
    # Both ways of ending were met: the lock came in the middle of a backup and after one.
    assert interrupted >= 1 and made >= 1, child.stdout
    assert "Traceback" not in child.stderr
    assert len(backup.list_backups(profile.paths.backups)) == made + 1  # + the timed one
    _assert_backups_whole(profile, raw_key)
    profile.unlock_with_key(raw_key)  # the profile opens as it was
    details = [e.detail for e in AuditEvent.select().where(AuditEvent.event == "backup")]
    assert details.count("afgebroken") == interrupted  # said as stopped, never as failed
    assert "mislukt" not in details
    assert len(details) == made + 1 + interrupted


def test_a_lock_interrupts_a_running_backup_and_waits_for_it(
    make_profile, raw_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process, made deterministic: the copy is held until the lock has begun."""
    profile = make_profile()
    copying, seen_closing = threading.Event(), []
    real_copy = backup.copy_database

    def slow_copy(source, key, target, *, guard=None):  # ANN202
        real_copy(source, key, target, guard=guard)
        copying.set()
        db_ = profile.store.database
        while not db_.closing:  # the lock has begun; it must wait for this thread
            threading.Event().wait(0.01)
        seen_closing.append(profile.store is not None and not db_.is_closed())

    monkeypatch.setattr(backup, "copy_database", slow_copy)
    outcome: list[BaseException | None] = []
    store = profile.store

    def job() -> None:
        try:
            with store.database.connection_context():
                backup.make_backup(profile)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=job)
    worker.start()
    assert copying.wait(10)
    profile.lock()
    worker.join(10)
    assert not worker.is_alive()
    assert seen_closing == [True]  # the store was still open while the backup was in it
    assert isinstance(outcome[0], StoreClosing)
    assert "niets verloren" in str(outcome[0])
    assert backup.list_backups(profile.paths.backups) == []  # not half a backup either
    _assert_backups_whole(profile, raw_key)
    assert not profile.unlocked


def test_a_connection_in_use_by_another_thread_is_never_closed_by_close_all(
    make_profile,
) -> None:
    """The bounded wait runs out: the worker's connection is left to it, closed when it leaves."""
    profile = make_profile()
    keyed = profile.store.database
    inside, leave, done = threading.Event(), threading.Event(), []

    def worker_job() -> None:
        with keyed.connection_context():
            keyed.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            inside.set()
            leave.wait(10)
            keyed.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()  # still usable
            done.append(True)

    worker = threading.Thread(target=worker_job)
    worker.start()
    assert inside.wait(10)
    keyed.close_all(wait=0.1)
    assert len(keyed._connections) == 1  # the worker's, still open
    with pytest.raises(StoreClosing):  # no new work once closing has begun
        with keyed.connection_context():
            pass
    leave.set()
    worker.join(10)
    assert done == [True]
    assert keyed._connections == {}  # closed by its own thread
    profile.lock()
    assert not profile.unlocked


def test_quit_waits_for_the_running_backup_and_makes_none_when_nothing_changed(
    make_profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = make_profile()
    release, copying = threading.Event(), threading.Event()
    real_copy = backup.copy_database

    def held_copy(source, key, target, *, guard=None):  # ANN202
        real_copy(source, key, target, guard=guard)
        copying.set()
        release.wait(10)

    monkeypatch.setattr(backup, "copy_database", held_copy)
    store = profile.store

    def first() -> None:
        with store.database.connection_context():
            backup.make_backup(profile)

    worker = threading.Thread(target=first)
    worker.start()
    assert copying.wait(10)
    assert backup.running()
    result: list[object] = []
    quitter = threading.Thread(target=lambda: result.append(backup.backup_on_quit(profile)))
    quitter.start()
    quitter.join(0.3)
    assert quitter.is_alive()  # waits for the running backup
    release.set()
    worker.join(10)
    quitter.join(10)
    assert result == [None]  # nothing changed after the backup that just finished
    assert len(backup.list_backups(profile.paths.backups)) == 1


# -- as the user meets it: Ctrl+Q and Ctrl+L right after unlocking --------------------------

def _held_backups(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Every backup's copy is held after copying until `release` is set (or a lock begins)."""
    copying, release = threading.Event(), threading.Event()
    real_copy = backup.copy_database

    def held_copy(source, key, target, *, guard=None):  # ANN202
        real_copy(source, key, target, guard=guard)
        copying.set()
        while not release.is_set():
            release.wait(0.01)
            if guard is not None:
                with guard(None):  # refused once a lock has begun: the backup stops here
                    pass

    monkeypatch.setattr(backup, "copy_database", held_copy)
    return copying, release


async def _unlock(app, pilot) -> None:
    from textual.widgets import Input

    app.screen.query_one("#passphrase", Input).value = h.TEST_PASSPHRASE
    await pilot.press("enter")


async def test_ctrl_q_right_after_unlock_waits_for_the_backup_and_quits_cleanly(
    make_profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zvh_tui.app import ZvhApp

    profile = make_profile()
    old = backup.make_backup(profile).info.path  # nothing changed since: no backup at quit
    old = old.rename(old.with_name("zvh-20200101-120000.db"))  # but years old: one at unlock
    profile.lock()
    copying, release = _held_backups(monkeypatch)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await _unlock(app, pilot)
        await h.wait_for(pilot, lambda: copying.is_set())  # the backup at unlock is running
        await pilot.press("ctrl+q")
        await h.wait_for(pilot, lambda: any("lopende back-up" in n.message for n in app._notifications))
        assert not app._exit and profile.unlocked  # waits: nothing closed under the backup
        release.set()
        await h.wait_for(pilot, lambda: app._exit)
    assert app.return_code == 0
    made = [b for b in backup.list_backups(profile.paths.backups) if b.path != old]
    assert len(made) == 1  # the one at unlock, whole; nothing changed after it: no second
    backup.verify(made[0].path, passphrase=h.TEST_PASSPHRASE)
    assert not [p for p in profile.paths.backups.iterdir() if p.name.endswith(backup.PARTIAL_SUFFIX)]
    assert not profile.unlocked


async def test_ctrl_l_right_after_unlock_stops_the_backup_and_locks(
    make_profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zvh_tui.app import ZvhApp
    from zvh_tui.screens.shell.unlock import UnlockScreen

    profile = make_profile(unlock=False)
    copying, _release = _held_backups(monkeypatch)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await _unlock(app, pilot)
        await h.wait_for(pilot, lambda: copying.is_set() and not isinstance(app.screen, UnlockScreen))
        await pilot.press("ctrl+l")
        await h.wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen) and not profile.unlocked)
        await h.wait_for(pilot, lambda: any("afgebroken" in n.message for n in app._notifications))
        assert not any(n.severity == "error" for n in app._notifications)
        assert backup.list_backups(profile.paths.backups) == []  # no half backup counted
        assert not [p for p in profile.paths.backups.iterdir() if p.name.endswith(backup.PARTIAL_SUFFIX)]
        await _unlock(app, pilot)  # unlocked again: the backup is made now
        _release.set()
        await h.wait_for(pilot, lambda: len(backup.list_backups(profile.paths.backups)) == 1)
    assert not profile.unlocked
