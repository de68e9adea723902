"""Snapshot of the plan editor in English (issue 17) at 120x40: the same world and the same
plan as the Dutch picture in test_screen_snapshots.py, with the language set to English.

The header and the app-wide keys of the footer are other files' texts (they follow when those
are translated). Update only this picture after an intended change, and look at it first:

    .venv/bin/python -m pytest -p no:cacheprovider tests/snapshots/test_plan_editor_english_snapshot.py --snapshot-update
"""

from __future__ import annotations

from snapkit import World, ready_plan_editor

from zvh_tui.app import ZvhApp
from zvh_tui.core import i18n
from zvh_tui.services.safety.profile import Profile


def test_plan_editor_in_english(snap_compare, profile: Profile, world: World) -> None:
    i18n.set_language("en")  # tests/conftest.py sets Dutch back afterwards
    assert snap_compare(ZvhApp(profile), terminal_size=(120, 40),
                        run_before=ready_plan_editor(world.plan_case.id))
