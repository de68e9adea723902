"""Snapshot of the live meeting screen (issue 13.2) at 100x30: title and timers, the case card,
attendance and agenda, the notes and the capture line, on the fixed world of snapkit.py with a
clock that stands still (Europe/Amsterdam, so the arrival times are the same everywhere).

Update only this picture after an intended change, and look at it first:

    .venv/bin/python -m pytest -p no:cacheprovider tests/snapshots/test_live_snapshot.py --snapshot-update
"""

from __future__ import annotations

from snapkit import World, live_meeting, ready_live_meeting, settled
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.services.safety.profile import Profile


def test_live_meeting(snap_compare, profile: Profile, world: World, amsterdam: str) -> None:
    meeting_id = live_meeting(world)
    assert snap_compare(ZvhApp(profile), terminal_size=(100, 30),
                        run_before=ready_live_meeting(meeting_id))


def test_live_meeting_on_a_projector(snap_compare, profile: Profile, world: World, amsterdam: str) -> None:
    """The same meeting with MEEKIJKEN on (issue 14.1): initials, the notes the table may see."""
    meeting_id = live_meeting(world)
    ready = ready_live_meeting(meeting_id)

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f8")
        await wait_for(pilot, lambda: pilot.app.projector)
        pilot.app.clear_notifications()  # the toast "Meekijken staat aan" would come and go
        await settled(pilot)

    assert snap_compare(ZvhApp(profile), terminal_size=(100, 30), run_before=run_before)
