"""Fixtures for the snapshot tests: a frozen day and actor, the same colours everywhere, and
the fixed world of snapkit.py (through the root conftest's `profile`, folder "profiel")."""

from __future__ import annotations

import getpass
from collections.abc import Iterator

import pytest
from snapkit import ACTOR, TODAY, World, build_world

from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context


@pytest.fixture(autouse=True)
def _same_everywhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    context.set_today(TODAY)
    context.set_actor(ACTOR)
    # A developer's NO_COLOR would take the colours out of the picture (Textual reads it when
    # the app is made); the theme comes from the profile's settings (the default).
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The login name shows as the placeholder of "Uw naam" on a new profile: the same for all.
    monkeypatch.setattr(getpass, "getuser", lambda: ACTOR.user)
    yield
    context.set_today(None)
    context.set_actor(context.Actor())


@pytest.fixture
def world(profile: Profile) -> World:
    return build_world()
