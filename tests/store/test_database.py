"""Opening, creating and keying the encrypted per-profile database (store/database.py)."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui.core.errors import (
    DatabaseCorrupt,
    ProfileLocked,
    StoreError,
    ValidationError,
    WrongPassphrase,
    ZvhError,
)
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store import database, models

PASSPHRASE = "test-wachtwoord-1"


def _plain_connect(path: Path, key_sql: str) -> sqlcipher.Connection:
    """A connection through plain sqlcipher3, as any SQLCipher tool would open the file."""
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(key_sql)
    return conn


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# -- a new database ---------------------------------------------------------------------------


def test_new_database_is_encrypted_and_begins_with_its_salt(tmp_path: Path) -> None:
    path = tmp_path / "zvh.db"
    store = database.create_store(path, PASSPHRASE)
    try:
        store.database.execute_sql("CREATE TABLE t (x TEXT)")
        store.database.execute_sql("INSERT INTO t VALUES ('Canary-Klare-Tekst-42')")
        head = path.read_bytes()[:16]
        assert not head.startswith(b"SQLite format 3")
        # The first 16 bytes are the salt the key was derived with.
        assert store.raw_key == database.derive_key(PASSPHRASE, head).hex()
        for suffix in ("", "-wal"):
            file = Path(str(path) + suffix)
            if file.exists():
                assert b"Canary-Klare-Tekst-42" not in file.read_bytes()
    finally:
        store.close()


def test_every_new_database_gets_its_own_salt(tmp_path: Path) -> None:
    first = database.create_store(tmp_path / "a.db", PASSPHRASE)
    second = database.create_store(tmp_path / "b.db", PASSPHRASE)
    try:
        salt_a = (tmp_path / "a.db").read_bytes()[:16]
        salt_b = (tmp_path / "b.db").read_bytes()[:16]
        assert salt_a != salt_b
        assert first.raw_key != second.raw_key
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize(
    ("passphrase", "fragment"),
    [
        ("", "leeg"),
        ("        ", "leeg"),
        (" \t \n ", "leeg"),
        ("kort123", "minstens 8"),
        ("a", "minstens 8"),
        ("wacht\x00woord", "stuurtekens"),
        ("wacht\x1bwoord", "stuurtekens"),
    ],
)
def test_unusable_passphrase_is_refused_and_no_file_is_made(
    tmp_path: Path, passphrase: str, fragment: str
) -> None:
    path = tmp_path / "nieuw" / "zvh.db"
    with pytest.raises(ValidationError) as caught:
        database.create_store(path, passphrase)
    assert fragment in str(caught.value)
    assert caught.value.field == "passphrase"
    assert not path.exists()
    assert not path.parent.exists()


def test_profile_refuses_a_short_passphrase_before_touching_the_disk(tmp_path: Path) -> None:
    profile = Profile.from_dir(tmp_path / "profiel")
    with pytest.raises(ValidationError):
        profile.create("kort")
    assert not (tmp_path / "profiel").exists()
    assert not profile.unlocked


def test_mistyped_repeat_is_refused_on_its_own_field() -> None:
    database.check_new_passphrase("lang-genoeg-1")  # 13 characters: fine
    with pytest.raises(ValidationError) as weak:  # long enough, but the most common of all
        database.check_new_passphrase("12345678")
    assert "te makkelijk te raden" in str(weak.value) and "minstens" not in str(weak.value)
    with pytest.raises(ValidationError) as caught:
        database.check_new_passphrase("lang-genoeg-1", "lang-genoeg-2")
    assert caught.value.field == "repeat"


def test_create_refuses_to_overwrite_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "zvh.db"
    path.write_bytes(b"bestaande inhoud")
    with pytest.raises(StoreError):
        database.create_store(path, PASSPHRASE)
    assert path.read_bytes() == b"bestaande inhoud"


# -- compatibility with standard SQLCipher ----------------------------------------------------


@pytest.mark.parametrize("passphrase", [PASSPHRASE, "één-wachtwoord's-€"])
def test_database_opens_with_the_plain_passphrase_in_standard_sqlcipher(
    tmp_path: Path, passphrase: str
) -> None:
    path = tmp_path / "zvh.db"
    store = database.create_store(path, passphrase)
    store.database.execute_sql("CREATE TABLE t (x TEXT)")
    store.database.execute_sql("INSERT INTO t VALUES ('hallo')")
    store.close()

    conn = _plain_connect(path, f"PRAGMA key = {_quote(passphrase)}")
    try:
        assert conn.execute("SELECT x FROM t").fetchall() == [("hallo",)]
    finally:
        conn.close()

    wrong = _plain_connect(path, "PRAGMA key = 'niet-het-wachtwoord'")
    try:
        with pytest.raises(sqlcipher.DatabaseError):
            wrong.execute("SELECT x FROM t").fetchall()
    finally:
        wrong.close()


def test_database_made_by_standard_sqlcipher_unlocks_with_its_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "extern.db"
    conn = _plain_connect(path, f"PRAGMA key = {_quote(PASSPHRASE)}")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('van buiten')")
    conn.commit()
    conn.close()

    store = database.open_store(path, PASSPHRASE)
    try:
        assert store.database.execute_sql("SELECT x FROM t").fetchall() == [("van buiten",)]
    finally:
        store.close()


# -- refusing wrong keys and bad files ---------------------------------------------------------


def test_wrong_passphrase_is_refused_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "zvh.db"
    database.create_store(path, PASSPHRASE).close()
    with pytest.raises(WrongPassphrase) as caught:
        database.open_store(path, "test-wachtwoord-2")
    assert "wachtwoord klopt niet" in str(caught.value)
    assert models.db.obj is None


def test_empty_passphrase_is_refused_without_key_derivation(tmp_path: Path) -> None:
    path = tmp_path / "zvh.db"
    path.write_bytes(b"x" * 64)
    with pytest.raises(WrongPassphrase) as caught:
        database.open_store(path, "")
    assert "wachtwoord" in str(caught.value)


def test_wrong_raw_key_is_refused(make_store, tmp_path: Path) -> None:
    store = make_store()
    store.close()
    with pytest.raises(WrongPassphrase):
        database.open_with_key(tmp_path / "test.db", "ab" * database.KEY_BYTES)


def test_missing_file_is_a_store_error_not_a_wrong_passphrase(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        database.open_with_key(tmp_path / "bestaat-niet.db", "00" * database.KEY_BYTES)
    assert not isinstance(caught.value, WrongPassphrase)
    assert not (tmp_path / "bestaat-niet.db").exists()


def test_plaintext_sqlite_file_is_refused_as_unencrypted(tmp_path: Path) -> None:
    path = tmp_path / "plat.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('onversleuteld')")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    with pytest.raises(DatabaseCorrupt) as caught:
        database.open_with_key(path, "00" * database.KEY_BYTES)
    assert "niet versleuteld" in str(caught.value)
    with pytest.raises(DatabaseCorrupt):
        database.open_store(path, PASSPHRASE)
    assert path.read_bytes() == before  # not touched, not "upgraded"


@pytest.mark.parametrize("content", [b"", b"12345678"], ids=["leeg", "8-bytes"])
def test_empty_or_truncated_file_is_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kapot.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseCorrupt):
        database.open_with_key(path, "00" * database.KEY_BYTES)
    with pytest.raises(DatabaseCorrupt):
        database.open_store(path, PASSPHRASE)


@pytest.mark.parametrize("size", [16, 17, 1024, 4096, 4096 * 3 + 7])
def test_random_bytes_are_refused_with_a_store_error(tmp_path: Path, size: int) -> None:
    path = tmp_path / "ruis.db"
    path.write_bytes(random.Random(size).randbytes(size))
    with pytest.raises((WrongPassphrase, DatabaseCorrupt)):
        database.open_with_key(path, "00" * database.KEY_BYTES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.binary(max_size=9000))
def test_any_file_content_gives_a_dutch_error_never_a_raw_exception(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "willekeurig.db"
        path.write_bytes(content)
        with pytest.raises(ZvhError):
            store = database.open_with_key(path, "00" * database.KEY_BYTES)
            store.close()  # pragma: no cover - only reached if random bytes were a database


def test_a_cut_off_real_database_is_refused(make_store, tmp_path: Path) -> None:
    store = make_store()
    store.database.execute_sql("CREATE TABLE t (x TEXT)")
    store.database.execute_sql("INSERT INTO t VALUES (?)", ("x" * 20_000,))
    raw_key = store.raw_key
    store.close()
    path = tmp_path / "test.db"
    data = path.read_bytes()
    assert len(data) > 4096
    path.write_bytes(data[:100])
    with pytest.raises(StoreError):
        database.open_with_key(path, raw_key)


# -- pragmas, threads and locking ---------------------------------------------------------------

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "secure_delete": 1,
    "temp_store": 2,  # MEMORY
    "trusted_schema": 0,
    "cell_size_check": 1,
    "cipher_log_level": "NONE",
}


def _pragmas(db: database.KeyedDatabase) -> dict[str, object]:
    return {name: db.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in EXPECTED_PRAGMAS}


def test_pragmas_after_open(make_store) -> None:
    store = make_store()
    assert _pragmas(store.database) == EXPECTED_PRAGMAS


def test_pragmas_after_unlock_with_the_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "zvh.db"
    database.create_store(path, PASSPHRASE).close()
    store = database.open_store(path, PASSPHRASE)
    try:
        assert _pragmas(store.database) == EXPECTED_PRAGMAS
    finally:
        store.close()


def test_transactions_take_the_write_lock_at_begin(make_store) -> None:
    """lock_type IMMEDIATE: two writers queue at BEGIN instead of failing half-way."""
    store = make_store()
    assert store.database._lock_type == "IMMEDIATE"


def test_a_second_thread_opens_its_own_keyed_connection(make_store, tmp_path: Path) -> None:
    store = make_store()
    store.database.execute_sql("CREATE TABLE t (x TEXT)")
    store.database.execute_sql("INSERT INTO t VALUES ('uit de hoofdthread')")
    results: dict[str, object] = {}

    def worker() -> None:
        try:
            # The app's way: the shared database object, a connection of this thread's own.
            with store.database.connection_context():
                results["shared"] = store.database.execute_sql("SELECT x FROM t").fetchall()
                results["pragmas"] = _pragmas(store.database)
                results["same_conn"] = store.database.connection() is main_conn
            # A fresh open with the raw key (backups, exports).
            second = database.open_with_key(tmp_path / "test.db", store.raw_key)
            try:
                second.database.execute_sql("INSERT INTO t VALUES ('uit de worker')")
            finally:
                second.close()
        except Exception as exc:  # reported to the test thread below
            results["error"] = exc

    main_conn = store.database.connection()
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=30)
    assert "error" not in results, results.get("error")
    assert results["shared"] == [("uit de hoofdthread",)]
    assert results["pragmas"] == EXPECTED_PRAGMAS
    assert results["same_conn"] is False
    rows = store.database.execute_sql("SELECT x FROM t ORDER BY rowid").fetchall()
    assert rows == [("uit de hoofdthread",), ("uit de worker",)]


def test_closing_the_store_forgets_the_key(make_store) -> None:
    store = make_store()
    database.bind(store)
    assert models.db.obj is store.database
    store.close()
    assert store.raw_key == ""
    assert models.db.obj is None
    # The database object can no longer read the file: its key was overwritten.
    try:
        with pytest.raises(peewee.DatabaseError, match="not a database"):
            store.database.connect()
            store.database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        store.database.close()


# -- file modes and the single-instance lock (through Profile) -----------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_profile_makes_its_files_0600_and_folders_0700_even_with_a_loose_umask(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profiel"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)  # a folder that is too open must be corrected
    old = os.umask(0o022)
    try:
        profile = Profile.from_dir(data)
        profile.create(PASSPHRASE)
        try:
            assert _mode(data) == 0o700
            for folder in (data / "state", data / "logs", data / "backups"):
                assert _mode(folder) == 0o700, folder
            files = [data / "zvh.db", data / "zvh.lock"]
            files += [p for p in (data / "zvh.db-wal", data / "zvh.db-shm") if p.exists()]
            for file in files:
                assert _mode(file) == 0o600, file
        finally:
            profile.close()
    finally:
        os.umask(old)


def test_secure_process_makes_every_new_file_private(tmp_path: Path) -> None:
    data = tmp_path / "profiel"
    script = textwrap.dedent(
        f"""
        import os, resource, stat, sys
        from zvh_tui.core import paths
        from zvh_tui.services.safety.profile import Profile
        os.umask(0o022)
        paths.secure_process()
        assert resource.getrlimit(resource.RLIMIT_CORE)[0] == 0
        profile = Profile.from_dir({str(data)!r})
        profile.create({PASSPHRASE!r})
        profile.save_settings()
        profile.close()
        with open(os.path.join({str(data)!r}, "los.txt"), "w") as fh:
            fh.write("x")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    for path in [data, *data.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert _mode(path) == expected, path
    assert (data / "settings.json").exists()


def test_second_profile_object_on_the_same_folder_is_locked_out(tmp_path: Path) -> None:
    """flock locks belong to the open file description: a second os.open conflicts, even here."""
    first = Profile.from_dir(tmp_path)
    second = Profile.from_dir(tmp_path)
    first.acquire()
    try:
        with pytest.raises(ProfileLocked) as caught:
            second.acquire()
        assert "al geopend" in str(caught.value)
        assert (tmp_path / "zvh.lock").read_text() == str(os.getpid())
    finally:
        first.release()
    second.acquire()  # free again once the first lets go
    second.release()


def test_profile_held_by_another_process_is_locked_until_that_process_ends(
    tmp_path: Path,
) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from zvh_tui.services.safety.profile import Profile
        profile = Profile.from_dir({str(tmp_path)!r})
        profile.acquire()
        print("vast", flush=True)
        sys.stdin.readline()
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "vast"
        profile = Profile.from_dir(tmp_path)
        with pytest.raises(ProfileLocked):
            profile.acquire()
        with pytest.raises(ProfileLocked):
            profile.create(PASSPHRASE)
        assert not (tmp_path / "zvh.db").exists()
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    # The lock dies with its process: a stale zvh.lock file does not block.
    assert (tmp_path / "zvh.lock").exists()
    profile.acquire()
    profile.release()


def test_closing_the_store_closes_connections_made_in_other_threads(tmp_path) -> None:
    """A worker thread that forgot connection_context() must not keep a keyed connection open
    after a lock."""
    import threading

    from zvh_tui.store import database

    store = database.create_store(tmp_path / "zvh.db", "test-wachtwoord-1")
    opened: list[object] = []

    def worker() -> None:
        store.database.connect(reuse_if_open=True)
        opened.append(store.database.connection())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert len(opened) == 1
    store.close()
    with pytest.raises(Exception, match="closed"):
        opened[0].execute("SELECT 1")
