"""Drafts (concepts): what was typed in a form that is not yet saved, kept so nothing is lost.

A form names its draft with a key ("new_case", "journal:<case id>") and hands its fields as a
dict of strings. `save` commits at once (the store runs in autocommit with WAL and
synchronous=FULL: a kill -9 right after `save` returns keeps the draft); `load` gives the values
back; `discard` forgets them (a submitted form, a deliberate cancel).

Drafts live only in the encrypted database. They are no audit events (the text is the user's own
unfinished work, and no client data goes into a log); a draft about a case carries its `case_id`,
so destroying the case (services/retention.py) destroys its drafts too (ON DELETE CASCADE).

Control characters: a draft is stored as typed, never refused (saving happens while the user
types, and a refusal there would lose text), as ASCII JSON so the stored text itself holds no raw
control character. On `load` the values are cleaned by the same rule as everything shown
(`text.CONTROL_CHARS`): a planted ESC, NUL, bidi override or lone surrogate is removed, a line
break or tab is kept (TextAreas hold them; one-line widgets drop them on restore). What is
submitted then still goes through the checks of `text.line` and `text.block`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import M
from zvh_tui.services.shared import text
from zvh_tui.store import upsert
from zvh_tui.store.models import Draft, db, utcnow

KEY_MAX = 100
DRAFT_MAX = 500_000  # characters over all values: 25 full text fields; a larger draft is refused


@dataclass(frozen=True)
class Loaded:
    values: dict[str, str]
    updated_at: dt.datetime  # naive UTC


def _check_key(form_key: str) -> str:
    if (not isinstance(form_key, str) or not form_key or len(form_key) > KEY_MAX
            or not form_key.isascii() or not form_key.isprintable()):
        raise ValueError("a draft key is 1-100 printable ASCII characters")
    return form_key


def _check_values(values: dict[str, str]) -> dict[str, str]:
    if not isinstance(values, dict) or not all(
        isinstance(name, str) and isinstance(value, str) for name, value in values.items()
    ):
        raise TypeError("draft values are a dict of str to str")
    if sum(len(name) + len(value) for name, value in values.items()) > DRAFT_MAX:
        raise ValidationError(M("shared.drafts.too_large", "Dit concept is te groot om tussentijds te bewaren."))
    return values


def clean(value: str) -> str:
    """`value` without control characters other than line break and tab."""
    return text.CONTROL_CHARS.sub(lambda m: m[0] if m[0] in "\n\t" else "", value)


def save(form_key: str, values: dict[str, str], *, case_id: int | None = None) -> None:
    """Keep `values` as the draft of `form_key` (replacing an earlier one); committed on return."""
    _check_key(form_key)
    data = json.dumps(_check_values(values), ensure_ascii=True, sort_keys=True)
    with db.atomic():
        upsert.put(Draft, key=form_key, case=case_id, data=data, updated_at=utcnow())


def load_draft(form_key: str) -> Loaded | None:
    """The draft of `form_key` with its time, cleaned (see the module text); None if there is
    none or it cannot be read (a damaged draft is no reason to refuse opening a form)."""
    row = Draft.get_or_none(Draft.key == _check_key(form_key))
    if row is None:
        return None
    try:
        raw = json.loads(row.data)
    except (TypeError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    values = {clean(str(name)): clean(value) for name, value in raw.items() if isinstance(value, str)}
    return Loaded(values, row.updated_at)


def load(form_key: str) -> dict[str, str] | None:
    """The values of the draft of `form_key`, cleaned; None when there is none."""
    found = load_draft(form_key)
    return found.values if found is not None else None


def discard(form_key: str) -> None:
    """Forget the draft of `form_key` (there may be none)."""
    with db.atomic():
        Draft.delete().where(Draft.key == _check_key(form_key)).execute()


def exists(form_key: str) -> bool:
    return Draft.select().where(Draft.key == _check_key(form_key)).exists()
