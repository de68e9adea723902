"""Fixtures for service tests: isolated folders and an unlocked profile in tmp_path.

The isolation of folders and environment comes from tests/conftest.py (autouse); the frozen 'today' and the actor are reset
afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context

TEST_PASSPHRASE = "test-wachtwoord-1"


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
