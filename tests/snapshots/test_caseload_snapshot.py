"""Snapshot of the Spiegel (screens/cases/caseload.py) at 120x40: the four sections with a
partner on the kikker-radar (its aanspreken note and opschaling proposal), a week dominated by
the pet hulpverlening, and a nazorg date that nears."""

from __future__ import annotations

from caseloadkit import build_mirror_world
from snapkit import TODAY, settled
from textual.pilot import Pilot
from textual.widgets import DataTable
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.caseload import CaseloadScreen
from zvh_tui.services.safety.profile import Profile


async def ready_mirror(pilot: Pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen) and app.screen._rows is not None)
    await pilot.press("m")
    await wait_for(pilot, lambda: isinstance(app.screen, CaseloadScreen) and app.screen.mirror is not None)
    app.screen.query_one("#mirror-radar", DataTable).focus()
    await settled(pilot)


def test_caseload_mirror(snap_compare, profile: Profile) -> None:
    build_mirror_world(TODAY)
    assert snap_compare(ZvhApp(profile), terminal_size=(120, 40), run_before=ready_mirror)
