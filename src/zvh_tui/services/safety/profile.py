"""A user profile: its folders, settings and (once unlocked) its encrypted database.

The one place where the CLI and the app open, create, lock and close a profile, so both follow
the same steps: folders 0700, one instance at a time, key derivation once, migrations, a quick
integrity check, and an audit event for every unlock and lock.

The app started with a passphrase handed over (`zvh` with ZVH_PASSPHRASE or --passphrase-fd)
does not wait for the quick check, which reads the whole file (about 0.7 s at 10,000 cases):
`check_later` opens the database at once and checks it in a thread (`DeferredCheck`). Until the
check has passed, every write waits (the store's write gate: nothing is ever written to a
database that has not been checked, the unlock event included); when it fails, every write is
refused and the app locks and says why (app.py). Reading goes on meanwhile, so the first rows
show while the check runs.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from zvh_tui.core import config
from zvh_tui.core.errors import (
    DatabaseCorrupt,
    NoProfile,
    ProfileLocked,
    StorageProblem,
    StoreClosing,
    StoreError,
    WrongPassphrase,
    ZvhError,
)
from zvh_tui.core.i18n import M, _
from zvh_tui.core.paths import (
    DB_FILENAME,
    ENV_DATA_DIR,
    ProfilePaths,
    ensure_folders,
    resolve,
    restore_command,
)
from zvh_tui.core.vocab import PartnerDomain
from zvh_tui.services.safety import anchor, audit, backup, unlock_delay
from zvh_tui.services.safety.unlock_delay import MAX_RETRY_DELAY_SECONDS, retry_delay  # noqa: F401
from zvh_tui.services.shared import context
from zvh_tui.store import database, ids, maintenance, migrations
from zvh_tui.store.models import Partner, db, utcnow

ENV_PASSPHRASE = "ZVH_PASSPHRASE"
CORRUPT_MESSAGE = M(
    "safety.profile.corrupt",
    "De database is beschadigd (de snelle controle faalde). "
    "Zet de nieuwste back-up terug met 'zvh restore'.")


class DeferredCheck:
    """The quick check of a database opened without waiting for it, running in a thread.

    `problem` is None when it passed (and the unlock event is written); otherwise the Dutch
    error that every write now raises, also what the app shows when it locks."""

    def __init__(self) -> None:
        self.problem: StoreError | None = None
        self._done = threading.Event()
        self._callbacks: list[Callable[[StoreError | None], None]] = []
        self._lock = threading.Lock()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def when_done(self, callback: Callable[[StoreError | None], None]) -> None:
        """Call `callback(problem)` once the check has ended: at once when it has, else in
        the check's thread."""
        with self._lock:
            if not self._done.is_set():
                self._callbacks.append(callback)
                return
        callback(self.problem)

    def finish(self, problem: StoreError | None) -> None:
        with self._lock:
            self.problem = problem
            self._done.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(problem)


class Profile:
    def __init__(self, paths: ProfilePaths) -> None:
        self.paths = paths
        self.settings = config.load(paths.settings_file)
        self.store: database.Store | None = None
        self._lock: FileLock | None = None
        # Wrong passphrases, kept in the state folder: a restart or the CLI waits too (10.7).
        self.unlock_delay = unlock_delay.UnlockDelay(paths.state / unlock_delay.FILENAME)
        # The anchor outside the database (services/safety/anchor.py): "inspect" (zvh check) opens a
        # database behind it without writing, "accept" (zvh check --aanvaard) goes on with it.
        self.anchor_mode = "normal"
        self.anchor: anchor.Comparison | None = None
        # The app's start with a passphrase handed over: the next unlock checks in a thread
        # (once; an unlock on the unlock screen checks before it opens, as the CLI does).
        self.check_later = False
        self.deferred_check: DeferredCheck | None = None

    @classmethod
    def from_dir(cls, data_dir: str | os.PathLike[str] | None = None) -> Profile:
        return cls(resolve(data_dir))

    # -- state ------------------------------------------------------------------------------
    @property
    def exists(self) -> bool:
        db_file = self.paths.database
        return db_file.exists() and db_file.stat().st_size > 0

    # -- is there a profile here, and may one be made (issue 9.6, 10.2) ---------------------
    def _remains(self) -> list[Path]:
        """What is left of a profile whose database is gone: backups, a write-ahead log."""
        found: list[Path] = []
        if self.paths.backups.is_dir():
            found += sorted(p for p in self.paths.backups.iterdir() if not p.name.startswith("."))
        wal = Path(str(self.paths.database) + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            found.append(wal)
        return found

    def creation_refusal(self) -> ZvhError | None:
        """Why no new profile may be made here, or None when it may.

        A database that has gone (deleted, or 0 bytes) while backups are beside it is never
        replaced by a new, empty profile: its backups would be pruned in favour of the empty one.
        """
        if self.exists:
            return StoreError(M("safety.profile.exists",
                                "Dit profiel heeft al een database; ontgrendel die met het wachtwoord."))
        if self._remains():
            return self._database_gone()
        return None

    def _database_gone(self) -> NoProfile:
        db_file = self.paths.database
        if db_file.exists():
            gone = M("safety.profile.database_empty",
                     "Het databasebestand van profiel '{name}' is leeg (0 bytes), maar er staan nog "
                     "back-ups of andere bestanden van dit profiel. Er wordt geen nieuw, leeg profiel "
                     "gemaakt: dat zou de back-ups kunnen verdringen.", name=self.name)
        else:
            gone = M("safety.profile.database_missing",
                     "Het databasebestand van profiel '{name}' ontbreekt, maar er staan nog back-ups "
                     "of andere bestanden van dit profiel. Er wordt geen nieuw, leeg profiel gemaakt: "
                     "dat zou de back-ups kunnen verdringen.", name=self.name)
        newest = backup.last_backup(self.paths.backups)
        if newest is not None:
            text = M("safety.profile.gone_restore",
                     "{problem} Zet de nieuwste back-up ({date}) terug met:\n  {command}",
                     problem=gone, date=newest.label(),
                     command=restore_command(self.paths, newest.path))
        else:
            text = M("safety.profile.gone_look",
                     "{problem} Kijk in {folder} welk bestand u wilt terugzetten, en zet het "
                     "terug met 'zvh restore BESTAND'.", problem=gone, folder=str(self.paths.backups))
        return NoProfile(text)

    def missing(self) -> NoProfile:
        """The Dutch refusal for a command that needs a profile where there is none."""
        if self.paths.database.exists() or self._remains():
            return self._database_gone()
        if self.paths.chosen:
            return NoProfile(M(
                "safety.profile.none_in_folder",
                "Er is geen profiel in {folder}. Is de map goed gespeld (--data-dir of "
                "{variable})? Er is niets aangemaakt. Een nieuw profiel maakt u met "
                "'zvh init', of door de app te starten met 'zvh'.",
                folder=str(self.paths.data), variable=ENV_DATA_DIR))
        return NoProfile(M(
            "safety.profile.none",
            "Er is nog geen profiel. Maak er een met 'zvh init', of start de app met 'zvh'. "
            "Er is niets aangemaakt."))

    def require_existing(self) -> None:
        """Refuse a command on a folder without a profile, before anything is written there."""
        if self.exists:
            return
        if self._is_profile_folder():  # a killed restore or passphrase change: `acquire`
            self.acquire()  # finishes or undoes it first (services/safety/rekey.py, backup.py)
            if self.exists:
                return
        raise self.missing()

    def _is_profile_folder(self) -> bool:
        """The folder holds files of a profile (not a typo, not a folder of something else)."""
        data = self.paths.data
        if not data.is_dir():
            return False
        marks = (DB_FILENAME, self.paths.lock_file.name, self.paths.backups.name)
        return any((data / name).exists() for name in marks) or any(
            p.name.startswith(DB_FILENAME) for p in data.iterdir())

    @property
    def unlocked(self) -> bool:
        return self.store is not None

    @property
    def name(self) -> str:
        return self.paths.name

    # -- single instance --------------------------------------------------------------------
    def acquire(self) -> None:
        """Take the profile's lock file; refuse when another instance holds it."""
        if self._lock is not None:
            return
        try:
            ensure_folders(self.paths)
        except OSError as exc:  # a read-only or full disk: its own message, never a crash
            raise self._disk_problem(exc) from None
        # filelock: flock on POSIX, LockFileEx on Windows; the lock dies with the process.
        lock = FileLock(str(self.paths.lock_file), timeout=0, mode=0o600, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise ProfileLocked(M(
                "safety.profile.locked",
                "Dit profiel is al geopend in een ander venster of programma. "
                "Sluit dat eerst; twee tegelijk kan gegevens beschadigen.")) from None
        except OSError as exc:  # the lock file cannot be made: a read-only or full disk
            raise self._disk_problem(exc) from None
        self._lock = lock
        _write_pid(self.paths.lock_file)  # only a help for tests and support; the lock holds
        from zvh_tui.services.safety import rekey

        backup.recover_restore(self.paths)  # a restore that was killed: finished from its journal
        rekey.recover(self.paths)  # a passphrase change that was killed half-way

    def release(self) -> None:
        if self._lock is not None:
            try:
                self._lock.release(force=True)
            finally:
                self._lock = None

    # -- open and close ---------------------------------------------------------------------
    def create(self, passphrase: str, repeated: str | None = None) -> None:
        """Make the profile's encrypted database with this new passphrase."""
        database.check_new_passphrase(passphrase, repeated)
        refusal = self.creation_refusal()  # before any folder is made
        if refusal is not None:
            raise refusal
        self.acquire()
        refusal = self.creation_refusal()  # recovery at acquire may have changed things
        if refusal is not None:
            raise refusal
        store = database.create_store(self.paths.database, passphrase)
        self._opened(store, created=True)

    def unlock(self, passphrase: str) -> None:
        """Open with the passphrase; a wrong one is counted and makes the next try wait."""
        self.acquire()
        if passphrase:
            self.unlock_delay.check()  # UnlockDelayed: too soon after a wrong passphrase
        try:
            store = database.open_store(self.paths.database, passphrase)
            self._opened(store)
        except (WrongPassphrase, DatabaseCorrupt) as exc:
            if not passphrase:
                raise
            explained = self._explain(exc, passphrase=passphrase)
            if isinstance(explained, WrongPassphrase):
                self.unlock_delay.failed()
            raise explained from None
        self.unlock_delay.succeeded()

    def unlock_with_key(self, raw_key: str) -> None:
        self.acquire()
        try:
            store = database.open_with_key(self.paths.database, raw_key)
            self._opened(store)
        except (WrongPassphrase, DatabaseCorrupt) as exc:
            raise self._explain(exc, raw_key=raw_key) from None

    def _disk_problem(self, exc: BaseException) -> ZvhError:
        """A full, read-only or failing disk under the profile, in Dutch."""
        problem = database.storage_problem(exc, self.paths.database)
        return problem or StorageProblem(_(database.DISK_ERROR_MESSAGE).format(
            what=_("het profiel kan niet worden geopend"), lost=_(database.NOTHING_LOST)))

    def _explain(self, error: ZvhError, **key: str) -> ZvhError:
        """Why the database did not open, and the newest backup that does (services/integrity)."""
        from zvh_tui.services.safety import integrity

        return integrity.explain_failure(self.paths, error, **key)

    def open_from_environment(self, *, create: bool = False) -> bool:
        """Unlock with `ZVH_PASSPHRASE` when it is set; report whether it was.

        Without a profile here: create one when `create` (only `zvh`, `zvh init`, `zvh demo`),
        otherwise refuse with `missing()` and leave nothing behind.
        """
        passphrase = os.environ.get(ENV_PASSPHRASE)
        if not passphrase:
            return False
        self.open_with(passphrase, create=create)
        return True

    def open_with(self, passphrase: str, *, create: bool = False) -> None:
        """Unlock with a passphrase given by a script; create the profile only when allowed."""
        if not create:
            self.require_existing()
        if self.exists:
            self.unlock(passphrase)
        else:
            self.create(passphrase)

    def _opened(self, store: database.Store, created: bool = False) -> None:
        database.bind(store)
        later = self.check_later and not created
        self.check_later = False
        try:
            migrations.migrate(store.database)
            if not later:
                self._quick_check(store)
            self.anchor = anchor.on_open(self.paths, store, created=created, mode=self.anchor_mode)
        except ZvhError:
            store.close()
            raise
        except database.DRIVER_ERRORS as exc:
            store.close()  # a damaged page raises instead of failing the check
            problem = database.storage_problem(exc, self.paths.database)
            if problem is not None:
                raise problem from None
            raise DatabaseCorrupt(CORRUPT_MESSAGE) from None
        except Exception:
            store.close()
            raise
        context.set_actor(self.actor())
        if later:
            self._check_in_background(store)
            return
        try:
            self._first_writes(store, created)
        except BaseException as exc:
            anchor.detach()
            store.close()  # a full or read-only disk: the profile stays locked (10.6)
            if isinstance(exc, StorageProblem):  # said as "cannot be opened", not "not saved"
                raise self._disk_problem(exc) from None
            raise
        self._unlocked_now(store)
        self._forget_old()

    @staticmethod
    def _quick_check(store: database.Store) -> None:
        if not maintenance.quick_check_ok(store.database.execute_sql):
            raise DatabaseCorrupt(CORRUPT_MESSAGE)

    def _first_writes(self, store: database.Store, created: bool) -> None:
        """The anchor's hook, the own organisation and the unlock (or create) event."""
        if self.anchor is None or not self.anchor.writable:
            return  # never write to a database only opened to inspect it
        anchor.attach(self.paths, store, self.anchor)
        with db.atomic():
            if created:
                ids.put_fact("created_at", utcnow().isoformat())
            self.ensure_own_partner()
            audit.record("profile.create" if created else "unlock", detail=self.anchor.note())

    def _unlocked_now(self, store: database.Store) -> None:
        self.store = store  # unlocked only now: nothing before this shows client data
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(self.paths.database) + suffix)
            try:
                if path.exists():
                    os.chmod(path, 0o600)
            except OSError:
                pass  # not ours to change (integrity.check_permissions reports it)

    def _forget_old(self) -> None:
        from zvh_tui.services.safety import rekey

        rekey.forget_old(self.paths)  # the copy under a previous passphrase, once this opened

    # -- the deferred check (see the module doc) ----------------------------------------------
    def _check_in_background(self, store: database.Store) -> None:
        check = DeferredCheck()
        thread = threading.Thread(target=self._run_deferred_check, args=(store, check),
                                  name="zvh-check", daemon=True)
        store.database.hold_writes(thread)
        self.deferred_check = check
        self._unlocked_now(store)
        thread.start()

    def _run_deferred_check(self, store: database.Store, check: DeferredCheck) -> None:
        """In the check's thread: the quick check, then the first writes; the writes of every
        other thread wait meanwhile. A lock or quit interrupts it: then nothing is written."""
        problem: StoreError | None = None
        try:
            with store.database.connection_context():  # this thread's own connection
                try:
                    # A lock or quit interrupts it (it would otherwise wait for the whole file).
                    with store.database.interruptible(store.database.connection()):
                        healthy = maintenance.quick_check_ok(store.database.execute_sql)
                except database.DRIVER_ERRORS as exc:
                    if store.database.closing:
                        raise StoreClosing(database.CLOSING_MESSAGE) from None
                    problem = database.storage_problem(exc, self.paths.database)
                    healthy = problem is not None  # a disk problem is said as such, below
                if problem is None and not healthy:
                    problem = self._damage_found(store)
                if problem is None:
                    self._first_writes(store, created=False)
        except StoreError as exc:  # StoreClosing: locked before it began; a full disk
            problem = exc
        except database.DRIVER_ERRORS as exc:
            problem = database.storage_problem(exc, self.paths.database) or DatabaseCorrupt(
                CORRUPT_MESSAGE)
        except Exception:  # never a silent pass: writes stay refused
            problem = DatabaseCorrupt(CORRUPT_MESSAGE)
        finally:
            store.database.release_writes(problem)
            check.finish(problem)
        if problem is None:
            try:
                self._forget_old()
            except Exception:  # S110 - tidying up; the next unlock tries again
                pass

    def _damage_found(self, store: database.Store) -> DatabaseCorrupt:
        """The Dutch message for a database that failed the check after it was opened:
        what is wrong and the newest backup that verifies (services/safety/integrity.py)."""
        from zvh_tui.services.safety import integrity

        problem = M("safety.profile.check_after_open",
                    "De database is beschadigd: de controle na het openen faalde.")
        found = None
        try:
            found = integrity.diagnose(self.paths, raw_key=store.raw_key)
        except Exception:  # S110 - the diagnosis must not hide the damage itself
            pass
        if found is not None and not found.ok:
            problem = found.message
        if found is not None and found.backup is not None:
            message = M("safety.profile.damage_restore",
                        "{problem} Er is niets gewijzigd; het profiel is vergrendeld. {hint}",
                        problem=problem, hint=integrity.restore_hint(found.backup))
        else:
            message = M("safety.profile.damage",
                        "{problem} Er is niets gewijzigd; het profiel is vergrendeld. "
                        "Zet de nieuwste back-up terug met 'zvh restore'.", problem=problem)
        error = DatabaseCorrupt(message)
        error.backup = found.backup if found is not None else None  # type: ignore[attr-defined]
        return error

    def actor(self) -> context.Actor:
        """Who the audit log names for this profile's work (from the settings)."""
        return context.Actor(user=self.settings.user_name(), on_behalf_of=self.settings.on_behalf_of)

    def ensure_own_partner(self) -> Partner:
        """Our own organisation is in the roster, so 'taak overgenomen?' can be seen."""
        own = Partner.get_or_none(Partner.is_own == True)  # noqa: E712 - Peewee expression
        if own is None:
            name = self.settings.own_partner_name or "Zorg- en Veiligheidshuis"  # i18n: a name stored in the roster
            own = Partner.get_or_none(Partner.name == name)
            if own is None:
                own = Partner.create(name=name, domain=PartnerDomain.SAFETY.value, convenant_signed=True, is_own=True)
            else:
                own.is_own = True
                own.save()
        return own

    def lock(self) -> None:
        """Close the database and forget the key; the profile stays taken by this instance."""
        if self.store is None:
            return
        # A backup (or other worker) still using the database stops at a safe point first; its
        # connection is closed by its own thread (a connection closed under another thread's
        # feet crashed the process).
        self.store.database.stop_others()
        try:
            if self.anchor is None or self.anchor.writable:
                audit.record("lock")
        except Exception:  # locking must succeed even if the write fails
            pass
        anchor.detach()
        self.store.close()
        self.store = None
        self.deferred_check = None

    def close(self) -> None:
        self.lock()
        self.release()

    def change_passphrase(self, old: str, new: str, repeated: str | None = None) -> None:
        """Re-key through a verified copy and an atomic swap (services/safety/rekey.py)."""
        from zvh_tui.services.safety import rekey

        rekey.change_passphrase(self, old, new, repeated)

    def save_settings(self) -> None:
        config.save(self.paths.settings_file, self.settings)


def _write_pid(lock_file: Path) -> None:
    """Our process id in the lock file, for a person (or a test) that must find the holder."""
    try:
        fd = os.open(lock_file, os.O_WRONLY)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        finally:
            os.close(fd)
    except OSError:  # Windows keeps a locked file to its one handle: the pid is optional
        pass
