"""Stored text on screen: plain (no markup) and with control characters as visible symbols.

`services.text.visible()` is the one rule (ESC → ␛, BEL → ␇, a bidi override → ⟨U+202E⟩).
`SafeText` is a Rich `Text` that applies it to everything it is built from and everything
appended to it, so a screen that assembles a section from many stored fields builds it as a
`SafeText` and cannot forget one. (A plain `Text` would silently drop BEL, BS, VT, FF and CR
and keep ESC and the rest raw.) Line breaks and tabs are kept.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text

from zvh_tui.services.shared.text import visible


class SafeText(Text):
    """A `Text` whose text, as given and as appended, shows control characters as symbols."""

    def __init__(self, text: str = "", style: str | Style = "", **kwargs: Any) -> None:
        super().__init__(visible(text, multiline=True), style, **kwargs)

    def append(self, text: str | Text, style: str | Style | None = None) -> SafeText:
        if isinstance(text, str):
            text = visible(text, multiline=True)
        super().append(text, style)
        return self


def plain_text(value: object, style: str = "") -> SafeText:
    """A stored value as a `Text` without markup, control characters as symbols."""
    return SafeText(visible(value), style)


def cell(value: object, style: str = "") -> Text:
    """A table cell: stored text literally (no markup), control characters as symbols, on one
    line cut with an ellipsis. The one helper for every table (six screens had their own)."""
    return Text(visible(value), style=style, no_wrap=True, overflow="ellipsis")


def plain(value: str) -> Text:
    """Text over several lines (a dialog's message, a settings note) that may hold stored
    text: no markup, control characters as symbols, line breaks kept."""
    return Text(visible(value, multiline=True))
