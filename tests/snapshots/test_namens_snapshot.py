"""Snapshot of the HandOverDialog (dossier, Shift+N) at 80x24: on whose behalf the case runs
now, the partner it goes to and the reason, with Overdragen (F5) in view.

Update only this picture after an intended change, and look at it first:

    .venv/bin/python -m pytest -p no:cacheprovider tests/snapshots/test_namens_snapshot.py --snapshot-update
"""

from __future__ import annotations

from snapkit import World, ready_dossier, settled
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.namens import HandOverDialog
from zvh_tui.services.safety.profile import Profile


def test_hand_over_dialog(snap_compare, profile: Profile, world: World) -> None:
    ready = ready_dossier(world.plan_case.id)

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("N")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HandOverDialog))
        await settled(pilot)

    assert snap_compare(ZvhApp(profile), terminal_size=(80, 24), run_before=run_before)
