"""A checkbox whose state is in its glyph, not only in its colour: `[x]` checked, `[ ]` not.

Textual's Checkbox draws the same "▐X▌" in both states and tells them apart by colour only,
which some themes, a projector or colour-blind eyes cannot. Everything else (keys, the
`Changed` message, `value`) is Textual's own.

    yield TickBox("Privacyconvenant getekend", value=True, id="convenant_signed")
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox

CHECKED, UNCHECKED = "[x]", "[ ]"


class TickBox(Checkbox):
    DEFAULT_CSS = """
    TickBox.-on > .toggle--button { text-style: bold; }
    """

    def glyph(self) -> str:
        return CHECKED if self.value else UNCHECKED

    def render(self) -> Content:
        button = Content.styled(self.glyph(), self.get_visual_style("toggle--button"))
        label = self.label.pad(1, 1).stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(button, label)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        label = self.label
        return len(CHECKED) + (2 + label.cell_length if label.cell_length else 0)
