"""Fixtures for tests/screens/meetings: shared ones from tests/kits/ (one place per fixture): the
frozen day (Monday 23-11-2026) and actor, the live world of livekit.py, and a stand-in for the
live screen (for the planning screens' tests)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from __future__ import annotations

import sys
import types

import pytest
from fixtures_domain import _frozen_clock, build, profile
from fixtures_live import live_world
from textual.screen import Screen


@pytest.fixture
def fake_live(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A stand-in for screens/meetings/live.py (built by another part of issue 13), so these
    tests do not depend on it: it records the meeting id it was opened with."""
    opened: list[int] = []

    class LiveMeetingScreen(Screen[None]):
        def __init__(self, meeting_id: int) -> None:
            super().__init__()
            opened.append(meeting_id)

    module = types.ModuleType("zvh_tui.screens.meetings.live")
    module.LiveMeetingScreen = LiveMeetingScreen  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "zvh_tui.screens.meetings.live", module)
    return opened
