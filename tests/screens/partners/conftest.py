"""Fixtures for tests/screens/partners: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_partners import _frozen_day, case, network, ui, write_csv
