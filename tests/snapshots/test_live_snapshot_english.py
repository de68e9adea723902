"""Snapshot of the live meeting screen in English (issue 17) at 100x30: the same meeting, clock
and lines as test_live_snapshot.py, with the language set to English before the app starts.

Update only this picture after an intended change, and look at it first:

    .venv/bin/python -m pytest -p no:cacheprovider tests/snapshots/test_live_snapshot_english.py --snapshot-update
"""

from __future__ import annotations

from i18nkit import set_language
from snapkit import World, live_meeting, ready_live_meeting

from zvh_tui.app import ZvhApp
from zvh_tui.services.safety.profile import Profile


def test_live_meeting_in_english(snap_compare, profile: Profile, world: World, amsterdam: str) -> None:
    meeting_id = live_meeting(world)
    set_language("en")
    assert snap_compare(ZvhApp(profile), terminal_size=(100, 30),
                        run_before=ready_live_meeting(meeting_id))
