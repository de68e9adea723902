"""Fixtures for tests/services/shared: shared ones from tests/kits/ (one place per fixture)."""

# ruff: noqa: F401 - the imported fixtures are registered by pytest

from fixtures_services import passphrase, store_profile
