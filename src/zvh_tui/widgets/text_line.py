"""A line of plain text that repaints without a new layout: the case list's filter, state and
count lines (moved here from screens/cases/case_list.py, so screens share it without importing
each other)."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class TextLine(Widget):
    """A line (or a few) of plain text that redraws without a new layout when it changes.

    `Static.update` always asks for a layout of the whole screen; these lines have a fixed
    height, so a change of text only repaints them (part of keeping a keystroke under 50 ms).
    """

    DEFAULT_CSS = "TextLine { height: 1; }"

    def __init__(self, text: str | Text = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text(text) if isinstance(text, str) else text

    @property
    def plain(self) -> str:
        return self._text.plain

    def set(self, text: str | Text) -> None:
        new = Text(text) if isinstance(text, str) else text
        if new.plain != self._text.plain or new.spans != self._text.spans:
            # A line with `height: auto` (the filter and state lines, which wrap in a narrow
            # terminal) asks for a layout only when it needs another number of lines.
            height = self.styles.height
            relayout = (height is not None and height.is_auto
                        and self._lines(new) != self._lines(self._text))
            self._text = new
            self.refresh(layout=relayout)

    def _lines(self, text: Text) -> int:
        width = self.content_size.width
        if width <= 0 or not self.is_attached:
            return 1
        return len(text.wrap(self.app.console, width))

    def render(self) -> Text:
        return self._text
