"""Helpers for screen tests: what the screen shows as plain text, and waiting without sleeps.

Unlocking runs in a thread worker and mode switches run on the app's queue, so a test waits for
a condition (polling with `pilot.pause`) instead of sleeping a fixed time.
"""

from __future__ import annotations

import io
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from zvh_tui.services.profile import Profile

ScreenText = Callable[[App], str]
WaitFor = Callable[[Pilot, Callable[[], bool]], Awaitable[None]]


def _screen_text(app: App) -> str:
    """Everything on the terminal right now (the screen and what shows through it), as text."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True,
        color_system=None, legacy_windows=False, safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()


async def _wait_for(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("de verwachte toestand kwam niet binnen de tijd")
        await pilot.pause(0.02)


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
