"""Opening the per-user SQLCipher database.

The passphrase is turned into the SQLCipher key once, at unlock (PBKDF2-HMAC-SHA512, 256,000
iterations: SQLCipher 4's own defaults, so the file opens with the passphrase in any SQLCipher
tool). Every connection after that (workers, backups) is opened with the raw key, which costs
about a millisecond instead of the key derivation's 130-300 ms.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from peewee import ConnectionContext, DatabaseError, OperationalError
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui.compat.peewee import HookedSqlCipherDatabase
from zvh_tui.core import keyahead
from zvh_tui.core.errors import (
    DatabaseCorrupt,
    DiskFull,
    ReadOnlyStorage,
    StorageProblem,
    StoreClosing,
    StoreError,
    ValidationError,
    WrongPassphrase,
)
from zvh_tui.core.i18n import N_, M, Message, _
from zvh_tui.store import models

# The disk messages are shared with services/safety (profile.py, tests): Dutch texts marked
# here, translated with `_()` when the error is made (the language of the moment).
DISK_FULL_MESSAGE = N_(
    "De schijf is vol (of de database heeft haar maximale grootte bereikt): de laatste wijziging "
    "is niet opgeslagen. Wat eerder was opgeslagen is bewaard. Maak ruimte vrij en probeer het "
    "opnieuw."
)

# Full, read-only and failing disks each get their own message (issue 10.6): never "wrong
# passphrase" (that would count as a failed try) and never a crash.
NOTHING_LOST = N_("Er is niets gewijzigd of verloren.")
_WHAT = {
    "open": N_("het profiel kan niet worden geopend"),
    "create": N_("het profiel kan niet worden aangemaakt"),
    "write": N_("de laatste wijziging is niet opgeslagen"),
}
DISK_FULL_OPEN = N_(
    "De schijf is vol ({free} vrij): {what}. Het wachtwoord is niet als fout geteld. {lost} "
    "Maak ruimte vrij op de schijf (bijvoorbeeld in Downloads of de prullenbak) en probeer het "
    "opnieuw."
)
READ_ONLY_MESSAGE = N_(
    "De profielmap of het databasebestand is alleen-lezen: {what}. {lost} Controleer of de "
    "schijf alleen-lezen is aangekoppeld en of de map en de bestanden van u zijn en beschrijfbaar "
    "(map 0700, bestanden 0600); probeer het daarna opnieuw."
)
DISK_ERROR_MESSAGE = N_(
    "De schijf gaf een lees- of schrijffout: {what}. {lost} Controleer de schijf (bij een "
    "externe schijf of netwerkmap: de verbinding) en probeer het opnieuw."
)
LOW_SPACE_BYTES = 1024 * 1024  # an I/O error with less free than this is a full disk
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 3, 8, 10, 13, 14
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}

# What the driver raises for a damaged file (or one that is no database): Peewee's own error or,
# from a plain connection (`connect_raw`), sqlcipher3's.
DRIVER_ERRORS: tuple[type[Exception], ...] = (DatabaseError, sqlcipher.DatabaseError)

KDF_ITERATIONS = keyahead.KDF_ITERATIONS
KEY_BYTES = keyahead.KEY_BYTES
SALT_BYTES = keyahead.SALT_BYTES
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


# The SQLCipher 4 file format (cipher, KDF, HMAC, page size), pinned: a later SQLCipher major
# version with other defaults still opens the profile, instead of calling it a wrong passphrase.
CIPHER_COMPATIBILITY = 4


def apply_key(conn: sqlcipher.Connection, raw_key: str) -> None:
    """Key a fresh connection: quiet logging first, then the SQLCipher 4 settings and the key.

    `cipher_default_compatibility` comes before the key so that a database ATTACHed later on this
    connection (rekey) gets the same format; `cipher_compatibility` after it pins the main one.
    """
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA cipher_default_compatibility = {CIPHER_COMPATIBILITY}")
    conn.execute(f"PRAGMA key = \"x'{raw_key}'\"")
    conn.execute(f"PRAGMA cipher_compatibility = {CIPHER_COMPATIBILITY}")


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Refuse an empty, short or mistyped new passphrase (Peewee would make a plaintext file)."""
    if not passphrase or not passphrase.strip():
        raise ValidationError(M("store.passphrase.empty",
                                "Een leeg wachtwoord kan niet: kies een wachtwoordzin."), field="passphrase")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            M("store.passphrase.short", "Het wachtwoord moet minstens {n} tekens lang zijn.",
              n=MIN_PASSPHRASE_LENGTH),
            field="passphrase",
        )
    if any(ord(ch) < 32 for ch in passphrase):
        raise ValidationError(M("store.passphrase.control", "Het wachtwoord mag geen stuurtekens bevatten."),
                              field="passphrase")
    weak = weakness(passphrase)
    if weak is not None:
        raise ValidationError(weak, field="passphrase")
    if repeated is not None and repeated != passphrase:
        raise ValidationError(M("store.passphrase.repeat", "De twee wachtwoorden zijn niet gelijk."),
                              field="repeat")


# Offline guessing of a stolen file costs about 0.3 s per guess per core (the key derivation).
# zxcvbn's score 3 ("safely unguessable: moderate protection from offline slow-hash scenario")
# means more than 10^8 guesses by its estimate, so at least a core-year; words of this app's
# world count as guessable. In practice a passphrase needs 9 or more characters to pass.
MIN_STRENGTH_SCORE = 3
STRENGTH_CHECK_CHARS = 100  # zxcvbn slows down on long input; 100 characters are plenty
GUESSABLE_WORDS = [
    "zvh", "zvh-tui", "zorg", "veilig", "veiligheid", "veiligheidshuis", "procesregie",  # i18n: words guessers try
    "regisseur", "casus", "wachtwoord", "wachtwoordzin", "welkom", "geheim", "profiel",  # i18n: words guessers try
]
_WEAK_WHY = {  # zxcvbn's kind of match -> why (translated in the hint)
    "dictionary": M("store.passphrase.weak.dictionary",
                    "het lijkt op een veelgebruikt wachtwoord of een gewoon woord"),
    "spatial": M("store.passphrase.weak.spatial", "een patroon op het toetsenbord"),
    "repeat": M("store.passphrase.weak.repeat", "herhaalde tekens of woorden"),
    "date": M("store.passphrase.weak.date", "een datum of jaartal"),
    "regex": M("store.passphrase.weak.regex", "een jaartal"),
    "sequence": M("store.passphrase.weak.sequence", "een reeks zoals abc of 1234"),
    "bruteforce": M("store.passphrase.weak.bruteforce", "te kort of te eenvoudig"),
}


def weakness(passphrase: str) -> Message | None:
    """Why this new passphrase is too easy to guess (read in the language of the moment), or
    None when it is strong enough."""
    from zxcvbn import zxcvbn  # imported here: loading its word lists takes about 0.1 s

    result = zxcvbn(passphrase[:STRENGTH_CHECK_CHARS], user_inputs=GUESSABLE_WORDS)
    if result["score"] >= MIN_STRENGTH_SCORE:
        return None
    sequence = result.get("sequence") or []
    kinds = {match.get("pattern") for match in sequence}
    kind = next((k for k in _WEAK_WHY if k in kinds), "bruteforce")  # the first that applies
    return M("store.passphrase.weak",
             "Dit wachtwoord is te makkelijk te raden ({why}). Kies een wachtwoordzin van drie of vier "
             "woorden die niet bij elkaar horen, met spaties of streepjes ertussen.", why=_WEAK_WHY[kind])


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's key derivation, done once so later connections can use the raw key (or
    taken from the derivation begun at the start of the process: core/keyahead.py)."""
    return keyahead.derive(passphrase, salt)


def subkey(raw_key: str, label: str) -> bytes:
    """A key for one purpose, derived from the database key: HMAC-SHA256(key, label).

    The database key is already uniformly random (PBKDF2 output), so one HMAC with a distinct
    label per purpose is a sound derivation (HKDF-Expand with a single block). Never the
    database key itself, so a MAC or an anchor file can never reveal it.
    """
    key = bytes.fromhex(raw_key[: KEY_BYTES * 2])
    return hmac.new(key, ("zvh-tui/" + label).encode("ascii"), hashlib.sha256).digest()


# How long a lock or quit waits for other threads (a backup, a search, a destroy) to leave the
# database before it closes what is safe to close. A backup is interrupted at once, so it needs
# milliseconds; the bound is for anything else a worker might still be doing.
CLOSE_WAIT_SECONDS = 5.0
CLOSING_MESSAGE = M("store.closing", "Het profiel wordt vergrendeld: dit werk is gestopt. Er is niets verloren.")


class _UsingContext(ConnectionContext):
    """`connection_context()` of a KeyedDatabase: the thread counts as using it until the end."""

    __slots__ = ()

    def __enter__(self) -> None:
        self.db._begin_use()
        try:
            super().__enter__()
        except BaseException:
            self.db._end_use()
            raise

    def __exit__(self, exc_type, exc_val, exc_tb) -> None:
        try:
            super().__exit__(exc_type, exc_val, exc_tb)  # closes this thread's own connection
        finally:
            self.db._end_use()


_WRITE_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "CREATE", "DROP", "ALTER",
                "SAVEPOINT", "VACUUM", "REINDEX")


class _WriteGate:
    """Writes held until a check of the just-opened database has ended (services/safety/
    profile.py, the deferred check): then they go on, or are refused with the check's error."""

    __slots__ = ("_ended", "error", "owner")

    def __init__(self, owner: threading.Thread) -> None:
        self.owner = owner  # the thread of the check: it writes the unlock event itself
        self.error: StoreError | None = None
        self._ended = threading.Event()

    def wait(self) -> None:
        if threading.current_thread() is self.owner:
            return
        self._ended.wait()
        if self.error is not None:
            raise type(self.error)(str(self.error))  # a fresh one per refused write

    def end(self, error: StoreError | None) -> None:
        self.error = error
        self._ended.set()


class KeyedDatabase(HookedSqlCipherDatabase):
    """A SqlCipherDatabase whose connections are keyed with a raw key (`x'…'`).

    Peewee keeps one connection per thread. A SQLite connection is only ever closed by its own
    thread or while no thread uses it (closing one that another thread is using crashes the
    process). Worker threads use the database inside `connection_context()` (or `using()`);
    `close_all` first refuses new ones, interrupts what may be interrupted (a backup's copy),
    waits a bounded time for the others to leave, and then closes this thread's connection and
    those left behind by threads that are no longer using the database.
    """

    def __init__(self, database: str, raw_key: str, **kwargs: object) -> None:
        self._raw_key = raw_key
        self._connections: dict[object, threading.Thread] = {}  # every open connection: its thread
        self._users: dict[threading.Thread, int] = {}  # threads inside using(): how deep
        self._interruptible: set[object] = set()  # raw connections close_all may interrupt
        self._changed = threading.Condition(threading.Lock())
        self._closing = False
        self._write_gate: _WriteGate | None = None
        super().__init__(database, passphrase="unused", **kwargs)

    def open_connection(self):  # Peewee's hook, through compat.peewee
        params = dict(self.connect_params)
        params.pop("passphrase", None)
        conn = sqlcipher.connect(self.database, isolation_level=None, **params)
        try:
            apply_key(conn, self._raw_key)
            self.add_connection_hooks(conn)
        except Exception:
            conn.close()
            raise
        with self._changed:
            self._connections[conn] = threading.current_thread()
        return conn

    def close_connection(self, conn) -> None:  # in the connection's own thread
        with self._changed:
            ours = self._connections.pop(conn, None) is not None
        if ours:  # not yet closed by close_all (a thread that had stopped using it)
            conn.close()

    # -- threads using the database ---------------------------------------------------------
    def connection_context(self) -> _UsingContext:
        return _UsingContext(self)

    @contextmanager
    def using(self) -> Iterator[None]:
        """This thread uses the database until the end; refused while it is being closed."""
        self._begin_use()
        try:
            yield
        finally:
            self._end_use()

    def _begin_use(self) -> None:
        me = threading.current_thread()
        with self._changed:
            if self._closing and me not in self._users:
                raise StoreClosing(CLOSING_MESSAGE)
            self._users[me] = self._users.get(me, 0) + 1

    def _end_use(self) -> None:
        me = threading.current_thread()
        with self._changed:
            depth = self._users.get(me, 0) - 1
            if depth > 0:
                self._users[me] = depth
            else:
                self._users.pop(me, None)
            self._changed.notify_all()

    @property
    def closing(self) -> bool:
        """A lock or quit has begun: work in other threads stops at its next safe point."""
        return self._closing

    @contextmanager
    def interruptible(self, conn) -> Iterator[None]:  # a sqlcipher3 connection
        """While inside, a close interrupts what `conn` runs (SQLite's thread-safe
        `sqlite3_interrupt`). `conn` must stay open until the end: the caller closes it after."""
        with self._changed:
            if self._closing:
                raise StoreClosing(CLOSING_MESSAGE)
            self._interruptible.add(conn)
        try:
            yield
        finally:
            with self._changed:
                self._interruptible.discard(conn)

    def stop_others(self, wait: float = CLOSE_WAIT_SECONDS) -> bool:
        """Refuse new work from other threads, interrupt what may be, and wait (at most `wait`
        seconds) until no other thread uses the database; True when none does."""
        me = threading.current_thread()
        deadline = time.monotonic() + wait
        with self._changed:
            self._closing = True
            for conn in self._interruptible:
                try:
                    conn.interrupt()
                except Exception:  # S112 - nothing runs on it any more
                    continue
            while True:
                others = [t for t in self._users if t is not me and t.is_alive()]
                remaining = deadline - time.monotonic()
                if not others or remaining <= 0:
                    return not others
                self._changed.wait(remaining)

    def close_all(self, wait: float = CLOSE_WAIT_SECONDS) -> int:
        """Close this thread's connection and every other thread's that is not in use (after
        `stop_others`); return how many were closed. A connection still in use when the wait
        runs out is left to its own thread, which closes it when it leaves `connection_context`."""
        self.stop_others(wait)
        closed = 0
        if not self.is_closed():
            closed += bool(self.close())
        me = threading.current_thread()
        with self._changed:
            busy = {t for t in self._users if t is not me and t.is_alive()}
            idle = [conn for conn, thread in self._connections.items() if thread not in busy]
            for conn in idle:
                del self._connections[conn]
        for conn in idle:
            try:
                conn.close()
                closed += 1
            except Exception:  # S112 - it was not usable any more
                continue
        return closed

    # -- writes held while the database is checked after opening ---------------------------
    def hold_writes(self, owner: threading.Thread) -> None:
        """From now on every write (a transaction, an INSERT, …) of another thread than `owner`
        waits until `release_writes`; reads go on."""
        self._write_gate = _WriteGate(owner)

    def release_writes(self, error: StoreError | None = None) -> None:
        """Let the held writes go on, or refuse them (and every later one) with `error`."""
        gate = self._write_gate
        if gate is None:
            return
        if error is None:
            self._write_gate = None
        gate.end(error)

    def _before_write(self, sql: str) -> None:
        gate = self._write_gate
        if gate is not None and sql.lstrip()[:9].upper().startswith(_WRITE_WORDS):
            gate.wait()

    def subkey(self, label: str) -> bytes:
        """A key for one purpose derived from this database's key (see `subkey`)."""
        return subkey(self._raw_key, label)

    def forget_key(self) -> None:
        self._raw_key = "0" * (KEY_BYTES * 2)

    # A full disk (or `max_page_count`) makes SQLite roll the whole transaction back by itself;
    # Peewee's own ROLLBACK then fails with "no transaction is active" and hides the real cause.
    # Here the cause becomes one clear StoreError and the rollback of nothing is skipped.
    def execute_sql(self, sql, params=None):  # ANN201 - Peewee's signature
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return self.cursor()
        if self._write_gate is not None:
            self._before_write(sql)
        try:
            return super().execute_sql(sql, params)
        except (DatabaseError, OperationalError) as exc:
            _raise_if_full(exc, self.database)
            raise

    def begin(self, lock_type=None):  # ANN201 - Peewee's signature
        gate = self._write_gate
        if gate is not None:
            gate.wait()
        try:
            return super().begin(lock_type)
        except (DatabaseError, OperationalError) as exc:
            _raise_if_full(exc, self.database)
            raise

    def commit(self):  # Peewee's signature
        try:
            return super().commit()
        except (DatabaseError, OperationalError) as exc:
            _raise_if_full(exc, self.database)
            raise

    def rollback(self):  # Peewee's signature
        if not self.is_closed() and not self._in_transaction():
            return None  # SQLite already rolled back (disk full, I/O error)
        return super().rollback()

    def _in_transaction(self) -> bool:
        return not self.is_closed() and bool(self.current_connection().in_transaction)


def _raise_if_full(exc: BaseException, path: str | Path | None = None) -> None:
    """Turn a full, read-only or failing disk under a write into its own StoreError."""
    if "database or disk is full" in str(exc).lower():
        raise DiskFull(_(DISK_FULL_MESSAGE)) from None
    if path is not None:
        problem = storage_problem(exc, Path(path), action="write")
        if problem is not None:
            raise problem from None


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind an exception (Peewee keeps sqlcipher3's in the chain)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        todo.extend((current.__cause__, current.__context__))
    return None


def free_bytes(path: Path) -> int | None:
    """Free space for this user on the disk holding `path` (a file or a folder)."""
    folder = path if path.is_dir() else path.parent
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return None
    return info.f_bavail * info.f_frsize


def is_read_only(path: Path) -> bool:
    """The disk is mounted read-only, or the file or its folder cannot be written."""
    folder = path if path.is_dir() else path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    targets = [folder] + ([path] if path.is_file() else [])
    return any(not os.access(target, os.W_OK) for target in targets)


def size_text(count: int | None) -> str:
    if count is None:
        return _("bijna niets")
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count // 1024} kB"
    return f"{count / (1024 * 1024):.1f} MB"


def storage_problem(exc: BaseException, path: Path, *, action: str = "open") -> StorageProblem | None:
    """The disk-side cause of a failure (full, read-only, I/O), or None when the disk is fine.

    `path` is the database file (or a folder in the profile); `action` "open" or "write".
    SQLite reports a full disk under an unlock as an I/O error (the -shm file cannot grow), so
    an I/O error on a nearly full disk is a full disk.
    """
    what = _(_WHAT[action]) if action in _WHAT else action
    code = sqlite_code(exc)
    number = exc.errno if isinstance(exc, OSError) else None
    text = str(exc).lower()
    free = free_bytes(path)

    def full() -> DiskFull:
        if action == "write":
            return DiskFull(_(DISK_FULL_MESSAGE))
        return DiskFull(_(DISK_FULL_OPEN).format(free=size_text(free), what=what, lost=_(NOTHING_LOST)))

    def read_only() -> ReadOnlyStorage:
        return ReadOnlyStorage(_(READ_ONLY_MESSAGE).format(what=what, lost=_(NOTHING_LOST)))

    if isinstance(exc, DiskFull) or number in _FULL_ERRNOS or code == SQLITE_FULL or "disk is full" in text:
        return full()
    if (isinstance(exc, ReadOnlyStorage) or number in _READ_ONLY_ERRNOS
            or code == SQLITE_READONLY or "readonly" in text):
        return read_only()
    io_failure = (number == errno.EIO or code in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM)
                  or "disk i/o error" in text or "unable to open" in text)
    if not io_failure:
        return None
    if free is not None and free < LOW_SPACE_BYTES:
        return full()
    if is_read_only(path):
        return read_only()
    return StorageProblem(_(DISK_ERROR_MESSAGE).format(what=what, lost=_(NOTHING_LOST)))


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
        apply_key(conn, raw_key)
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
        raise StoreError(M("store.file.unreadable", "Het databasebestand kan niet worden gelezen.")) from exc
    if head == SQLITE_PLAINTEXT_HEADER:
        raise DatabaseCorrupt(M(
            "store.file.plaintext",
            "Dit databasebestand is niet versleuteld. Uit veiligheid wordt het niet geopend."
        ))
    if len(head) < SALT_BYTES:
        raise DatabaseCorrupt(M("store.file.truncated", "Het databasebestand is leeg of afgekapt."))
    return head


def _probe(database: KeyedDatabase) -> None:
    """Read the schema: fails with 'not a database' on a wrong key or a damaged file."""
    database.connect(reuse_if_open=True)
    database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()


def open_store(path: Path, passphrase: str) -> Store:
    """Unlock an existing database with the passphrase."""
    if not passphrase:
        raise WrongPassphrase(M("store.passphrase.missing", "Vul het wachtwoord in."))
    salt = read_salt(path)
    raw = derive_key(passphrase, salt).hex()
    return open_with_key(path, raw)


def open_with_key(path: Path, raw_key: str) -> Store:
    """Open an existing database with its raw key (fast: no key derivation)."""
    if not path.exists():
        raise StoreError(M("store.file.missing", "Het databasebestand bestaat niet."))
    read_salt(path)
    database = _make_database(path, raw_key)
    try:
        _probe(database)
    except (DatabaseError, OperationalError, sqlcipher.DatabaseError) as exc:
        database.close_all()
        problem = storage_problem(exc, path)
        if problem is not None:  # never "wrong passphrase" for a disk that refuses
            raise problem from None
        text = str(exc).lower()
        if "not a database" in text or "encrypted" in text:
            raise WrongPassphrase(M(
                "store.passphrase.wrong",
                "Het wachtwoord klopt niet, of het databasebestand is beschadigd."
            )) from None
        if "locked" in text or "busy" in text:
            raise StoreError(M("store.file.busy", "De database is in gebruik door een ander programma.")) from None
        raise DatabaseCorrupt(M("store.file.damaged",
                                "De database kan niet worden geopend: het bestand is beschadigd.")) from None
    return Store(path=path, database=database, raw_key=raw_key)


def opens_with(path: Path, passphrase: str) -> bool | None:
    """Whether this passphrase opens the database file (read-only; nothing is written).

    None when that cannot be told (no file, damaged, the disk refuses)."""
    try:
        raw = derive_key(passphrase, read_salt(path)).hex()
    except (StoreError, OSError):
        return None
    return key_opens(path, raw)


def key_opens(path: Path, raw_key: str) -> bool | None:
    """Whether this raw key opens the file (read-only; about a millisecond); None when that
    cannot be told."""
    try:
        conn = connect_raw(path, raw_key, readonly=True)
    except (StoreError, OSError, sqlcipher.DatabaseError):
        return None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError as exc:
        return False if "not a database" in str(exc).lower() else None
    finally:
        conn.close()


def create_store(path: Path, passphrase: str) -> Store:
    """Make a new, encrypted, empty database file (the schema is made by `migrations`)."""
    check_new_passphrase(passphrase)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(M("store.file.exists", "Er bestaat al een database in dit profiel."))
    salt = secrets.token_bytes(SALT_BYTES)
    key = derive_key(passphrase, salt)
    database = _make_database(path, key.hex() + salt.hex())
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        database.connect()
        database.execute_sql("CREATE TABLE IF NOT EXISTS _init(x)")
        database.execute_sql("DROP TABLE _init")
    except (OSError, DatabaseError, OperationalError, sqlcipher.DatabaseError) as exc:
        database.close_all()
        problem = storage_problem(exc, path, action="create")
        if problem is None:
            raise
        if not existed:
            _remove_unfinished(path)
        raise problem from None
    database.close()
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            os.chmod(p, 0o600)
    return open_with_key(path, key.hex())


def _remove_unfinished(path: Path) -> None:
    """A new database that could not be finished (full disk): gone, so it is never half a profile."""
    for suffix in ("-wal", "-shm", ""):
        try:
            Path(str(path) + suffix).unlink(missing_ok=True)
        except OSError:
            continue


def bind(store: Store) -> None:
    """Point every model at this store's database."""
    models.db.initialize(store.database)
