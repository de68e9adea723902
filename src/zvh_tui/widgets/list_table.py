"""A table of rows to move through: Textual's DataTable with j and k beside the arrows.

Vim's j and k are aliases inside the arrow's own binding (one binding, one id: `list.down`,
`list.up`), so remapping `list.down` in settings.json moves both keys, and j never means
anything else where a list has the cursor (screens.md, "One meaning per key").
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable

from zvh_tui.core.i18n import N_


class ListTable(DataTable):
    """A DataTable whose cursor also moves with j (down) and k (up)."""

    BINDINGS = [
        Binding("down,j", "cursor_down", N_("Omlaag"), show=False, id="list.down"),
        Binding("up,k", "cursor_up", N_("Omhoog"), show=False, id="list.up"),
    ]
