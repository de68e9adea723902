"""Fixtures for tests/screens/shell: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_screens import new_profile, screen_text, wait_for
