"""Fixtures for tests/services/plans: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_domain import build, profile
from fixtures_plans import _frozen_clock, plan_case, plan_case_without_director
