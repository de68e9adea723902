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
from zvh_tui.errors import DatabaseCorrupt, ProfileLocked, StoreError, WrongPassphrase, ZvhError
from zvh_tui.paths import ProfilePaths, ensure_folders, resolve
from zvh_tui.services import audit, context
from zvh_tui.store import database, migrations
from zvh_tui.store.models import KeyValue, Partner, db, utcnow
from zvh_tui.vocab import PartnerDomain

ENV_PASSPHRASE = "ZVH_PASSPHRASE"
MAX_RETRY_DELAY_SECONDS = 30


def retry_delay(failures: int) -> int:
    """Seconds to wait after the given number of wrong passphrases: 1, 2, 4 … at most 30."""
    if failures <= 0:
        return 0
    return min(2 ** (failures - 1), MAX_RETRY_DELAY_SECONDS)


class Profile:
    def __init__(self, paths: ProfilePaths) -> None:
        self.paths = paths
        self.settings = config.load(paths.settings_file)
        self.store: database.Store | None = None
        self._lock_fd: int | None = None

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
        ensure_folders(self.paths)
        fd = os.open(self.paths.lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise ProfileLocked(
                "Dit profiel is al geopend in een ander venster of programma. "
                "Sluit dat eerst; twee tegelijk kan gegevens beschadigen."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd
        from zvh_tui.services import rekey

        rekey.recover(self.paths)  # a passphrase change or restore that was killed half-way

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
        self.acquire()
        try:
            store = database.open_store(self.paths.database, passphrase)
            self._opened(store)
        except (WrongPassphrase, DatabaseCorrupt) as exc:
            if not passphrase:
                raise
            raise self._explain(exc, passphrase=passphrase) from None

    def unlock_with_key(self, raw_key: str) -> None:
        self.acquire()
        try:
            store = database.open_with_key(self.paths.database, raw_key)
            self._opened(store)
        except (WrongPassphrase, DatabaseCorrupt) as exc:
            raise self._explain(exc, raw_key=raw_key) from None

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
        except ZvhError:
            store.close()
            raise
        except (DatabaseError, sqlcipher.DatabaseError):
            store.close()  # a damaged page raises instead of failing the check
            raise DatabaseCorrupt(
                "De database is beschadigd (de snelle controle faalde). "
                "Zet de nieuwste back-up terug met 'zvh restore'."
            ) from None
        except Exception:
            store.close()
            raise
        self.store = store
        context.set_actor(
            context.Actor(user=self.settings.user_name(), on_behalf_of=self.settings.on_behalf_of)
        )
        with db.atomic():
            if created:
                KeyValue.insert(key="created_at", value=utcnow().isoformat()).on_conflict_replace().execute()
            self.ensure_own_partner()
            audit.record("profile.create" if created else "unlock")
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(self.paths.database) + suffix)
            if path.exists():
                os.chmod(path, 0o600)
        from zvh_tui.services import rekey

        rekey.forget_old(self.paths)  # the copy under a previous passphrase, once this opened

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
            audit.record("lock")
        except Exception:  # noqa: BLE001 - locking must succeed even if the write fails
            pass
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
