"""The one error type the user sees: a plain message, never a traceback.

Every layer raises `ZvhError` (or a subclass) for anything the user must be told; the UI shows
`str(error)` as it is. Messages never contain client data beyond what the user just typed.

The message is a `core.i18n.Message` (an id, the Dutch text, parameters): `str(error)` reads it
in the language of the moment, `error.msgid` and `error.params` are what tests check. A plain
`str` is still taken (a text already translated by the caller).
"""

from __future__ import annotations

from zvh_tui.core.i18n import Message


class ZvhError(Exception):
    """A refusal or failure with a plain message for the user."""

    def __init__(self, message: str | Message, *, field: str | None = None) -> None:
        super().__init__(message)
        self.raw = message
        self.field = field  # which input the message is about, when there is one

    @property
    def message(self) -> str:
        """The text, in the language of the moment."""
        return str(self.raw)

    @property
    def msgid(self) -> str | None:
        """The message id (`"text.required"`), or None for a plain text."""
        return self.raw.id if isinstance(self.raw, Message) else None

    @property
    def params(self) -> dict[str, object]:
        return dict(self.raw.params) if isinstance(self.raw, Message) else {}

    def __str__(self) -> str:
        return str(self.raw)


class ValidationError(ZvhError):
    """Bad input: the field and what is wrong with it."""


class UnknownCode(ValidationError, ValueError):
    """A code that is not in its vocabulary (`Phase("x")`): raised by `Vocab` lookups.

    Also a `ValueError`, because that is the contract of an Enum lookup: Python 3.12+ answers
    `"x" in Phase` by trying `Phase("x")` and catching ValueError only. `ValidationError` itself
    stays apart from ValueError, so an `except ValueError` around `int()` or a date parse never
    swallows a Dutch message raised inside it.
    """

    def __init__(self, message: str | Message, *, kind: str, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.kind = kind  # the Dutch name of the vocabulary ("fase")


class RuleError(ZvhError):
    """A rule of the trade refuses the operation (shared/domain.md)."""


class NotFound(ZvhError):
    """The thing asked for does not exist (any more)."""


class StoreError(ZvhError):
    """The database could not be opened or written."""


class WrongPassphrase(StoreError):
    pass


class StoreClosing(StoreError):
    """The profile is being locked or closed: work from another thread stops at a safe point."""


class DatabaseCorrupt(StoreError):
    pass


class ProfileLocked(StoreError):
    """Another instance of the app has this profile open."""


class StorageProblem(StoreError):
    """The disk refused (full, read-only, failing): the passphrase was not the problem."""


class DiskFull(StorageProblem):
    pass


class ReadOnlyStorage(StorageProblem):
    pass


class UnlockDelayed(StoreError):
    """Too soon after a wrong passphrase: `seconds` still to wait before the next try."""

    def __init__(self, message: str | Message, *, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class NoProfile(StoreError):
    """There is no profile to open here (a mistyped folder, or a database that has gone)."""
