"""Scripted planning in a real terminal (issue 13.7): the installed `zvh meeting new` plans a
meeting on a demo profile and prints only its number; the app then shows it under F4
Overleggen, with its agenda. A refused command plans nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from zvh_tui.core.vocab import Phase
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case, Meeting, MeetingItem

pytestmark = pytest.mark.terminal

PASSPHRASE = "demo-wachtwoord-1"
PLACE = "Zaal Terminaltest"


@pytest.fixture
def demo_profile(tmp_path: Path, zvh_env: dict[str, str], zvh_command: Path) -> Path:
    data = tmp_path / "profiel"
    env = {**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE}
    done = subprocess.run([str(zvh_command), "--data-dir", str(data), "demo"], env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    return data


def running_cases(data: Path) -> list[str]:
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        return [c.reference for c in Case.select().where(Case.phase != Phase.CLOSED.value)
                .order_by(Case.reference).limit(2)]
    finally:
        profile.close()


def zvh(command: Path, env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(command), "--data-dir", str(data), *args],
                          env={**env, "ZVH_PASSPHRASE": PASSPHRASE}, capture_output=True, text=True,
                          timeout=60, check=False)


def test_meeting_new_then_f4_shows_it(tmux, demo_profile: Path, zvh_env: dict[str, str],
                                      zvh_command: Path) -> None:
    first, second = running_cases(demo_profile)
    refused = zvh(zvh_command, zvh_env, demo_profile, "meeting", "new", "--kind", "MDO",
                  "--date", "vandaag", "--time", "08:15", "--case", first, "--case", "2000-9999")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "Er is geen casus met nummer '2000-9999'; er is niets gepland" in refused.stderr
    done = zvh(zvh_command, zvh_env, demo_profile, "meeting", "new", "--kind", "mdo",
               "--date", "vandaag", "--time", "815", "--location", PLACE, "--chair", "Anna Test",
               "--case", second, "--case", first)
    assert done.returncode == 0, done.stderr
    number = done.stdout.strip()
    assert number.isdigit() and done.stdout == number + "\n"
    listed = zvh(zvh_command, zvh_env, demo_profile, "meeting", "list")
    assert listed.returncode == 0, listed.stderr
    assert any(line.split()[:1] == [number] and f"{second}, {first}" in line
               for line in listed.stdout.splitlines())

    tmux.start("--data-dir", str(demo_profile))
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for("ontgrendeld")
    tmux.send_keys("F4")
    tmux.wait_for(PLACE)
    screen = tmux.wait_for("komende overleggen")  # the summary line may follow the rows' frame
    meeting_line = next(line for line in screen.splitlines() if PLACE in line)
    assert "08:15" in meeting_line and "MDO" in meeting_line and "2 casussen" in meeting_line
    assert "komende overleggen" in screen  # the demo's own coming MDO is there too
    tmux.send_keys("Enter")  # today's meeting is the first: its agenda
    screen = tmux.wait_for("Uitgenodigd voor")
    assert "Agenda · MDO · " in screen and "08:15" in screen and "voorzitter: Anna Test" in screen
    rows = [line for line in screen.splitlines() if first in line or second in line]
    assert second in rows[0] and first in rows[1]
    tmux.send_keys("C-q")
    assert tmux.exit_status(timeout=60) == 0
    assert "Traceback" not in tmux.capture()

    profile = Profile.from_dir(demo_profile)
    profile.unlock(PASSPHRASE)
    try:
        meeting = Meeting.get_by_id(int(number))
        assert (meeting.location, meeting.start_time, meeting.chair) == (PLACE, "08:15", "Anna Test")
        assert MeetingItem.select().where(MeetingItem.meeting == meeting).count() == 2
        assert Meeting.select().where(Meeting.start_time == "08:15").count() == 1  # refused: none
    finally:
        profile.close()
