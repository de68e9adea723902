"""Fixtures for the demo data: the demo and a scale set, each loaded once per session.

Loading the demo costs a few seconds, so it is loaded once per session into a template profile
(through `load_demo`, the real path); each test opens a copy of that database with its raw key.
The same for a scale set of SCALE_N cases. A fingerprint of each template (references, titles,
action texts) is kept so determinism tests can compare a fresh load with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from demokit import DEMO_DAY, SCALE_N, Template, make_template, open_copy

from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, profile_template: tuple[Path, str]) -> Template:
    return make_template(tmp_path_factory, profile_template, "demo", None, DEMO_DAY)


@pytest.fixture(scope="session")
def scale_template(tmp_path_factory: pytest.TempPathFactory, profile_template: tuple[Path, str]) -> Template:
    return make_template(tmp_path_factory, profile_template, "scale", SCALE_N, DEMO_DAY)


@pytest.fixture
def demo_profile(demo_template: Template, tmp_path: Path) -> Iterator[Profile]:
    """An unlocked copy of the demo profile, with the clock frozen on the day it was loaded."""
    context.set_today(DEMO_DAY)  # the root conftest returns to the real calendar afterwards
    opened = open_copy(demo_template, tmp_path / "demo-profiel")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def scale_profile(scale_template: Template, tmp_path: Path) -> Iterator[Profile]:
    """An unlocked copy of a profile filled by the scale generator (SCALE_N cases), on DEMO_DAY."""
    context.set_today(DEMO_DAY)
    opened = open_copy(scale_template, tmp_path / "scale-profiel")
    try:
        yield opened
    finally:
        opened.close()
