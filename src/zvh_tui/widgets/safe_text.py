"""Stored text on screen: plain (no markup) and with control characters as visible symbols.

`services.text.visible()` is the one rule (ESC → ␛, BEL → ␇, a bidi override → ⟨U+202E⟩);
this module applies it to the Rich `Text` a screen has built from many stored fields, keeping
the styles, so a screen can pass a whole section through it once.
"""

from __future__ import annotations

from rich.text import Text

from zvh_tui.services.text import CONTROL_CHARS, visible


def visible_text(text: Text, *, multiline: bool = True) -> Text:
    """`text` with every control character shown as a symbol; styles kept (line breaks and
    tabs kept unless `multiline` is false)."""
    if not CONTROL_CHARS.search(text.plain):
        return text
    out = Text(style=text.style, justify=text.justify, overflow=text.overflow,
               no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size)
    offsets = sorted({s.start for s in text.spans} | {s.end for s in text.spans})
    for part in text.divide(offsets):  # each part lies wholly inside or outside each span
        piece = Text(visible(part.plain, multiline=multiline))
        for span in part.spans:
            piece.stylize(span.style)
        out.append_text(piece)
    return out


def plain_text(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """A stored value as a `Text` without markup, control characters as symbols."""
    return Text(visible(value, multiline=multiline), style=style)
