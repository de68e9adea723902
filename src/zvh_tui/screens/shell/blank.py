"""The privacy blank (Ctrl+O): the whole screen hidden at once, one line, the same key back.

Also the few things every screen needs of projector mode (MEEKIJKEN, `ZvhApp.projector`): the
line a hidden section shows, and which case is on screen (for the names a toast must mask).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from zvh_tui.core.i18n import N_, _

BLANK_ID = "privacy-blank"
# Marked here, translated where shown (`_()`).
BLANK_LINE = N_("Scherm verborgen — druk op Ctrl+O om terug te gaan")
AUDIT_HIDDEN = N_("Het logboek is verborgen tijdens meekijken. Zet meekijken uit (F8) om het te openen.")


class BlankScreen(ModalScreen[None]):
    """Nothing of what is beneath shows through: an opaque layer with one line."""

    DEFAULT_CSS = """
    BlankScreen { background: black; align: center middle; }
    BlankScreen > Static { width: auto; color: $text-muted; background: black; }
    """

    def __init__(self) -> None:
        super().__init__(id=BLANK_ID)

    def compose(self) -> ComposeResult:
        yield Static(_(BLANK_LINE), markup=False)


def projector_case_of(screens: Iterable[object]) -> int | None:
    """The case of the topmost screen that shows one (its `case_id`, or the live item's)."""
    for screen in reversed(list(screens)):
        item = getattr(screen, "item", None)
        case_id = getattr(item, "case_id", None) or getattr(screen, "case_id", None)
        if isinstance(case_id, int):
            return case_id
    return None
