"""Control characters planted in a profile past every check (an older version, a hand-edited
copy, someone with the key), and how to tell whether any came out raw."""

from __future__ import annotations

import unicodedata

import safety_helpers as h

from zvh_tui.services.shared.text import BIDI_CONTROLS
from zvh_tui.store.models import db

# Set the terminal title (OSC 2), write the clipboard (OSC 52), clear the screen, then NUL, a C1
# control, a bidi override and DEL.
EVIL = "\x1b]2;PWNED\x07\x1b]52;c;SElKQUNLRUQ=\x07\x1b[2J\x00\x85\u202e\x7f"
SHOWN = "␛]2;PWNED␇␛]52;c;SElKQUNLRUQ=␇␛[2J␀⟨U+0085⟩⟨U+202E⟩␡"


def raw_controls(document: str) -> list[str]:
    """Every character in `document` a terminal acts on (line breaks and tabs of the layout
    aside), or that reorders text."""
    return [ch for ch in document
            if (unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") and ch not in "\n\r\t")
            or ch in BIDI_CONTROLS]


def plant(canary: str) -> int:
    """Put EVIL after the canary in every text column that holds it; the number of cells."""
    planted = 0
    for table in h.user_tables(h.OpenDb()):
        if table.startswith("case_search") or table == "audit_event":
            continue
        for column in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall():
            name, kind = column[1], str(column[2]).upper()
            if "CHAR" not in kind and "TEXT" not in kind:
                continue
            cursor = db.execute_sql(
                f'UPDATE "{table}" SET "{name}" = replace("{name}", ?, ?) WHERE "{name}" LIKE ?',
                (canary, canary + EVIL, f"%{canary}%"))
            planted += cursor.rowcount
    return planted
