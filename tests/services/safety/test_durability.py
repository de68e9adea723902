"""Durability: kill -9 at random moments loses nothing acknowledged; one instance per profile;
a full disk loses nothing already saved."""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import safety_helpers as h

from zvh_tui.core.errors import ProfileLocked, StoreError
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store import database
from zvh_tui.store.models import Action, Case, JournalEntry, db

CHILD = Path(__file__).with_name("child_ops.py")
KILL_ITERATIONS = 15
SEED = 20261123


def start_child(mode: str, data_dir: Path, run: int | str, raw_key: str) -> subprocess.Popen[str]:
    env = dict(os.environ, ZVH_TEST_KEY=raw_key)
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(data_dir), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def read_until(child: subprocess.Popen[str], deadline: float, stop: Callable[[str], bool]) -> list[str]:
    """Lines from the child until `stop(line)` or the deadline (never blocks past it)."""
    lines: list[str] = []
    sel = selectors.DefaultSelector()
    assert child.stdout is not None
    sel.register(child.stdout, selectors.EVENT_READ)
    try:
        while time.monotonic() < deadline:
            if not sel.select(timeout=max(0.0, deadline - time.monotonic())):
                break
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
            if stop(line):
                break
    finally:
        sel.close()
    return lines


def kill_and_drain(child: subprocess.Popen[str]) -> list[str]:
    """SIGKILL, then every complete line the child wrote before it died."""
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate(timeout=10)
    return [line for line in out.split("\n")[:-1]]  # the last piece may be half a line


def test_pragmas_for_durability(profile: Profile) -> None:
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.obj._lock_type == "IMMEDIATE"  # writes take the write lock at BEGIN


def test_kill_9_loses_no_acknowledged_change(make_profile: Callable[..., Profile], raw_key: str) -> None:
    profile = make_profile(unlock=False)
    data_dir = profile.paths.data
    rng = random.Random(SEED)
    acknowledged: list[tuple[str, int, str]] = []
    killed_mid_work = 0
    for run in range(KILL_ITERATIONS):
        child = start_child("work", data_dir, run, raw_key)
        ready = read_until(child, time.monotonic() + 20, lambda line: line.startswith("READY"))
        assert ready and ready[-1] == "READY", child.stderr.read() if child.stderr else ""
        # Wait for the work to be under way (its first acknowledged change), however slow the
        # machine is, then kill it at a random moment in the middle of the work.
        first = read_until(child, time.monotonic() + 20, lambda line: line.startswith("ACK "))
        time.sleep(rng.uniform(0.0, 0.25))
        lines = first + kill_and_drain(child)
        assert child.returncode == -signal.SIGKILL
        acks = [line.split(" ", 3) for line in lines if line.startswith("ACK ")]
        killed_mid_work += bool(acks)
        acknowledged += [(kind, int(ident), text) for _ack, kind, ident, text in acks]

        # Open as the next session would, and find every acknowledged change.
        check = Profile.from_dir(data_dir)
        check.unlock_with_key(raw_key)
        try:
            assert db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
            for kind, ident, text in acknowledged:
                if kind == "case":
                    assert Case.get_by_id(ident).reason == text
                elif kind == "journal":
                    assert JournalEntry.get_by_id(ident).text == text
                else:
                    assert Action.get_by_id(ident).text == text
        finally:
            check.close()
    assert killed_mid_work >= KILL_ITERATIONS - 2  # the kills really landed mid-work
    assert len(acknowledged) > KILL_ITERATIONS * 3
    print(f"kill -9: {KILL_ITERATIONS} iterations, {len(acknowledged)} acknowledged changes kept")


def test_a_second_instance_is_refused_across_processes(
    make_profile: Callable[..., Profile], raw_key: str
) -> None:
    profile = make_profile(unlock=False)
    child = start_child("hold", profile.paths.data, 0, raw_key)
    try:
        lines = read_until(child, time.monotonic() + 20, lambda line: line.startswith("HOLDING"))
        assert lines == ["HOLDING"]
        with pytest.raises(ProfileLocked, match="al geopend in een ander venster"):
            profile.unlock_with_key(raw_key)
        assert profile.store is None
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=10)
    # The kernel drops the lock of a killed process: the profile opens again.
    profile.unlock_with_key(raw_key)
    assert profile.unlocked

    # And the other way round: while we hold it, a second process is refused.
    child = start_child("hold", profile.paths.data, 1, raw_key)
    out, _ = child.communicate(timeout=20)
    assert child.returncode == 3
    assert out.startswith("REFUSED Dit profiel is al geopend")


def test_disk_full_gives_a_clear_message_and_loses_nothing_saved(profile: Profile) -> None:
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Vol Schijf")],
                                           referrer_citizen="buurman", reason="eerst bewaard"))
    saved = [journal.add_entry(case, f"bewaard {i}").id for i in range(3)]
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StoreError) as caught:
        for i in range(200):
            journal.add_entry(case, f"te veel {i} " + "x" * 15_000)
    assert str(caught.value) == database.DISK_FULL_MESSAGE
    assert "schijf is vol" in str(caught.value)
    # Nothing already saved is lost, the database is whole, and work goes on after space is freed.
    assert [e.id for e in JournalEntry.select().where(JournalEntry.text.startswith("bewaard"))] == saved
    assert Case.get_by_id(case.id).reason == "eerst bewaard"
    assert db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert journal.add_entry(case, "na het vrijmaken").id
    h.own_partner()  # the connection still answers
