"""The rules for a new passphrase, for the screens that ask for one (unlock, rekey).

The rules themselves live beside the database (store/database.py), because making a database
refuses a weak or empty passphrase there too (Peewee would otherwise make a plaintext file).
"""

from __future__ import annotations

from zvh_tui.store.database import MIN_PASSPHRASE_LENGTH, check_new_passphrase

__all__ = ["MIN_PASSPHRASE_LENGTH", "check_new_passphrase"]
