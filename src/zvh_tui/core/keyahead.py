"""The key derivation of a passphrase handed over in ZVH_PASSPHRASE, begun before the imports.

Deriving the database key (PBKDF2-HMAC-SHA512, SQLCipher 4's 256,000 iterations) takes about
0.3 s and runs outside the interpreter lock, so `zvh_tui.start` begins it in a thread before
Textual, Peewee and SQLCipher are imported (issue 16: start-up). `derive` then takes the result
instead of deriving again; with another passphrase or salt it derives as usual. Nothing is
unlocked here and no wait after a wrong passphrase is skipped: the profile still checks that
before it uses the key (services/safety/profile.py).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from collections.abc import Sequence

KDF_HASH = "sha512"
KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16
ENV_PASSPHRASE = "ZVH_PASSPHRASE"
_PLAINTEXT_HEADER = b"SQLite format 3\x00"

_lock = threading.Lock()
_ahead: dict[bytes, tuple[threading.Thread, list[bytes]]] = {}


def _tag(passphrase: str, salt: bytes) -> bytes:
    return hmac.new(salt, passphrase.encode("utf-8"), hashlib.sha256).digest()


def _pbkdf2(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac(KDF_HASH, passphrase.encode("utf-8"), salt, KDF_ITERATIONS,
                               dklen=KEY_BYTES)


def derive(passphrase: str, salt: bytes) -> bytes:
    """The key for this passphrase and salt: the one derived ahead, or derived now."""
    with _lock:
        found = _ahead.pop(_tag(passphrase, salt), None)
    if found is not None:
        thread, box = found
        thread.join()
        if box:
            return box[0]
    return _pbkdf2(passphrase, salt)


def start(passphrase: str, salt: bytes) -> None:
    """Derive in a thread; `derive` with the same passphrase and salt takes the result."""
    box: list[bytes] = []

    def run() -> None:
        box.append(_pbkdf2(passphrase, salt))

    thread = threading.Thread(target=run, name="zvh-key", daemon=True)
    with _lock:
        _ahead.clear()  # one at a time: only the start of a process derives ahead
        _ahead[_tag(passphrase, salt)] = (thread, box)
    thread.start()


def _data_dir(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--data-dir" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return None


def start_from_environment(argv: Sequence[str]) -> None:
    """With ZVH_PASSPHRASE set and an encrypted database in the profile the arguments (or
    ZVH_DATA_DIR, or the default) point at: begin its key derivation. Anything unclear: no."""
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if not passphrase or "--passphrase-fd" in argv or any(a.startswith("--passphrase-fd=") for a in argv):
        return
    try:
        from zvh_tui.core.paths import resolve

        with open(resolve(_data_dir(argv)).database, "rb") as fh:
            salt = fh.read(SALT_BYTES)
    except (OSError, ValueError):
        return
    if len(salt) == SALT_BYTES and salt != _PLAINTEXT_HEADER:
        start(passphrase, salt)
