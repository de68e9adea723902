"""Fixtures for the tests across the service areas (tests/services/test_*.py): the scale set
from tests/kits/fixtures_demo.py, loaded once per session (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_demo import scale_profile, scale_template
