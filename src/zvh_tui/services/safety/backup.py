"""Verified, encrypted backups of a profile's database, kept in N generations, and restore.

A backup is made with SQLite's `VACUUM INTO` from a separate connection keyed with the profile's
raw key. With SQLCipher 4 the copy is encrypted with the same key and salt as the database
(tested in tests/safety/test_backup.py), so the profile's passphrase opens it. The copy goes to a
hidden `.part` file beside its final place, is fsynced and verified (opened with the key,
`quick_check`, `cipher_integrity_check`, a known schema version) and only then renamed into
place, followed by an fsync of the folder. A backup that is killed half-way leaves only a
`.part` file, which is never listed as a backup and is removed by the next backup.

Only files named `zvh-YYYYMMDD-HHMMSS[-n].db` count as backups; the newest
`settings.backup_generations` of them are kept in the profile's `backups/` folder.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from zvh_tui.core.errors import DatabaseCorrupt, StoreClosing, StoreError, WrongPassphrase
from zvh_tui.core.i18n import N_, M
from zvh_tui.services.shared import clock
from zvh_tui.store import audit_log, database, maintenance, migrations

BACKUP_NAME = re.compile(r"^zvh-(\d{8})-(\d{6})(?:-(\d+))?\.db$")
PARTIAL_PREFIX = ".zvh-"
PARTIAL_SUFFIX = ".part"
PARTIAL_COMPANIONS = tuple(PARTIAL_SUFFIX + side for side in ("", "-wal", "-shm", "-journal"))
JOURNAL_NAME = "zvh-terugzetten.json"  # a restore under way (see `restore`)
PAGE_SIZE = 4096  # SQLCipher 4's default page size: a whole file is a multiple of it
DUE_AFTER = dt.timedelta(days=1)
log = logging.getLogger(__name__)
_ONE_AT_A_TIME = threading.Lock()  # a backup at unlock and one at quit must not overlap

Clock = Callable[[], dt.datetime]
Guard = Callable[[object], AbstractContextManager[None]]
# Shown as a warning (translated where shown: `_(INTERRUPTED)`); raised as `_interrupted()`.
INTERRUPTED = N_(
    "De back-up is afgebroken omdat het profiel werd vergrendeld of gesloten. Er is niets "
    "verloren: de vorige back-ups zijn bewaard.")


def _interrupted() -> StoreClosing:
    return StoreClosing(M(
        "safety.backup.interrupted",
        "De back-up is afgebroken omdat het profiel werd vergrendeld of gesloten. Er is niets "
        "verloren: de vorige back-ups zijn bewaard."))
QUIT_WAIT_SECONDS = 120.0  # Ctrl+Q waits this long for a running backup (a second Ctrl+Q: not)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # local time, from the file name
    sequence: int
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    def label(self) -> str:
        """'23-11-2026 14:05' for messages (the file name holds local wall-clock time)."""
        return clock.format_wall(self.made_at)


@dataclass
class BackupResult:
    info: BackupInfo
    seconds: float
    removed: list[Path] = field(default_factory=list)


def parse_name(path: Path) -> BackupInfo | None:
    match = BACKUP_NAME.match(path.name)
    if not match:
        return None
    try:
        made = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path=path, made_at=made, sequence=int(match.group(3) or 1), size=size)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in a folder, newest first. Half-written (`.part`) files never count."""
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for path in folder.iterdir():
        if path.is_symlink() or not path.is_file():
            continue
        info = parse_name(path)
        if info is not None:
            found.append(info)
    found.sort(key=lambda b: (b.made_at, b.sequence), reverse=True)
    return found


def last_backup(folder: Path) -> BackupInfo | None:
    backups = list_backups(folder)
    return backups[0] if backups else None


def backup_due(folder: Path, now: dt.datetime | None = None) -> bool:
    """True when there is no backup yet or the newest is older than a day."""
    newest = last_backup(folder)
    if newest is None:
        return True
    return (now or _now()) - newest.made_at >= DUE_AFTER


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in this folder durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_partials(folder: Path) -> list[Path]:
    """Remove half-written backups left by a killed process (only our own `.part` files)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if path.name.startswith(PARTIAL_PREFIX) and path.name.endswith(PARTIAL_COMPANIONS):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                continue
    return removed


def _new_empty_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


# -- verifying ---------------------------------------------------------------------------------

def key_for(path: Path, *, raw_key: str | None = None, passphrase: str | None = None) -> str:
    """The raw key to open `path`: the given one, or derived from the passphrase and its salt."""
    if raw_key:
        return raw_key
    if not passphrase:
        raise WrongPassphrase(M("safety.backup.passphrase_required", "Vul het wachtwoord in."))
    salt = database.read_salt(path)
    return database.derive_key(passphrase, salt).hex()


def verify(
    path: Path,
    *,
    raw_key: str | None = None,
    passphrase: str | None = None,
    readonly: bool = True,
    guard: Guard | None = None,
) -> str:
    """Check that `path` is a whole, encrypted zvh database this key opens; return the key.

    Raises DatabaseCorrupt (plaintext, truncated, damaged) or WrongPassphrase (does not open).
    `guard(conn)` (KeyedDatabase.interruptible) lets a lock interrupt the checks.
    """
    try:
        size = path.stat().st_size
    except OSError:
        raise StoreError(M("safety.backup.unreadable",
                           "Het bestand bestaat niet of kan niet worden gelezen.")) from None
    database.read_salt(path)  # refuses a plaintext or nearly empty file
    if size % PAGE_SIZE:
        raise DatabaseCorrupt(M("safety.backup.truncated",
                                "Het bestand is afgekapt: het is geen volledige database."))
    key = key_for(path, raw_key=raw_key, passphrase=passphrase)
    try:
        conn = database.connect_raw(path, key, readonly=readonly)
    except Exception:  # sqlcipher3 raises several types for one cause
        raise DatabaseCorrupt(M("safety.backup.cannot_open", "Het bestand kan niet worden geopend.")) from None
    try:
        with guard(conn) if guard is not None else nullcontext():
            try:
                maintenance.probe(conn.execute)
            except Exception:
                raise WrongPassphrase(M(
                    "safety.backup.wrong_key",
                    "Het bestand opent niet met dit wachtwoord, of het is beschadigd.")) from None
            try:
                quick_ok = maintenance.quick_check_ok(conn.execute)
                cipher = maintenance.bad_pages(conn.execute)
                version = maintenance.schema_version(conn.execute)
                tables = maintenance.table_names(conn.execute)
            except Exception:
                raise DatabaseCorrupt(M("safety.backup.damaged",
                                        "Het bestand is beschadigd (de controle faalde).")) from None
            if not quick_ok or cipher:
                raise DatabaseCorrupt(M("safety.backup.damaged",
                                        "Het bestand is beschadigd (de controle faalde)."))
            if not 1 <= version <= migrations.LATEST or "audit_event" not in tables:
                raise DatabaseCorrupt(M("safety.backup.unknown_version",
                                        "Dit bestand is geen zvh-database van een bekende versie."))
    finally:
        conn.close()
    return key


def newest_verifying(
    folder: Path,
    *,
    passphrase: str | None = None,
    raw_key: str | None = None,
    known_keys: dict[bytes, str] | None = None,
) -> BackupInfo | None:
    """The newest backup in `folder` that opens with this passphrase (or key) and checks out.

    The key is derived once per distinct salt (backups share the database's salt until the
    passphrase is changed), so this costs one key derivation, not one per backup;
    `known_keys` (salt -> raw key) saves even that one.
    """
    derived: dict[bytes, str] = dict(known_keys or {})
    for info in list_backups(folder):
        try:
            salt = database.read_salt(info.path)
            key = raw_key
            if key is None:
                if passphrase is None:
                    return None
                if salt not in derived:
                    derived[salt] = database.derive_key(passphrase, salt).hex()
                key = derived[salt]
            verify(info.path, raw_key=key)
        except StoreError:
            continue
        return info
    return None


# -- making a backup ---------------------------------------------------------------------------

def _free_name(
    folder: Path, made: dt.datetime, prefix: str = "zvh-", sides: tuple[str, ...] = ("",)
) -> tuple[Path, int]:
    """A name in `folder` not taken yet (nor, with `sides`, its `-wal` companion)."""
    stamp = made.strftime("%Y%m%d-%H%M%S")
    sequence = 1
    while True:
        name = f"{prefix}{stamp}.db" if sequence == 1 else f"{prefix}{stamp}-{sequence}.db"
        target = folder / name
        if not any(_side(target, side).exists() for side in sides):
            return target, sequence
        sequence += 1


def copy_database(source: Path, raw_key: str, target: Path, *, guard: Guard | None = None) -> None:
    """`VACUUM INTO` a new file (made 0600 first): a consistent, encrypted, compact copy.

    `guard(conn)` (KeyedDatabase.interruptible) lets a lock interrupt the copy."""
    _new_empty_file(target)
    conn = database.connect_raw(source, raw_key)
    try:
        with guard(conn) if guard is not None else nullcontext():
            maintenance.vacuum_into(conn, target)
    except StoreError:
        raise
    except Exception as exc:
        text = str(exc).lower()
        if "full" in text:
            raise StoreError(M("safety.backup.disk_full",
                               "De schijf is vol: de back-up kon niet worden gemaakt.")) from None
        raise StoreError(M("safety.backup.failed", "De back-up kon niet worden gemaakt.")) from None
    finally:
        conn.close()


def make_backup(
    profile,  # services.profile.Profile (not imported: profile imports us)
    *,
    to_dir: Path | None = None,
    generations: int | None = None,
    clock: Clock = _now,
) -> BackupResult:
    """Make one verified backup of the unlocked profile; prune old generations.

    `to_dir` writes to another folder (a USB stick); generations are pruned only in the
    profile's own backups folder. Records a 'backup' audit event.
    """
    with _ONE_AT_A_TIME:
        return _make_backup(profile, to_dir=to_dir, generations=generations, clock=clock)


def running() -> bool:
    """A backup is being made (in this process) right now."""
    return _ONE_AT_A_TIME.locked()


def backup_on_quit(profile, *, wait: float = QUIT_WAIT_SECONDS) -> BackupResult | None:
    """Ctrl+Q: wait (at most `wait` seconds) for a backup that is being made, then make one when
    anything was changed since the last one; None when none was needed.

    Waiting first means a quit never closes the database under a running backup, and a backup
    that just finished is not made twice."""
    store = profile.store
    if store is None:
        return None
    deadline = time.monotonic() + wait
    while not _ONE_AT_A_TIME.acquire(timeout=0.05):
        if store.database.closing:
            raise _interrupted()
        if time.monotonic() >= deadline:
            raise StoreError(M("safety.backup.quit_timeout",
                               "De lopende back-up duurde te lang; het programma sluit zonder te "
                               "wachten. De vorige back-ups zijn bewaard."))
    try:
        if profile.store is not store or store.database.closing:
            raise _interrupted()
        if not changed_since_last_backup():
            return None
        return _make_backup(profile, to_dir=None, generations=None, clock=_now)
    finally:
        _ONE_AT_A_TIME.release()


def _make_backup(
    profile,
    *,
    to_dir: Path | None,
    generations: int | None,
    clock: Clock,
) -> BackupResult:
    from zvh_tui.services.safety import audit

    store = profile.store
    if store is None:
        raise StoreError(M("safety.backup.locked", "Het profiel is vergrendeld: ontgrendel het eerst."))
    started = time.perf_counter()
    own_folder = to_dir is None
    folder = Path(profile.paths.backups if to_dir is None else to_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        raise StoreError(M("safety.backup.folder_create",
                           "De map voor de back-up kan niet worden gemaakt.")) from None
    if not os.access(folder, os.W_OK):
        raise StoreError(M("safety.backup.folder_write",
                           "In de map voor de back-up kan niet worden geschreven."))
    remove_partials(folder)
    final, sequence = _free_name(folder, clock())
    partial = folder / f"{PARTIAL_PREFIX}{final.stem}-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    db = store.database
    # This thread uses the database until the backup is whole or gone: a lock (in another
    # thread) interrupts the copy or the check, waits for this to end and only then closes.
    with db.using():
        raw_key = store.raw_key
        try:
            copy_database(store.path, raw_key, partial, guard=db.interruptible)
            _stop_if_closing(db)
            fsync_file(partial)
            verify(partial, raw_key=raw_key, guard=db.interruptible)
            _stop_if_closing(db)  # the last safe point: after the rename the backup is whole
            os.replace(partial, final)
            fsync_dir(folder)
        except BaseException as exc:
            try:
                partial.unlink()
            except OSError:
                pass
            stopped = db.closing
            try:
                audit.record("backup", object_type="profile",
                             detail="afgebroken" if stopped else "mislukt", result="failed")  # i18n: audit detail
            except Exception:  # the failure itself is what the user must hear
                pass
            if stopped and isinstance(exc, Exception):  # interrupted: not a damaged database
                raise _interrupted() from None
            raise
        removed: list[Path] = []
        if own_folder:
            keep = int(generations if generations is not None else profile.settings.backup_generations)
            removed = prune(folder, keep, raw_key)
        info = parse_name(final) or BackupInfo(final, clock(), sequence, final.stat().st_size)
        audit.record("backup", object_type="profile", detail=final.name if own_folder else "extern")
    return BackupResult(info=info, seconds=time.perf_counter() - started, removed=removed)


def _stop_if_closing(db: database.KeyedDatabase) -> None:
    if db.closing:
        raise _interrupted()


def prune(folder: Path, keep: int, raw_key: str) -> list[Path]:
    """Remove all but the newest `keep` backups that open with `raw_key` (at least one).

    A backup this key does not open - one made before a passphrase change, another profile's,
    or a damaged one - is never removed: the app cannot tell that it is not the only good copy
    of something (issue 10.2: a new profile's seven backups once pruned the old one's last).
    """
    keep = max(1, int(keep))
    ours = [info for info in list_backups(folder) if database.key_opens(info.path, raw_key)]
    removed: list[Path] = []
    for info in ours[keep:]:
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            continue
    if removed:
        fsync_dir(folder)
    return removed


# -- restore -----------------------------------------------------------------------------------

@dataclass
class RestoreResult:
    restored_from: Path
    replaced: Path | None  # where the database that was there before now lives
    log_carried: int | None = 0  # audit events after the backup taken over (None: unreadable)


# Every step of a restore, in order. Tests stop the process at each one (`_step_hook`).
RESTORE_STEPS = ("copied", "locked", "checkpointed", "prepared", "journal", "aside", "cleared",
                 "swapped", "anchored", "done")
_step_hook: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if _step_hook is not None:
        _step_hook(name)


def restore(profile, source: Path, passphrase: str) -> RestoreResult:
    """Put a backup back as the profile's database, then unlock the profile with it.

    Nothing can be lost when this is interrupted at any point (kill -9, power):

    1. the backup is verified with the passphrase, copied into the data folder (a hidden
       `.part` file), fsynced and verified again; the profile is locked;
    2. the current database is checkpointed (`wal_checkpoint(TRUNCATE)`, when it opens with
       the key), so what was only in its write-ahead log is in the file itself; the audit
       events written after the backup are carried over into the copy, and a 'restore' event
       is written into it, so the log is never rewound;
    3. a journal (`zvh-terugzetten.json`, fsynced) names the copy, where the current database
       will be kept and the anchor the restored database will have;
    4. the current database and its WAL get a second name in backups/ as
       `vervangen-YYYYMMDD-HHMMSS.db` (+ `-wal`): hard links, so the set is kept whole and
       nothing is copied; only then are `zvh.db-wal` and `zvh.db-shm` removed (a stale WAL
       beside the restored file would be replayed into it by SQLite);
    5. one `os.replace` puts the copy on `zvh.db`; the anchor (services/safety/anchor.py) is set to
       the restored database; the journal is removed.

    Until step 5, `zvh.db` is the old database (its WAL kept under the second name); after
    it, the restored one. `recover_restore`, run whenever the profile is taken, finishes a
    journal it finds (or, when the copy has vanished, undoes it), so every start after an
    interruption has either the old data or the restored data, and always a `zvh.db`.
    """
    source = Path(source)
    if not source.is_file():
        raise StoreError(M("safety.backup.no_file", "Dit back-upbestand bestaat niet."))
    paths = profile.paths
    profile.acquire()
    data = paths.data
    partial = data / f"{PARTIAL_PREFIX}restore-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    try:
        raw_key = verify(source, passphrase=passphrase)  # refuse before copying anything
        _new_empty_file(partial)
        with open(source, "rb") as src, open(partial, "wb") as dst:
            shutil.copyfileobj(src, dst, length=1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        verify(partial, raw_key=raw_key, readonly=False)  # the copy, as it is on disk
    except WrongPassphrase:
        _unlink(partial)
        raise WrongPassphrase(M(
            "safety.backup.restore_wrong_key",
            "Deze back-up opent niet met dit wachtwoord. Is hij gemaakt vóór een "
            "wachtwoordwijziging? Probeer dan het wachtwoord van toen.")) from None
    except BaseException:
        _unlink(partial)
        raise
    _step("copied")
    if profile.unlocked:
        profile.lock()
    _step("locked")
    from zvh_tui.services.shared import context

    context.set_actor(profile.actor())  # the 'restore' event is written before the unlock
    current = paths.database
    try:
        _checkpoint(current, partial, raw_key, passphrase)
        _step("checkpointed")
        carried = carry_over_log(current, partial, raw_key, passphrase) if current.exists() else 0
        note = "log na back-up overgenomen: " + (  # i18n: audit detail stored
            str(carried) if carried is not None else "niet leesbaar")  # i18n: audit detail stored
        anchor_text = _record_in_copy(paths, partial, raw_key, f"{source.name[:100]}; {note}")
        _step("prepared")
        replaced = None
        if any(Path(str(current) + side).exists() for side in ("", "-wal")):
            paths.backups.mkdir(parents=True, exist_ok=True, mode=0o700)
            replaced, _ = _free_name(paths.backups, _now(), prefix="vervangen-", sides=("", "-wal"))
        journal = {"partial": partial.name, "file": _identity(partial), "anchor": anchor_text,
                   "aside": replaced.name if replaced else None}
        _write_journal(paths, journal)
    except BaseException:
        _remove_partial(partial)
        raise
    _step("journal")
    try:
        _finish(paths, journal)
    except OSError:
        if _swapped(paths, journal):  # only the anchor or the journal's removal failed
            raise StoreError(M(
                "safety.backup.restore_unfinished",
                "De back-up is teruggezet, maar kon niet worden afgerond (is de statusmap "
                "schrijfbaar?). De volgende start maakt het af.")) from None
        try:
            _undo(paths, journal)
        except OSError:
            pass  # the journal stays: the next start finishes or undoes it
        raise StoreError(M("safety.backup.restore_failed",
                           "De back-up kon niet worden teruggezet (bestanden verplaatsen "
                           "mislukte). De database is ongewijzigd.")) from None
    profile.unlock_with_key(raw_key)
    return RestoreResult(restored_from=source, replaced=replaced, log_carried=carried)


def _identity(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_dev, info.st_ino]


def _side(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


def _checkpoint(current: Path, partial: Path, raw_key: str, passphrase: str) -> bool:
    """Move what is only in the current database's WAL into the file (when the key opens it)."""
    if not current.exists():
        return False
    try:
        salt = database.read_salt(current)
        key = raw_key if salt == database.read_salt(partial) else database.derive_key(passphrase, salt).hex()
        conn = database.connect_raw(current, key)
    except Exception:  # damaged or another passphrase: the WAL is kept as a set
        return False
    try:
        maintenance.probe(conn.execute)
        return maintenance.checkpoint(conn.execute)
    except Exception:
        return False
    finally:
        conn.close()


def _record_in_copy(paths, partial: Path, raw_key: str, detail: str) -> str:
    """Write the 'restore' event into the copy; return the anchor it will have (JSON)."""
    from zvh_tui.services.safety import anchor, audit

    conn = database.connect_raw(partial, raw_key)
    try:
        with maintenance.write_transaction(conn):
            audit.append_raw(conn, "restore", object_type="profile", detail=detail)
        maintenance.checkpoint(conn.execute)
        secret = anchor.chain_secret(conn.execute, raw_key)
        generation = _anchor_generation(paths)
        text = anchor.encode(anchor.fresh(conn.execute, generation), secret).decode("ascii")
    finally:
        conn.close()
    for side in ("-wal", "-journal"):
        extra = _side(partial, side)
        if extra.exists() and extra.stat().st_size > 0:
            raise StoreError(M("safety.backup.copy_unfinished",
                               "De kopie van de back-up kon niet worden afgerond; er is niets gewijzigd."))
    fsync_file(partial)
    return text


def _anchor_generation(paths) -> int:
    from zvh_tui.services.safety import anchor

    try:
        return int(json.loads(anchor.anchor_path(paths).read_bytes())["generation"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def _journal_path(paths) -> Path:
    return paths.data / JOURNAL_NAME


def _write_journal(paths, journal: dict) -> None:
    target = _journal_path(paths)
    temp = paths.data / f"{PARTIAL_PREFIX}journal-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, json.dumps(journal, sort_keys=True).encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, target)
    fsync_dir(paths.data)


def _swapped(paths, journal: dict) -> bool:
    """Is the copy already on `zvh.db`? By its file identity; or, when the folder was copied
    since (new inodes), because the copy is gone and `zvh.db` is not the database kept aside."""
    current = paths.database
    try:
        if _identity(current) == list(journal["file"]):
            return True
    except OSError:
        return False
    kept = _kept(paths, journal)
    return (kept is not None and kept.exists() and not (paths.data / journal["partial"]).exists()
            and not _same(current, kept))


def _kept(paths, journal: dict) -> Path | None:
    return paths.backups / journal["aside"] if journal.get("aside") else None


def _finish(paths, journal: dict) -> None:
    """Do the remaining steps of a journaled restore; every step may be done twice."""
    from zvh_tui.services.safety import anchor

    current = paths.database
    partial = paths.data / journal["partial"]
    if not _swapped(paths, journal):
        kept = _kept(paths, journal)
        if kept is not None:
            for side in ("", "-wal"):
                live, copy = _side(current, side), _side(kept, side)
                if live.exists() and not copy.exists() and (side == "" or _size(live)):
                    os.link(live, copy)  # (an empty WAL, after the checkpoint, holds nothing)
            fsync_dir(paths.backups)
        _step("aside")
        for side in ("-wal", "-shm"):
            live = _side(current, side)
            if (side == "-wal" and _size(live)
                    and (kept is None or not _same(live, _side(kept, side)))):
                raise OSError("the WAL is not kept")  # never drop a WAL that is not kept
            if live.exists():
                live.unlink()
        fsync_dir(paths.data)
        _step("cleared")
        os.replace(partial, current)
        fsync_dir(paths.data)
    _remove_partial(partial)  # an empty `.part-wal` a closed connection may leave
    _step("swapped")
    anchor.write_bytes(paths, journal["anchor"].encode("ascii"))
    _step("anchored")
    _journal_path(paths).unlink()
    fsync_dir(paths.data)
    _step("done")


def _undo(paths, journal: dict) -> None:
    """Before the swap: put the database's WAL back where it was, remove the copy.

    A WAL is only ever put back beside the very file it was kept with: SQLite would replay it
    into any other database."""
    if _swapped(paths, journal):
        raise OSError("already swapped")
    current = paths.database
    kept = _kept(paths, journal)
    if kept is not None and kept.exists():
        if not current.exists():
            os.link(kept, current)
        if not _same(current, kept):
            raise OSError("zvh.db is not the database that was kept")
        live_wal, kept_wal = _side(current, "-wal"), _side(kept, "-wal")
        if kept_wal.exists() and not live_wal.exists():
            os.link(kept_wal, live_wal)
        if not kept_wal.exists() or _same(live_wal, kept_wal):
            _unlink(kept_wal)
            kept.unlink()  # only a second name of zvh.db (and its WAL)
        # else: someone opened zvh.db in between and it has a new WAL; the kept set stays
        fsync_dir(paths.backups)
    _remove_partial(paths.data / journal["partial"])
    _journal_path(paths).unlink(missing_ok=True)
    fsync_dir(paths.data)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _remove_partial(partial: Path) -> None:
    for side in ("", "-wal", "-shm", "-journal"):
        _unlink(_side(partial, side))


def recover_restore(paths) -> str | None:
    """At every start (profile lock held): finish a restore that was interrupted, or undo it
    when its copy has vanished. Returns what was done ("finished", "undone") or None."""
    path = _journal_path(paths)
    try:
        journal = json.loads(path.read_bytes())
        journal["partial"], journal["anchor"]  # a journal we wrote
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        raise StoreError(M(
            "safety.backup.journal_unreadable",
            "Een onderbroken terugzetting liet een onleesbaar logbestand achter ({path}). "
            "Er is niets gewijzigd; neem contact op met de beheerder.", path=str(path))) from None
    partial = paths.data / journal["partial"]
    try:
        if _swapped(paths, journal) or partial.exists():
            _finish(paths, journal)
            log.warning("interrupted restore finished from its journal")
            return "finished"
        _undo(paths, journal)
        log.warning("interrupted restore undone: its copy had vanished")
        return "undone"
    except OSError:
        raise StoreError(M(
            "safety.backup.recover_failed",
            "Een onderbroken terugzetting kon niet worden afgemaakt (bestanden verplaatsen "
            "mislukte). Er is niets verwijderd; zie {path}.", path=str(path))) from None


def carry_over_log(old: Path, restored: Path, raw_key: str, passphrase: str) -> int | None:
    """Copy the audit events written after the backup from the database being replaced.

    The backup is a snapshot of the same hash chain, so the later events follow on from the
    backup's last event: they are appended unchanged and the chain stays whole (NEN 7513: a
    restore must not erase the log). Returns how many were carried over, or None when the old
    database cannot be read or is not the same chain (another profile's backup).
    """
    try:
        key = raw_key if database.read_salt(old) == database.read_salt(restored) else key_for(
            old, passphrase=passphrase)
        source = database.connect_raw(old, key, readonly=True)
    except Exception:  # damaged or another passphrase: nothing to carry
        return None
    try:
        target = database.connect_raw(restored, raw_key)
        try:
            # A backup from before schema version 2 has no chain marker; the carried events
            # are linked under the replaced database's one, so it comes along.
            return audit_log.carry_over(source, target)
        finally:
            target.close()
    except Exception:  # never let the log stop a restore
        return None
    finally:
        source.close()


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


# -- when the app makes one by itself ---------------------------------------------------------

QUIET_EVENTS = ("view", "unlock", "lock", "backup", "export", "search", "restore")


def changed_since_last_backup() -> bool:
    """Has anything been changed since the last backup in the profile's own folder?

    Read from the audit log: any event other than reading, locking or backing up after the
    last successful 'backup' event (a backup to another folder does not count).
    """
    from peewee import fn

    from zvh_tui.store.models import AuditEvent

    last = (
        AuditEvent.select(fn.MAX(AuditEvent.id))
        .where((AuditEvent.event == "backup") & (AuditEvent.result == "ok")
               & (AuditEvent.detail != "extern"))
        .scalar()
    )
    query = AuditEvent.select(AuditEvent.id).where(AuditEvent.event.not_in(QUIET_EVENTS))
    if last is not None:
        query = query.where(AuditEvent.id > last)
    return query.exists()
