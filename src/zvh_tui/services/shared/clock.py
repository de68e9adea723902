"""Moments in time: stored in UTC, shown in local time, converted in this one place.

The rule for the whole app:
- every moment (a `DateTimeField`: journal times, audit events, `created_at`, …) is stored as
  *naive UTC* (`store.models.utcnow`); a calendar day (`DateField`) has no time zone at all;
- every moment shown to a person, on a screen, in a message or in an export for people, goes
  through `format_local`: the local time of this machine (`TZ`, else the system's zone), with the
  offset that held *at that moment* (summer or winter time), so it matches the clock on the wall;
- a moment that a user (or the demo) gives in local wall-clock time goes through `local_to_utc`
  before it is stored;
- machine-readable exports (the case export JSON, the audit log JSON) write ISO 8601 in the local
  zone with its offset (`iso_local`: `2026-12-01T18:48:00+01:00`), so a time read from them is
  the one on the wall clock and still one exact instant for a program; the audit log also keeps
  the UTC form beside it (`tijd_utc`, `iso_utc`).

The local zone is read at each call (`datetime.astimezone`, the C library's `localtime`), so a
test that sets `TZ` and calls `time.tzset()` sees its zone at once.
"""

from __future__ import annotations

import datetime as dt

MINUTES = "%d-%m-%Y %H:%M"
SECONDS = "%d-%m-%Y %H:%M:%S"


def _as_datetime(moment: dt.datetime | str) -> dt.datetime:
    if isinstance(moment, str):  # a moment read back as text (raw SQL, an anchor file)
        moment = dt.datetime.fromisoformat(moment.strip().removesuffix("Z"))
    return moment


def to_local(moment: dt.datetime | str) -> dt.datetime:
    """A stored moment (naive = UTC, or aware) as an aware datetime in the local zone."""
    value = _as_datetime(moment)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone()


def format_local(moment: dt.datetime | str | None, *, seconds: bool = False) -> str:
    """'01-12-2026 18:48' for a stored 17:48 UTC in Europe/Amsterdam; empty for no moment."""
    if moment is None or moment == "":
        return ""
    try:
        local = to_local(moment)
    except ValueError:  # text that is no moment: shown as it is, never a crash
        return str(moment)
    return local.strftime(SECONDS if seconds else MINUTES)


def format_wall(local: dt.datetime, *, seconds: bool = False) -> str:
    """A moment that is already local wall-clock time (a backup's file name), the same way."""
    return local.strftime(SECONDS if seconds else MINUTES)


def local_date(moment: dt.datetime | str) -> dt.date:
    """The local calendar day of a stored moment (late in the evening UTC may be tomorrow here)."""
    return to_local(moment).date()


def local_to_utc(local: dt.datetime) -> dt.datetime:
    """Local wall-clock time (naive, as typed) to naive UTC for storing.

    A time that exists twice (the hour repeated in October) is read as the first of the two
    (`fold=0`); one that does not exist (the hour skipped in March) with the offset of one side of
    the change, as the C library gives it. Never an error.
    """
    value = local if local.tzinfo is not None else local.astimezone()
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def local_moment(day: dt.date, hour: int = 0, minute: int = 0) -> dt.datetime:
    """`day` at `hour:minute` local time, as naive UTC for storing."""
    return local_to_utc(dt.datetime.combine(day, dt.time(hour, minute)))


def iso_local(moment: dt.datetime | str | None) -> str | None:
    """'2026-12-01T18:48:00+01:00' for a stored 17:48 UTC in Europe/Amsterdam (whole seconds):
    ISO 8601 in the local zone with the offset of that moment; None for none."""
    if moment is None or moment == "":
        return None
    try:
        return to_local(moment).replace(microsecond=0).isoformat()
    except ValueError:
        return str(moment)


def iso_utc(moment: dt.datetime | str | None) -> str | None:
    """'2026-12-01T17:48:00Z' for machine-readable exports (UTC, whole seconds); None for none."""
    if moment is None or moment == "":
        return None
    try:
        value = _as_datetime(moment)
    except ValueError:
        return str(moment)
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"
