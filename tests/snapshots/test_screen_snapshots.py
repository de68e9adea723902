"""Snapshot tests: the main screens as SVG pictures at 80x24 and 120x40 (pytest-textual-snapshot).

A change in layout (a footer that overflows, a column that no longer fits, a label that moved)
makes the picture differ from the stored one under `__snapshots__/` and the test fail, with an
HTML report (snapshot_report.html) that shows both. When the change is meant, update the
pictures and review the new SVGs in the diff:

    .venv/bin/python -m pytest -p no:cacheprovider tests/snapshots --snapshot-update

The pictures depend on Textual's rendering: Textual is pinned exactly in pyproject.toml.
Each test builds its data through the services (snapkit.py), starts the real app on an unlocked
(or locked, or not yet created) profile and waits in `run_before` until the screen shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from snapkit import (
    SIZE_IDS,
    SIZES,
    World,
    build_meetings,
    ready_case_list,
    ready_dossier,
    ready_meetings,
    ready_partner_roster,
    ready_plan_editor,
    ready_unlock,
)

from zvh_tui.app import ZvhApp
from zvh_tui.services.safety.profile import Profile

sizes = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)


@sizes
def test_case_list(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    assert snap_compare(ZvhApp(profile), terminal_size=size, run_before=ready_case_list)


@sizes
def test_dossier(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    assert snap_compare(ZvhApp(profile), terminal_size=size,
                        run_before=ready_dossier(world.plan_case.id))


@sizes
def test_plan_editor(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    assert snap_compare(ZvhApp(profile), terminal_size=size,
                        run_before=ready_plan_editor(world.plan_case.id))


@sizes
def test_partner_roster(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    assert snap_compare(ZvhApp(profile), terminal_size=size, run_before=ready_partner_roster)


@sizes
def test_meetings(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    """F4 Overleggen: next Tuesday's MDO with three cases and an online ICO, then last week's."""
    build_meetings(world)
    assert snap_compare(ZvhApp(profile), terminal_size=size, run_before=ready_meetings)


@sizes
def test_unlock(snap_compare, profile: Profile, size: tuple[int, int]) -> None:
    """An existing profile, locked: 'Profiel vergrendeld' with one passphrase field."""
    profile.lock()
    assert snap_compare(ZvhApp(profile), terminal_size=size, run_before=ready_unlock)


@sizes
def test_unlock_new_profile(snap_compare, profile_dir: Path, size: tuple[int, int]) -> None:
    """First run: 'Nieuw profiel' with the passphrase twice and the name (fits in 80x24)."""
    assert snap_compare(ZvhApp(Profile.from_dir(profile_dir)), terminal_size=size,
                        run_before=ready_unlock)
