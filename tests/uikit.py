"""What a Textual screen shows, as plain text, and waiting for it without sleeps: one copy for
every screen test (tests/ is on the import path through tests/conftest.py)."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot


def screen_text(app: App) -> str:
    """Everything on the terminal right now (the screen and what shows through it), as text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      record=True, color_system=None, legacy_windows=False, safe_box=False)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()


async def wait_for(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds, showing the screen.

    Then one `pilot.pause()`: the app and the screen handle what the change queued (a focus that
    moves a moment after a field is enabled, the first draw of a new screen) before the caller
    types or reads the screen. On a loaded machine that moment was seen to be missing.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(
                "de verwachte toestand kwam niet binnen de tijd. Scherm:\n" + screen_text(pilot.app))
        await pilot.pause(0.02)
    await pilot.pause()


async def wait_for_text(pilot: Pilot, text: str, timeout: float = 10.0) -> str:
    """Wait until `text` shows on the screen; return the screen."""
    await wait_for(pilot, lambda: text in screen_text(pilot.app), timeout)
    return screen_text(pilot.app)
