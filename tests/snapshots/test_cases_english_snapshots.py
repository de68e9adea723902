"""Snapshot tests in English (issue 17): the case list and the dossier of the fixed world, as
SVG pictures at 80x24 and 120x40. Update as for test_screen_snapshots.py, this file only:

    .venv/bin/python -m pytest -p no:cacheprovider tests/snapshots/test_cases_english_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest
from snapkit import SIZE_IDS, SIZES, World, ready_case_list, ready_dossier

from zvh_tui.app import ZvhApp
from zvh_tui.core import i18n
from zvh_tui.services.safety.profile import Profile

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@sizes
def test_case_list_in_english(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    i18n.set_language("en")  # tests/conftest.py sets Dutch back afterwards
    assert snap_compare(ZvhApp(profile), terminal_size=size, run_before=ready_case_list)


@sizes
def test_dossier_in_english(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    i18n.set_language("en")
    assert snap_compare(ZvhApp(profile), terminal_size=size, run_before=ready_dossier(world.plan_case.id))
