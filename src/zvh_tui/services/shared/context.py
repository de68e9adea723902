"""Who is working and what day it is, for the audit log and every date rule.

Set once at unlock from the settings. Tests freeze the clock with `set_today`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    user: str = "onbekend"  # i18n: stored as the audit log's user
    on_behalf_of: str = ""


_actor = Actor()
_today: dt.date | None = None


def set_actor(actor: Actor) -> None:
    global _actor
    _actor = actor


def actor() -> Actor:
    return _actor


def set_today(day: dt.date | None) -> None:
    """Freeze 'today' (tests, demo data); None returns to the real calendar."""
    global _today
    _today = day


def today() -> dt.date:
    return _today or dt.date.today()
