"""Changing the passphrase: through a verified copy and an atomic swap, never in place.

SQLCipher's `PRAGMA rekey` rewrites every page of the live file; a crash half-way leaves a file
that is partly under the old key and partly under the new. Instead:

1. the profile is locked (its connection closed, a 'lock' event written);
2. under `BEGIN IMMEDIATE` (no writer can slip in), `sqlcipher_export` copies everything into a
   new hidden file keyed with the new key (a fresh random salt, raw key + salt form, so the new
   passphrase opens it in any SQLCipher tool), with the schema version, and the row counts of
   every table are compared;
3. the copy is fsynced and verified with the new key (`quick_check`, `cipher_integrity_check`);
4. the old file gets a second name (`zvh.db.pre-rekey`, a hard link) and the copy replaces
   `zvh.db` in one `rename` (fsync of the folder): at every moment `zvh.db` is a whole database,
   either the old or the new;
5. the profile is unlocked with the new key (quick check again); only then is the old file
   removed. If that unlock fails, the old file is put back.

A crash at any step leaves a database that opens with either the old or the new passphrase;
`recover` (run when the profile is taken) cleans up what a crash left behind.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from zvh_tui.core.errors import StoreError, ValidationError, WrongPassphrase, ZvhError
from zvh_tui.core.i18n import M
from zvh_tui.core.paths import ProfilePaths
from zvh_tui.services.safety import backup
from zvh_tui.store import database, maintenance

PRE_REKEY_SUFFIX = ".pre-rekey"


def _old_copy(paths: ProfilePaths) -> Path:
    return Path(str(paths.database) + PRE_REKEY_SUFFIX)


def recover(paths: ProfilePaths) -> None:
    """Clean up after a passphrase change or restore that was killed (profile lock held)."""
    backup.remove_partials(paths.data)
    old = _old_copy(paths)
    if not old.exists():
        return
    current = paths.database
    if not current.exists():
        os.replace(old, current)  # the swap never happened: the old database is the database
        backup.fsync_dir(paths.data)
        return
    try:
        same = os.path.samefile(old, current)
    except OSError:
        same = False
    if same:  # killed between the hard link and the swap
        old.unlink()
        backup.fsync_dir(paths.data)
    # Otherwise the swap happened and the new file was verified before it: the old file is
    # removed at the next successful unlock (`forget_old`), when the current one has opened.


def forget_old(paths: ProfilePaths) -> None:
    """After a successful unlock: the copy under the old passphrase is no longer needed."""
    old = _old_copy(paths)
    if old.exists():
        try:
            old.unlink()
            backup.fsync_dir(paths.data)
        except OSError:
            pass


def change_passphrase(
    profile,  # services.profile.Profile (it imports this module)
    old: str,
    new: str,
    repeated: str | None = None,
    *,
    make_backup: bool = True,
) -> None:
    """Re-key the unlocked profile's database to a new passphrase (see the module docstring)."""
    from zvh_tui.services.safety import audit

    store = profile.store
    if store is None:
        raise StoreError(M("safety.rekey.locked", "Het profiel is vergrendeld: ontgrendel het eerst."))
    database.check_new_passphrase(new, repeated)
    if new == old:
        raise ValidationError(M("safety.rekey.same", "Het nieuwe wachtwoord is gelijk aan het huidige."),
                              field="passphrase")
    path = store.path
    old_key = store.raw_key
    if not old or not hmac.compare_digest(
        database.derive_key(old, database.read_salt(path)).hex(), old_key
    ):
        raise WrongPassphrase(M("safety.rekey.wrong_current", "Het huidige wachtwoord klopt niet."))
    salt = secrets.token_bytes(database.SALT_BYTES)
    new_key = database.derive_key(new, salt).hex()
    paths = profile.paths
    partial = paths.data / f"{backup.PARTIAL_PREFIX}rekey-{secrets.token_hex(4)}{backup.PARTIAL_SUFFIX}"

    profile.lock()  # closes this thread's connection; the key stays in `old_key`
    try:
        maintenance.export_rekeyed(path, old_key, partial, new_key + salt.hex())
        backup.fsync_file(partial)
        backup.verify(partial, raw_key=new_key, readonly=False)
        wal = Path(str(path) + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(M(
                "safety.rekey.busy",
                "De database is nog in gebruik (een achtergrondtaak?). Probeer het zo opnieuw."))
        old_copy = _old_copy(paths)
        if old_copy.exists():
            old_copy.unlink()
        os.link(path, old_copy)
        os.replace(partial, path)
        backup.fsync_dir(paths.data)
    except BaseException:
        _unlink(partial)
        if _is_link_to(paths, path):
            _unlink(_old_copy(paths))
        profile.unlock_with_key(old_key)
        raise
    try:
        profile.unlock_with_key(new_key)
    except ZvhError:
        os.replace(_old_copy(paths), path)
        backup.fsync_dir(paths.data)
        profile.unlock_with_key(old_key)
        raise StoreError(M(
            "safety.rekey.copy_failed",
            "Het wachtwoord is niet gewijzigd: de nieuwe kopie kon niet worden geopend. "
            "Het oude wachtwoord geldt nog.")) from None
    forget_old(paths)
    audit.record("passphrase", object_type="profile", detail="gewijzigd")  # i18n: audit detail stored
    if make_backup:
        backup.make_backup(profile)


def _is_link_to(paths: ProfilePaths, path: Path) -> bool:
    old = _old_copy(paths)
    try:
        return old.exists() and os.path.samefile(old, path)
    except OSError:
        return False


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
