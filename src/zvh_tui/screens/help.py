"""F1: the keys of the screen the user came from, plus the few that work everywhere.

The footer shows only 4-6 keys per screen; this list shows all of them, so nothing is hidden
behind a key the user has to guess. It shows no data, only keys and what they do.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from zvh_tui.services.text import visible

GENERAL_KEYS: list[tuple[str, str]] = [
    ("Tab / Shift+Tab", "Naar het volgende / vorige veld"),
    ("Escape", "Venster sluiten"),
]


def key_label(key: str) -> str:
    """'ctrl+q' -> 'Ctrl+Q', 'f1' -> 'F1': how the keys are written on a keyboard."""
    def one(part: str) -> str:
        if len(part) == 1 or (part[0] == "f" and part[1:].isdigit()):
            return part.upper()
        return part.capitalize()

    return "+".join(one(part) for part in key.split("+"))


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
            yield Static("Escape of F1 sluit dit venster.", id="help-hint", markup=False)

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
