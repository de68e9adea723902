"""Fixtures for tests/screens/meetings: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_domain import _frozen_clock, build, profile
