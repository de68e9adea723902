"""Last line of defence: no text reaches the terminal with a control character in it.

Screens show stored text through `services.text.visible()`, which turns ESC, BEL, bidi
overrides and the like into visible symbols. A path that forgets it (a new screen, a Textual
widget showing a field's value, a notification) would still write the raw characters: an ESC
in a case title could set the terminal's title, write its clipboard (OSC 52) or clear the
screen. Textual itself removes only BEL, BS, VT, FF and CR, and only on some paths.

`install()` wraps `textual.strip.Strip.render`, the one place where every line of every widget
becomes terminal output, so that the text of each segment loses such characters (they are zero
cells wide, so the layout does not change). Segments that Rich marks as control codes and the
styles (colours, links) are Textual's own and are left alone.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip

from zvh_tui.compat.textual import replace_strip_segments, strip_is_rendered, strip_segments
from zvh_tui.services.shared.text import CONTROL_CHARS, strip_controls

_original_render = Strip.render


def _clean(segments: list[Segment]) -> list[Segment]:
    return [
        Segment(strip_controls(text), style, control)
        if control is None and CONTROL_CHARS.search(text)
        else Segment(text, style, control)
        for text, style, control in segments
    ]


def _guarded_render(self: Strip, console) -> str:  # rich.console.Console
    if not strip_is_rendered(self) and CONTROL_CHARS.search(
        "".join([text for text, _, control in strip_segments(self) if control is None])
    ):
        replace_strip_segments(self, _clean(strip_segments(self)))
    return _original_render(self, console)


def install() -> None:
    """Guard all terminal output of this process (idempotent)."""
    Strip.render = _guarded_render  # type: ignore[method-assign]


def installed() -> bool:
    return Strip.render is _guarded_render
