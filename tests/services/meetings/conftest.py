"""Fixtures for tests/services/meetings: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_demo import demo_profile, demo_template
from fixtures_domain import _frozen_clock, build, profile
