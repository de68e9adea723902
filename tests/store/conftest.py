"""Fixtures for the store tests: isolated folders and fast, raw-keyed encrypted databases.

The isolation of folders and environment comes from tests/conftest.py (autouse). Databases here are keyed with a random raw
key (about 2 ms), except in the tests that are about the passphrase itself.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee
import pytest

from zvh_tui.store import database, migrations, models

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Test-only key of tests/fixtures/schema_v1.db and schema_v3.db (see tests/fixtures/README.md).
# Not a secret.
SCHEMA_V1_KEY = "6f9e1c2a3b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"


SCHEMA_MODELS: list[type[peewee.Model]] = [*models.ALL_MODELS, models.CaseSearch]


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
def schema_v3_copy(tmp_path: Path) -> Path:
    """A copy of the frozen version-3 fixture database (the original is never opened)."""
    source = FIXTURES / "schema_v3.db"
    target = tmp_path / "schema_v3.db"
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def schema_v1_key() -> str:
    return SCHEMA_V1_KEY


@pytest.fixture(scope="module")
def reference_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[peewee.SqliteDatabase]:
    """What the models would create today, in a plain throw-away SQLite file."""
    ref = peewee.SqliteDatabase(str(tmp_path_factory.mktemp("ref") / "ref.db"))
    with ref.bind_ctx(SCHEMA_MODELS):
        ref.create_tables(SCHEMA_MODELS)
    yield ref
    ref.close()
