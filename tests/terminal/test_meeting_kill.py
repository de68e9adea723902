"""Nothing typed in a live meeting is lost: kill -9 right after Enter, and a half-typed line
through a kill -9 and a lock (issue 13.3, "Not done if").

Three sessions of the installed `zvh meeting live N` on one profile (a meeting of three fictional
cases made through the services, tests/kits/livekit.py):

1. `b …` Enter; the moment the decision shows on screen, kill -9: after the restart it is
   stored once, and the capture line is empty (the line taken is no draft to type again);
2. `a … @owner vr` Enter, shown, then a half-typed note without Enter; once its draft is in the
   database, a few more keys one by one, and kill -9 the moment the last one shows: the live
   screen keeps the line on every change, so at most that last keystroke (in flight) is missing;
3. after the restart the half-typed line is back in the capture line; typing on and Ctrl+L at
   once (no pause: the lock keeps the draft), unlock: the live screen comes back with the whole
   line; Enter stores it.

Drafts and rows are read beside the running zvh (read-only, tests/kits/killkit.py) and, at the
end, through the models with the passphrase.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from pathlib import Path

import pytest
from killkit import draft_field, read_stored, wait_stored, zvh_pid
from livekit import build_live_world

from zvh_tui.services.meetings import live
from zvh_tui.services.safety import audit
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import dates, drafts
from zvh_tui.store.models import Action, MeetingItem, MeetingNote
from zvh_tui.widgets.capture_line import CAPTURE_INPUT_ID

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
WAIT = 60.0  # seconds for anything to show; generous for a loaded 2-core machine
DECISION = "Huisbezoek door de wijkagent deze week"
ACTION = "Schuldhulp aanmelden"
HALF = "n Moeder belde gisteren"
ON = " laat"
MORE = " over de huur"


def _decisions(conn) -> object:
    return [row[0] for row in conn.execute("SELECT text FROM meeting_note WHERE kind = 'decision'")]


def _actions(conn) -> object:
    return [row[0] for row in conn.execute("SELECT text FROM action WHERE agreed_in_id IS NOT NULL")]


def _live(tmux, reference: str) -> str:
    """The live screen on its first item: the case number and its card."""
    tmux.wait_for(reference, timeout=WAIT)
    return tmux.wait_for("Casusregisseur:", timeout=WAIT)


def _restart(tmux, data: Path, meeting_id: int, env: dict[str, str], reference: str) -> str:
    """A new tmux server (see test_plan_kill.py) and `zvh meeting live N` again."""
    tmux.kill()
    time.sleep(0.2)  # the old server's socket goes away; not a wait for zvh
    tmux.start("--data-dir", str(data), "meeting", "live", str(meeting_id), env=env)
    return _live(tmux, reference)


def _kill(tmux, data: Path) -> None:
    os.kill(zvh_pid(data), signal.SIGKILL)
    tmux.exit_status(timeout=WAIT)  # the pane is dead


def test_kill_9_after_enter_and_a_half_typed_line_through_kill_and_lock(
        tmux, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "profiel"
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    try:
        world = build_live_world()
        meeting_id, first_case = world.meeting.id, world.cases[0]
        team = world.team.name
    finally:
        profile.close()
    key = f"capture:{meeting_id}"
    env = {"ZVH_PASSPHRASE": PASSPHRASE}

    # 1. Enter on a decision, and the laptop dies the moment it shows
    tmux.start("--data-dir", str(data), "meeting", "live", str(meeting_id), env=env)
    _live(tmux, first_case.reference)
    tmux.type(f"b {DECISION}")
    tmux.wait_for(f"b {DECISION}", timeout=WAIT)
    tmux.send_keys("Enter")
    tmux.wait_for(f"BESLUIT {DECISION}", timeout=WAIT)
    _kill(tmux, data)
    wait_stored(data, PASSPHRASE, _decisions, [DECISION], "het besluit")

    # 2. stored once, the line not back; an action, then a half-typed note and kill -9
    screen = _restart(tmux, data, meeting_id, env, first_case.reference)
    assert f"BESLUIT {DECISION}" in tmux.wait_for(f"BESLUIT {DECISION}", timeout=WAIT)
    assert f"b {DECISION}" not in screen
    wait_stored(data, PASSPHRASE, draft_field(key, CAPTURE_INPUT_ID), None, "geen concept na Enter")
    tmux.type(f"a {ACTION} @wijkteam vr")
    tmux.wait_for(f"a {ACTION} @wijkteam vr", timeout=WAIT)
    tmux.send_keys("Enter")
    tmux.wait_for("Actie in plan versie", timeout=WAIT)
    tmux.type(HALF)
    wait_stored(data, PASSPHRASE, draft_field(key, CAPTURE_INPUT_ID), HALF, "de half getypte regel")
    for n in range(1, len(ON) + 1):  # typing on, key by key, as a person; the laptop dies at once
        tmux.type(ON[n - 1])
        tmux.wait_for(HALF + ON[:n], timeout=WAIT)
    _kill(tmux, data)
    wait_stored(data, PASSPHRASE, _actions, [ACTION], "de actie")
    kept = read_stored(data, PASSPHRASE, draft_field(key, CAPTURE_INPUT_ID))
    assert kept in (HALF + ON, HALF + ON[:-1]), kept  # at most the keystroke in flight

    # 3. the half line is back; type on and lock at once; unlock: the whole line, Enter
    _restart(tmux, data, meeting_id, env, first_case.reference)
    tmux.wait_for("Concept teruggezet", timeout=WAIT)
    tmux.wait_for(kept, timeout=WAIT)
    tmux.type(MORE)
    tmux.send_keys("C-l")  # no pause: the lock itself keeps the draft
    tmux.wait_for("Profiel vergrendeld", timeout=WAIT)
    tmux.wait_gone("Casusregisseur:", timeout=WAIT)
    wait_stored(data, PASSPHRASE, draft_field(key, CAPTURE_INPUT_ID), kept + MORE, "het concept bij vergrendelen")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    _live(tmux, first_case.reference)  # straight back into the live meeting
    screen = tmux.wait_for(kept + MORE, timeout=WAIT)
    assert "Traceback" not in screen
    tmux.send_keys("Enter")
    tmux.wait_for(f"beeld {kept[2:]}{MORE}", timeout=WAIT)
    tmux.send_keys("C-q")
    assert tmux.exit_status(timeout=WAIT) == 0

    monkeypatch.setenv("ZVH_PASSPHRASE", PASSPHRASE)
    profile = Profile.from_dir(data)
    assert profile.open_from_environment()
    try:
        item = MeetingItem.get((MeetingItem.meeting == meeting_id) & (MeetingItem.case == first_case.id))
        assert [n.text for n in live.decisions_of(item)] == [DECISION]
        assert [n.text for n in live.notes_of(item)] == [kept[2:] + MORE]
        assert MeetingNote.select().count() == 2  # nothing twice, nothing elsewhere
        [action] = Action.select().where(Action.agreed_in == item.id)
        assert action.text == ACTION and action.owner_partner.name == team
        assert action.deadline == dates.parse_date("vr", today=dt.date.today(), future=True)
        assert action.plan.case_id == first_case.id
        assert drafts.load(key) in (None, {})  # taken by Enter: no draft left
        assert audit.verify_chain().ok
    finally:
        profile.close()
