"""Fixtures for tests/widgets: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_safety import _frozen_clock, make_profile, profile, raw_key, template
