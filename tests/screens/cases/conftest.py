"""Fixtures for tests/screens/cases: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_cases import make_app, world
