"""Opening the per-user SQLCipher database.

The passphrase is turned into the SQLCipher key once, at unlock (PBKDF2-HMAC-SHA512, 256,000
iterations: SQLCipher 4's own defaults, so the file opens with the passphrase in any SQLCipher
tool). Every connection after that (workers, backups) is opened with the raw key, which costs
about a millisecond instead of the key derivation's 130-300 ms.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError, OperationalError
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui.errors import DatabaseCorrupt, StoreError, ValidationError, WrongPassphrase
from zvh_tui.store import models

DISK_FULL_MESSAGE = (
    "De schijf is vol (of de database heeft haar maximale grootte bereikt): de laatste wijziging "
    "is niet opgeslagen. Wat eerder was opgeslagen is bewaard. Maak ruimte vrij en probeer het "
    "opnieuw."
)

KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16
MIN_PASSPHRASE_LENGTH = 8
SQLITE_PLAINTEXT_HEADER = b"SQLite format 3\x00"

# In this order after the key (shared/engineering.md, "Data").
PRAGMAS: list[tuple[str, object]] = [
    ("journal_mode", "wal"),
    ("synchronous", "FULL"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
    ("secure_delete", 1),
    ("temp_store", "MEMORY"),
    ("trusted_schema", 0),
    ("cell_size_check", 1),
]


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Refuse an empty, short or mistyped new passphrase (Peewee would make a plaintext file)."""
    if not passphrase or not passphrase.strip():
        raise ValidationError("Een leeg wachtwoord kan niet: kies een wachtwoordzin.", field="passphrase")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            f"Het wachtwoord moet minstens {MIN_PASSPHRASE_LENGTH} tekens lang zijn.",
            field="passphrase",
        )
    if any(ord(ch) < 32 for ch in passphrase):
        raise ValidationError("Het wachtwoord mag geen stuurtekens bevatten.", field="passphrase")
    if repeated is not None and repeated != passphrase:
        raise ValidationError("De twee wachtwoorden zijn niet gelijk.", field="repeat")


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's key derivation, done once so later connections can use the raw key."""
    return hashlib.pbkdf2_hmac(
        "sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, dklen=KEY_BYTES
    )


class KeyedDatabase(SqlCipherDatabase):
    """A SqlCipherDatabase whose connections are keyed with a raw key (`x'…'`)."""

    def __init__(self, database: str, raw_key: str, **kwargs: object) -> None:
        self._raw_key = raw_key
        # Peewee keeps one connection per thread; a worker thread that forgot
        # `connection_context()` would keep a keyed connection open after a lock. Every
        # connection is remembered here so `close_all` can close them whichever thread made them.
        self._connections: list[object] = []
        self._connections_lock = threading.Lock()
        super().__init__(database, passphrase="unused", **kwargs)

    def _connect(self):  # noqa: ANN202 - Peewee's hook
        params = dict(self.connect_params)
        params.pop("passphrase", None)
        conn = sqlcipher.connect(self.database, isolation_level=None, **params)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{self._raw_key}'\"")
            self._add_conn_hooks(conn)
        except Exception:
            conn.close()
            raise
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    def close_all(self) -> int:
        """Close this thread's connection and every other thread's; return how many were open."""
        if not self.is_closed():
            self.close()
        closed = 0
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            try:
                conn.close()  # closing twice is harmless
                closed += 1
            except Exception:  # noqa: BLE001 - a connection busy in a dying thread
                continue
        return closed

    def forget_key(self) -> None:
        self._raw_key = "0" * (KEY_BYTES * 2)

    # A full disk (or `max_page_count`) makes SQLite roll the whole transaction back by itself;
    # Peewee's own ROLLBACK then fails with "no transaction is active" and hides the real cause.
    # Here the cause becomes one clear StoreError and the rollback of nothing is skipped.
    def execute_sql(self, sql, params=None):  # noqa: ANN001, ANN201 - Peewee's signature
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return self.cursor()
        try:
            return super().execute_sql(sql, params)
        except (DatabaseError, OperationalError) as exc:
            _raise_if_full(exc)
            raise

    def begin(self, lock_type=None):  # noqa: ANN001, ANN201 - Peewee's signature
        try:
            return super().begin(lock_type)
        except (DatabaseError, OperationalError) as exc:
            _raise_if_full(exc)
            raise

    def commit(self):  # noqa: ANN201 - Peewee's signature
        try:
            return super().commit()
        except (DatabaseError, OperationalError) as exc:
            _raise_if_full(exc)
            raise

    def rollback(self):  # noqa: ANN201 - Peewee's signature
        if not self.is_closed() and not self._in_transaction():
            return None  # SQLite already rolled back (disk full, I/O error)
        return super().rollback()

    def _in_transaction(self) -> bool:
        return not self.is_closed() and bool(self._state.conn.in_transaction)


def _raise_if_full(exc: BaseException) -> None:
    if "database or disk is full" in str(exc).lower():
        raise StoreError(DISK_FULL_MESSAGE) from None


def connect_raw(path: Path, raw_key: str, *, readonly: bool = False) -> sqlcipher.Connection:
    """A plain sqlcipher3 connection keyed with a raw key (backups, checks; no Peewee).

    `readonly` opens with SQLite's `mode=ro`: nothing can be written through it.
    """
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{raw_key}'\"")
        conn.execute("PRAGMA busy_timeout = 5000")
    except Exception:
        conn.close()
        raise
    return conn


@dataclass
class Store:
    """An unlocked profile database. Holds the raw key in memory while unlocked."""

    path: Path
    database: KeyedDatabase
    raw_key: str = field(repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def close(self) -> None:
        """Close every connection and forget the key (lock)."""
        try:
            self.database.close_all()
        finally:
            self.database.forget_key()
            self.raw_key = ""
            if models.db.obj is self.database:
                models.db.initialize(None)


def _make_database(path: Path, raw_key: str) -> KeyedDatabase:
    return KeyedDatabase(
        str(path),
        raw_key=raw_key,
        pragmas=PRAGMAS,
        lock_type="IMMEDIATE",
        check_same_thread=False,
    )


def read_salt(path: Path) -> bytes:
    """The salt SQLCipher keeps in the first 16 bytes of the file; refuse a plaintext file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SALT_BYTES)
    except OSError as exc:
        raise StoreError("Het databasebestand kan niet worden gelezen.") from exc
    if head == SQLITE_PLAINTEXT_HEADER:
        raise DatabaseCorrupt(
            "Dit databasebestand is niet versleuteld. Uit veiligheid wordt het niet geopend."
        )
    if len(head) < SALT_BYTES:
        raise DatabaseCorrupt("Het databasebestand is leeg of afgekapt.")
    return head


def _probe(database: KeyedDatabase) -> None:
    """Read the schema: fails with 'not a database' on a wrong key or a damaged file."""
    database.connect(reuse_if_open=True)
    database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()


def open_store(path: Path, passphrase: str) -> Store:
    """Unlock an existing database with the passphrase."""
    if not passphrase:
        raise WrongPassphrase("Vul het wachtwoord in.")
    salt = read_salt(path)
    raw = derive_key(passphrase, salt).hex()
    return open_with_key(path, raw)


def open_with_key(path: Path, raw_key: str) -> Store:
    """Open an existing database with its raw key (fast: no key derivation)."""
    if not path.exists():
        raise StoreError("Het databasebestand bestaat niet.")
    read_salt(path)
    database = _make_database(path, raw_key)
    try:
        _probe(database)
    except (DatabaseError, OperationalError, sqlcipher.DatabaseError) as exc:
        database.close()
        text = str(exc).lower()
        if "not a database" in text or "encrypted" in text:
            raise WrongPassphrase(
                "Het wachtwoord klopt niet, of het databasebestand is beschadigd."
            ) from None
        if "locked" in text or "busy" in text:
            raise StoreError("De database is in gebruik door een ander programma.") from None
        raise DatabaseCorrupt("De database kan niet worden geopend: het bestand is beschadigd.") from None
    return Store(path=path, database=database, raw_key=raw_key)


def create_store(path: Path, passphrase: str) -> Store:
    """Make a new, encrypted, empty database file (the schema is made by `migrations`)."""
    check_new_passphrase(passphrase)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError("Er bestaat al een database in dit profiel.")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    salt = secrets.token_bytes(SALT_BYTES)
    key = derive_key(passphrase, salt)
    database = _make_database(path, key.hex() + salt.hex())
    database.connect()
    database.execute_sql("CREATE TABLE IF NOT EXISTS _init(x)")
    database.execute_sql("DROP TABLE _init")
    database.close()
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            os.chmod(p, 0o600)
    return open_with_key(path, key.hex())


def bind(store: Store) -> None:
    """Point every model at this store's database."""
    models.db.initialize(store.database)
