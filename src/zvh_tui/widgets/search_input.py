"""A one-line search field whose keystrokes repaint it without a layout of the whole screen.

Textual's `Input` sets its `virtual_size` to the width of its text on every change, and
`virtual_size` asks for a layout of the screen: at 10,000 cases that was a full re-arrange and
re-render of the case list per keystroke (issue 16). A field of one line with fixed width
scrolls its text itself (`Input` keeps the cursor in view with `scroll_to`, which reads
`virtual_size` directly), so the layout bought nothing.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class SearchInput(Input):
    """`Input` for a search bar: same keys and messages, no screen layout per keystroke."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
