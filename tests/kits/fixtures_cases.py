"""Fixtures for the case list, new case form and dossier tests (helpers live in casekit.py).

The root conftest gives the isolated folders and an unlocked `profile`; here: a `world` of cases
with one signal each, and the app with the case list as its 'cases' mode.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from casekit import World, app_class, build_world

from zvh_tui.app import ZvhApp
from zvh_tui.services.safety.profile import Profile


@pytest.fixture
def world(profile: Profile) -> World:
    return build_world()


@pytest.fixture
def make_app() -> Callable[[Profile], ZvhApp]:
    return lambda profile: app_class()(profile)
