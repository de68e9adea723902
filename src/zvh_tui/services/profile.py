"""A user profile: its folders, settings and (once unlocked) its encrypted database.

The one place where the CLI and the app open, create, lock and close a profile, so both follow
the same steps: folders 0700, one instance at a time, key derivation once, migrations, a quick
integrity check, and an audit event for every unlock and lock.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from peewee import DatabaseError
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui import config
from zvh_tui.errors import (
    DatabaseCorrupt,
    ProfileLocked,
    StorageProblem,
    StoreError,
    WrongPassphrase,
    ZvhError,
)
from zvh_tui.paths import ProfilePaths, ensure_folders, resolve
from zvh_tui.services import anchor, audit, backup, context, unlock_delay
from zvh_tui.services.unlock_delay import MAX_RETRY_DELAY_SECONDS, retry_delay  # noqa: F401
from zvh_tui.store import database, migrations
from zvh_tui.store.models import KeyValue, Partner, db, utcnow
from zvh_tui.vocab import PartnerDomain

ENV_PASSPHRASE = "ZVH_PASSPHRASE"


class Profile:
    def __init__(self, paths: ProfilePaths) -> None:
        self.paths = paths
        self.settings = config.load(paths.settings_file)
        self.store: database.Store | None = None
        self._lock_fd: int | None = None
        # Wrong passphrases, kept in the state folder: a restart or the CLI waits too (10.7).
        self.unlock_delay = unlock_delay.UnlockDelay(paths.state / unlock_delay.FILENAME)
        # The anchor outside the database (services/anchor.py): "inspect" (zvh check) opens a
        # database behind it without writing, "accept" (zvh check --aanvaard) goes on with it.
        self.anchor_mode = "normal"
        self.anchor: anchor.Comparison | None = None

    @classmethod
    def from_dir(cls, data_dir: str | os.PathLike[str] | None = None) -> Profile:
        return cls(resolve(data_dir))

    # -- state ------------------------------------------------------------------------------
    @property
    def exists(self) -> bool:
        db_file = self.paths.database
        return db_file.exists() and db_file.stat().st_size > 0

    @property
    def unlocked(self) -> bool:
        return self.store is not None

    @property
    def name(self) -> str:
        return self.paths.name

    # -- single instance --------------------------------------------------------------------
    def acquire(self) -> None:
        """Take the profile's lock file; refuse when another instance holds it."""
        if self._lock_fd is not None:
            return
        try:
            ensure_folders(self.paths)
            fd = os.open(self.paths.lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # a read-only or full disk: its own message, never a crash
            raise self._disk_problem(exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise ProfileLocked(
                "Dit profiel is al geopend in een ander venster of programma. "
                "Sluit dat eerst; twee tegelijk kan gegevens beschadigen."
            ) from None
        try:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError:
            pass  # the pid is only a help for tests and support; the lock itself holds
        self._lock_fd = fd
        from zvh_tui.services import rekey

        backup.recover_restore(self.paths)  # a restore that was killed: finished from its journal
        rekey.recover(self.paths)  # a passphrase change that was killed half-way

    def release(self) -> None:
        if self._lock_fd is not None:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            finally:
                os.close(self._lock_fd)
                self._lock_fd = None

    # -- open and close ---------------------------------------------------------------------
    def create(self, passphrase: str, repeated: str | None = None) -> None:
        """Make the profile's encrypted database with this new passphrase."""
        database.check_new_passphrase(passphrase, repeated)
        self.acquire()
        if self.exists:
            raise StoreError("Dit profiel heeft al een database; ontgrendel die met het wachtwoord.")
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
        return problem or StorageProblem(database.DISK_ERROR_MESSAGE.format(
            what="het profiel kan niet worden geopend", lost=database.NOTHING_LOST))

    def _explain(self, error: ZvhError, **key: str) -> ZvhError:
        """Why the database did not open, and the newest backup that does (services/integrity)."""
        from zvh_tui.services import integrity

        return integrity.explain_failure(self.paths, error, **key)

    def open_from_environment(self) -> bool:
        """Unlock (or create) with `ZVH_PASSPHRASE` when it is set; report whether it was."""
        passphrase = os.environ.get(ENV_PASSPHRASE)
        if not passphrase:
            return False
        if self.exists:
            self.unlock(passphrase)
        else:
            self.create(passphrase)
        return True

    def _opened(self, store: database.Store, created: bool = False) -> None:
        database.bind(store)
        try:
            migrations.migrate(store.database)
            row = store.database.execute_sql("PRAGMA quick_check").fetchone()
            if not row or row[0] != "ok":
                raise DatabaseCorrupt(
                    "De database is beschadigd (de snelle controle faalde). "
                    "Zet de nieuwste back-up terug met 'zvh restore'."
                )
            self.anchor = anchor.on_open(self.paths, store, created=created, mode=self.anchor_mode)
        except ZvhError:
            store.close()
            raise
        except (DatabaseError, sqlcipher.DatabaseError) as exc:
            store.close()  # a damaged page raises instead of failing the check
            problem = database.storage_problem(exc, self.paths.database)
            if problem is not None:
                raise problem from None
            raise DatabaseCorrupt(
                "De database is beschadigd (de snelle controle faalde). "
                "Zet de nieuwste back-up terug met 'zvh restore'."
            ) from None
        except Exception:
            store.close()
            raise
        context.set_actor(self.actor())
        try:
            if self.anchor.writable:  # never write to a database only opened to inspect it
                anchor.attach(self.paths, store, self.anchor)
                with db.atomic():
                    if created:
                        KeyValue.insert(key="created_at", value=utcnow().isoformat()).on_conflict_replace().execute()
                    self.ensure_own_partner()
                    audit.record("profile.create" if created else "unlock", detail=self.anchor.note())
        except BaseException as exc:
            anchor.detach()
            store.close()  # a full or read-only disk: the profile stays locked (10.6)
            if isinstance(exc, StorageProblem):  # said as "cannot be opened", not "not saved"
                raise self._disk_problem(exc) from None
            raise
        self.store = store  # unlocked only now: nothing before this shows client data
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(self.paths.database) + suffix)
            try:
                if path.exists():
                    os.chmod(path, 0o600)
            except OSError:
                pass  # not ours to change (integrity.check_permissions reports it)
        from zvh_tui.services import rekey

        rekey.forget_old(self.paths)  # the copy under a previous passphrase, once this opened

    def actor(self) -> context.Actor:
        """Who the audit log names for this profile's work (from the settings)."""
        return context.Actor(user=self.settings.user_name(), on_behalf_of=self.settings.on_behalf_of)

    def ensure_own_partner(self) -> Partner:
        """Our own organisation is in the roster, so 'taak overgenomen?' can be seen."""
        own = Partner.get_or_none(Partner.is_own == True)  # noqa: E712 - Peewee expression
        if own is None:
            name = self.settings.own_partner_name or "Zorg- en Veiligheidshuis"
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
        try:
            if self.anchor is None or self.anchor.writable:
                audit.record("lock")
        except Exception:  # noqa: BLE001 - locking must succeed even if the write fails
            pass
        anchor.detach()
        self.store.close()
        self.store = None

    def close(self) -> None:
        self.lock()
        self.release()

    def change_passphrase(self, old: str, new: str, repeated: str | None = None) -> None:
        """Re-key through a verified copy and an atomic swap (services/rekey.py)."""
        from zvh_tui.services import rekey

        rekey.change_passphrase(self, old, new, repeated)

    def save_settings(self) -> None:
        config.save(self.paths.settings_file, self.settings)
