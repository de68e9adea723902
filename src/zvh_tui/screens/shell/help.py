"""F1: the keys of the screen the user came from, plus the few that work everywhere.

The footer shows only 4-6 keys per screen; this list shows all of them, so nothing is hidden
behind a key the user has to guess. It shows no data, only keys and what they do.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from zvh_tui.services.shared.text import visible

GENERAL_KEYS: list[tuple[str, str]] = [
    ("Tab / Shift+Tab", "Naar het volgende / vorige veld"),
    ("Esc", "Venster sluiten"),
]

# How keys are written on a Dutch keyboard and in Dutch help texts.
KEY_NAMES = {
    "space": "spatie", "enter": "Enter", "escape": "Esc", "tab": "Tab", "backspace": "Backspace",
    "delete": "Del", "insert": "Ins", "home": "Home", "end": "End", "pageup": "PgUp",
    "pagedown": "PgDn", "up": "pijl omhoog", "down": "pijl omlaag", "left": "pijl links",
    "right": "pijl rechts", "slash": "/", "plus": "+", "minus": "-", "asterisk": "*",
    "question_mark": "?", "comma": ",", "full_stop": ".", "ctrl": "Ctrl", "shift": "Shift",
    "alt": "Alt",
}


def key_label(key: str) -> str:
    """How a key is written for people: 'ctrl+q' -> 'Ctrl+Q', 's' -> 's', 'S' or 'shift+s' ->
    'Shift+S', 'slash' -> '/', 'space' -> 'spatie', 'up' -> 'pijl omhoog', 'pageup' -> 'PgUp'.
    A letter and its capital are never written the same."""
    *modifiers, last = key.split("+") if key != "+" else ["plus"]
    names = [KEY_NAMES.get(m, m.capitalize()) for m in modifiers]
    if len(last) == 1 and last.isalpha():
        if last.isupper() and "Shift" not in names:
            names.append("Shift")
        last_name = last.upper() if names else last  # Ctrl+Q, Shift+S; a plain letter as typed
    elif last[0] == "f" and last[1:].isdigit():
        last_name = last.upper()
    else:
        last_name = KEY_NAMES.get(last, last.capitalize() if len(last) > 1 else last)
    return "+".join([*names, last_name])


def key_rows(bindings: Iterable[tuple[str, str, str, bool]]) -> list[tuple[str, str]]:
    """(key, action, description, enabled) -> rows of the help: the keys of one action on one
    line ('u / Ctrl+Z'), the same key once, keys that do not apply now marked as such."""
    grouped: dict[tuple[str, str], list[str]] = {}
    enabled: dict[tuple[str, str], bool] = {}
    for key, action, description, is_enabled in bindings:
        group = (action, description)
        labels = grouped.setdefault(group, [])
        label = key_label(key)
        if label not in labels:
            labels.append(label)
        enabled[group] = enabled.get(group, False) or is_enabled
    rows = []
    for (action, description), labels in grouped.items():
        shown = description if enabled[(action, description)] else f"{description} (nu niet)"
        rows.append((" / ".join(labels), shown))
    return rows


class HelpScreen(ModalScreen[None]):
    """A list of keys and what they do; Escape, F1 or q closes it."""


    BINDINGS = [
        Binding("escape", "close", "Sluiten", id="help.close"),
        Binding("f1", "close", "Sluiten", show=False, id="help.close_f1"),
        Binding("q", "close", "Sluiten", show=False, id="help.close_q"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Toetsen", id="help-title", markup=False)
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static("Esc of F1 sluit dit venster.", id="help-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Toets", "Wat het doet")
        seen: set[tuple[str, str]] = set()
        for key, description in [*self._keys, *GENERAL_KEYS]:
            if (key, description) not in seen:
                seen.add((key, description))
                table.add_row(Text(visible(key)), Text(visible(description)))  # no markup

    def action_close(self) -> None:
        self.dismiss(None)
