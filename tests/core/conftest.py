"""Fixtures for tests/core: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_services import passphrase, store_profile
