"""Fixtures for the live meeting screen's tests: the live world of livekit.py."""

from __future__ import annotations

import pytest
from livekit import LiveWorld, build_live_world

from zvh_tui.services.safety.profile import Profile


@pytest.fixture
def live_world(profile: Profile) -> LiveWorld:
    """Three cases at the meeting phase on the agenda of an MDO today (livekit.py)."""
    return build_live_world()
