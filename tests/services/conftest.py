"""Fixtures for service tests: isolated folders and an unlocked profile in tmp_path.

Every test runs with the XDG folders in its own tmp_path and without ZVH_PASSPHRASE /
ZVH_DATA_DIR, so nothing can reach a real profile; the frozen 'today' and the actor are reset
afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zvh_tui.services import context
from zvh_tui.services.profile import Profile
from zvh_tui.store import models

TEST_PASSPHRASE = "test-wachtwoord-1"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    xdg = tmp_path / "xdg"
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(xdg / name.lower()))
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    monkeypatch.delenv("ZVH_DATA_DIR", raising=False)
    yield
    context.set_today(None)
    context.set_actor(context.Actor())
    if models.db.obj is not None:  # a test left a store bound: do not leak it into the next
        models.db.obj.close()
        models.db.initialize(None)


@pytest.fixture
def passphrase() -> str:
    return TEST_PASSPHRASE


@pytest.fixture
def store_profile(tmp_path: Path) -> Iterator[Profile]:
    """A new, unlocked profile in tmp_path (models bound to its database); closed afterwards."""
    profile = Profile.from_dir(tmp_path)
    profile.create(TEST_PASSPHRASE)
    try:
        yield profile
    finally:
        profile.close()
        context.set_today(None)
