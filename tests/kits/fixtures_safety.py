"""Fixtures for the data-safety tests: isolated folders, a fresh profile per test, frozen clock.

Creating a profile costs about 0.2-0.3 s of key derivation, so one profile is created per session
with `Profile.create` (the real path) as a template, and each test gets a copy of its database,
opened with `Profile.unlock_with_key`. Tests that are about the passphrase itself use it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from safety_helpers import TODAY

from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store import models


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    """Folders and environment are isolated by tests/conftest.py; here: a frozen day and actor."""
    context.set_today(TODAY)
    context.set_actor(context.Actor(user="tester", on_behalf_of="ZVH Test"))
    yield
    context.set_today(None)
    context.set_actor(context.Actor())
    if models.db.obj is not None:  # a test left a store bound: do not leak it into the next
        models.db.obj.close()
        models.db.initialize(None)


@pytest.fixture(scope="session")
def template(profile_template: tuple[Path, str]) -> tuple[Path, str]:
    """A newly created profile's database file and its raw key (tests/conftest.py makes it once)."""
    return profile_template


@pytest.fixture
def raw_key(template: tuple[Path, str]) -> str:
    return template[1]


@pytest.fixture
def make_profile(
    tmp_path: Path, template: tuple[Path, str]
) -> Iterator[Callable[..., Profile]]:
    """Factory: a profile folder under tmp_path with a copy of the template database.

    `unlock=False` leaves it locked; `database=False` makes an empty profile (no database)."""
    made: list[Profile] = []

    def make(name: str = "profiel", *, unlock: bool = True, database: bool = True) -> Profile:
        source, key = template
        folder = tmp_path / name
        folder.mkdir(mode=0o700, exist_ok=True)
        if database:
            shutil.copyfile(source, folder / source.name)
        profile = Profile.from_dir(folder)
        if unlock:
            profile.unlock_with_key(key)
            context.set_actor(context.Actor(user="tester", on_behalf_of="ZVH Test"))
        made.append(profile)
        return profile

    yield make
    for profile in made:
        profile.close()


@pytest.fixture
def profile(make_profile: Callable[..., Profile]) -> Profile:
    """A fresh, unlocked profile in tmp_path/profiel."""
    return make_profile()
