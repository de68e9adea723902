"""The one table-cell and plain-text helpers (widgets/safe_text.py) that every screen uses."""

from __future__ import annotations

import io

from rich.console import Console

from zvh_tui.widgets.safe_text import cell, plain


def _shown(text, width: int = 40) -> str:
    console = Console(width=width, color_system=None, record=True, file=io.StringIO())
    console.print(text)
    return console.export_text()


def test_cell_shows_stored_text_literally_on_one_line() -> None:
    value = cell("[b]Jansen[/b]\x1b]0;x\x07", "bold")
    assert value.plain == "[b]Jansen[/b]␛]0;x␇"
    assert str(value.style) == "bold"
    assert (value.no_wrap, value.overflow) == (True, "ellipsis")  # a table cuts it, never wraps


def test_plain_keeps_line_breaks_and_shows_controls() -> None:
    assert _shown(plain("Regel 1\nRegel [2]\x1b")) == "Regel 1\nRegel [2]␛\n"
