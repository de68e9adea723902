"""Every use of a private Textual or Peewee API, in one place, each behind a name of our own.

Two modules that never import each other's library: `compat.textual` (Textual and Rich, for
screens and widgets) and `compat.peewee` (Peewee and playhouse, for the store and services).
The layer rule "store and services never import Textual" holds through them, also for indirect
imports, because this `__init__` imports neither. tests/compat/ checks each private API still
exists and behaves as relied on, so an upgrade fails there, naming the shim to revisit.
"""
