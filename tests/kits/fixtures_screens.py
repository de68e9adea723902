"""Helpers for screen tests: what the screen shows as plain text, and waiting without sleeps.

Unlocking runs in a thread worker and mode switches run on the app's queue, so a test waits for
a condition (polling with `pilot.pause`) instead of sleeping a fixed time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from uikit import screen_text as _screen_text
from uikit import wait_for as _wait_for

from zvh_tui.services.safety.profile import Profile

ScreenText = Callable[[App], str]
WaitFor = Callable[[Pilot, Callable[[], bool]], Awaitable[None]]


@pytest.fixture
def screen_text() -> ScreenText:
    return _screen_text


@pytest.fixture
def wait_for() -> WaitFor:
    return _wait_for


@pytest.fixture
def new_profile(profile_dir: Path) -> Profile:
    """A profile whose database does not exist yet (first run); the app closes it."""
    return Profile.from_dir(profile_dir)
