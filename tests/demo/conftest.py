"""Fixtures for the demo data, scale generator and export tests: from tests/kits/fixtures_demo.py
(one place per fixture; the minutes tests use the demo too)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_demo import demo_profile, demo_template, scale_profile, scale_template
