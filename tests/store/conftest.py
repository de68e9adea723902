"""Fixtures for the store tests: isolated folders and fast, raw-keyed encrypted databases.

Every test runs with the XDG folders in its own tmp_path and without ZVH_PASSPHRASE /
ZVH_DATA_DIR, so nothing can reach a real profile. Databases here are keyed with a random raw
key (about 2 ms), except in the tests that are about the passphrase itself.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from zvh_tui.services import context
from zvh_tui.store import database, migrations, models

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Test-only key of tests/fixtures/schema_v1.db (see tests/fixtures/README.md). Not a secret.
SCHEMA_V1_KEY = "6f9e1c2a3b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    xdg = tmp_path / "xdg"
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(xdg / name.lower()))
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    monkeypatch.delenv("ZVH_DATA_DIR", raising=False)
    yield
    context.set_today(None)
    context.set_actor(context.Actor())
    if models.db.obj is not None:  # a test left a store bound: do not leak it into the next
        models.db.obj.close()
        models.db.initialize(None)


def new_raw_key() -> str:
    return secrets.token_hex(database.KEY_BYTES)


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[..., database.Store]]:
    """Factory: an empty encrypted database file keyed with a random raw key, opened."""
    opened: list[database.Store] = []

    def make(name: str = "test.db", raw_key: str | None = None) -> database.Store:
        raw_key = raw_key or new_raw_key()
        path = tmp_path / name
        keyed = database.KeyedDatabase(str(path), raw_key=raw_key)
        keyed.connect()
        keyed.execute_sql("CREATE TABLE _init(x)")
        keyed.execute_sql("DROP TABLE _init")
        keyed.close()
        store = database.open_with_key(path, raw_key)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def migrated_store(make_store: Callable[..., database.Store]) -> Iterator[database.Store]:
    """An encrypted database at the newest schema, with the models bound to it."""
    store = make_store()
    migrations.migrate(store.database)
    database.bind(store)
    yield store
    store.close()


@pytest.fixture
def schema_v1_copy(tmp_path: Path) -> Path:
    """A copy of the frozen version-1 fixture database (the original is never opened)."""
    source = FIXTURES / "schema_v1.db"
    target = tmp_path / "schema_v1.db"
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def schema_v1_key() -> str:
    return SCHEMA_V1_KEY
