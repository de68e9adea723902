"""The case list's table: renders only the rows that are visible (Textual's line API).

A `ScrollView` with `render_line`: filling it with 10,000 rows is a list assignment, and each
repaint builds only the lines on screen. Column widths are computed once per width: the name,
casusregisseur and attention columns share what is left, and in a narrow terminal they shrink
first and the least telling columns go, so Laat and Aandacht stay (`column_widths`); texts
longer than their column end in "…". The cursor's row starts with "▶", so it shows without
colour too. User text becomes plain `Segment`s, never markup, so "[/b]" shows as typed.
The header line stays on top while the rows scroll.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from zvh_tui.core import i18n
from zvh_tui.core.i18n import N_, tr
from zvh_tui.services.cases.case_list import COLUMNS, CaseRow, Column, cells
from zvh_tui.services.shared.text import visible

# The columns that grow with spare width (and their share); shrinking a small terminal goes
# the other way: SHRINK_ORDER first (name and casusregisseur together), then columns are
# dropped by their `drop` rank, so Laat and Aandacht stay.
FLEX_WEIGHTS = {"title": 1, "director": 1, "attention": 1}
SHRINK_ORDER = [("title", "director"), ("attention",), ("phase",)]
AVE_STYLES = {"1": "green", "2": "yellow", "3": "dark_orange", "4": "red"}
GAP = 1
GUTTER = 1  # the first cell of a line: "▶" on the cursor's row, visible without colour
CURSOR_MARK = "▶"


def _used(widths: dict[int, int]) -> int:
    return GUTTER + sum(w + GAP for w in widths.values())


def column_widths(total: int) -> list[int]:
    """The width of each column of COLUMNS for a table `total` cells wide (0: not shown)."""
    kept = {i: c.width for i, c in enumerate(COLUMNS)}
    droppable = sorted((c.drop, i) for i, c in enumerate(COLUMNS) if c.drop)
    for _, index in droppable:  # drop columns while even their narrowest does not fit
        if _used({i: COLUMNS[i].narrowest for i in kept}) <= total:
            break
        del kept[index]
    excess = _used(kept) - total
    codes = {c.code: i for i, c in enumerate(COLUMNS)}
    for group in SHRINK_ORDER:  # one cell at a time, in turn, down to each one's floor
        members = [codes[code] for code in group if codes[code] in kept]
        while excess > 0:
            shrinkable = [i for i in members if kept[i] > COLUMNS[i].narrowest]
            if not shrinkable:
                break
            for i in shrinkable:
                if excess > 0:
                    kept[i] -= 1
                    excess -= 1
    if excess < 0:  # spare room: the flexible columns share it
        spare = -excess
        flex = [i for i in kept if COLUMNS[i].code in FLEX_WEIGHTS]
        weight_sum = sum(FLEX_WEIGHTS[COLUMNS[i].code] for i in flex)
        given = 0
        for n, index in enumerate(flex):
            share = spare * FLEX_WEIGHTS[COLUMNS[index].code] // weight_sum
            if n == len(flex) - 1:  # the last flexible column takes the rounding rest
                share = spare - given
            kept[index] += share
            given += share
    return [kept.get(i, 0) for i in range(len(COLUMNS))]


def header_text(column: Column, width: int, marker: str = "") -> str:
    """The column's header in `width` cells (in the language of the moment); the short header
    when the full one (with the sort marker, when sorted) does not fit, so the marker never
    hides the header's words."""
    header, short = tr(column.header), tr(column.short) if column.short else ""
    for title in (header, short):
        for text in ((f"{title} {marker}", title + marker) if marker else (title,)):
            if title and cell_len(text) <= width:
                return fit(text, width, column.align)
    return fit(fit(short or header, max(0, width - 1)) + marker, width, column.align)


def fit(text: str, width: int, align: str = "left") -> str:
    """`text` in exactly `width` cells: cut with "…" or padded."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    if align == "right":
        return " " * (width - cell_len(text)) + text
    return set_cell_size(text, width)


class CaseTable(ScrollView, can_focus=True):
    """A virtual list of `CaseRow`s with a cursor; Enter posts `Selected`."""

    DEFAULT_CSS = """
    CaseTable {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    CaseTable > .case-table--header { text-style: bold; background: $panel; }
    CaseTable > .case-table--cursor { background: $block-cursor-blurred-background; }
    CaseTable:focus > .case-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    CaseTable > .case-table--attention { color: $text-warning; text-style: bold; }
    CaseTable > .case-table--closed { color: $text-muted; }
    """

    COMPONENT_CLASSES = {
        "case-table--header",
        "case-table--cursor",
        "case-table--attention",
        "case-table--closed",
    }

    BINDINGS = [
        Binding("enter", "select", N_("Openen"), id="cases.open"),
        Binding("down,j", "cursor_down", N_("Omlaag"), show=False, id="cases.down"),  # j, k: vim
        Binding("up,k", "cursor_up", N_("Omhoog"), show=False, id="cases.up"),
        Binding("pagedown", "page_down", N_("Pagina omlaag"), show=False, id="cases.page_down"),
        Binding("pageup", "page_up", N_("Pagina omhoog"), show=False, id="cases.page_up"),
        Binding("home", "first", N_("Eerste"), show=False, id="cases.first"),
        Binding("end", "last", N_("Laatste"), show=False, id="cases.last"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Selected(Message):
        """Enter (or a second click) on a case."""

        def __init__(self, case_id: int) -> None:
            super().__init__()
            self.case_id = case_id

    class TypeAhead(Message):
        """`/` was pressed on the table ("" ), or a key typed right after it: for the search.

        Keys typed quickly after `/` are already queued for the table before the screen can
        move the cursor to the search; the table hands them on, in order, so none is lost.
        Text is one character, or "\b" (backspace) or "\n" (Enter).
        """

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Highlighted(Message):
        """The cursor moved to another case (None: the list is empty)."""

        def __init__(self, row: CaseRow | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[CaseRow] = []
        self._sort: tuple[str, bool] | None = None
        self._widths: list[int] = []
        self._width_for = -1
        self._typing_ahead = False
        # case id -> (the row, its texts fitted to the column widths)
        self._cells: dict[int, tuple[CaseRow, list[str]]] = {}
        # The header line's texts, made once per (language, width, sort): not per frame.
        self._header_key: tuple[str, int, tuple[str, bool] | None] | None = None
        self._header_texts: list[str] = []
        self._cells_language = i18n.current()

    # -- data -------------------------------------------------------------------------------
    @property
    def rows(self) -> list[CaseRow]:
        return self._rows

    @property
    def current(self) -> CaseRow | None:
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor]
        return None

    def set_rows(self, rows: Sequence[CaseRow], keep_id: int | None = None) -> None:
        """Show these rows; the cursor stays on `keep_id` (or the current case) when present."""
        wanted = keep_id if keep_id is not None else (self.current.id if self.current else None)
        self._rows = list(rows)
        if len(self._cells) > 5000:
            self._cells.clear()
        index = 0
        if wanted is not None:
            for i, row in enumerate(self._rows):
                if row.id == wanted:
                    index = i
                    break
        self._set_virtual_height(len(self._rows) + 1)
        self.cursor = min(index, max(0, len(self._rows) - 1))
        if self.scroll_offset.y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.refresh()

    def _set_virtual_height(self, height: int) -> None:
        """The number of lines to scroll through. Setting `virtual_size` asks for a layout of
        the whole screen (tens of ms at every keystroke, issue 16); that is only needed when
        the scrollbar comes or goes. Otherwise only the scrollbar's thumb changes."""
        size = Size(self.size.width, height)
        if size == self.virtual_size:
            return
        window = self.container_size.height
        margin = 2  # well clear of the point where the scrollbar comes or goes
        before, after = self.virtual_size.height, height
        same_bar = (window > 0 and self.virtual_size.width == size.width and (
            (before > window + margin and after > window + margin and self.show_vertical_scrollbar)
            or (before < window - margin and after < window - margin
                and not self.show_vertical_scrollbar)))
        if not same_bar:
            self.virtual_size = size
            return
        self.set_reactive(CaseTable.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = height

    def redraw(self) -> None:
        """Draw every row afresh (projector mode changed what a name shows as)."""
        self._cells.clear()
        self.refresh()

    def set_sort(self, column: str, descending: bool) -> None:
        """Mark the sorted column in the header (▲ ascending, ▼ descending)."""
        if self._sort != (column, descending):
            self._sort = (column, descending)
            self.refresh()

    # -- keys and mouse ---------------------------------------------------------------------
    def watch_cursor(self, cursor: int) -> None:
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self.current))
        self.refresh()

    def _page(self) -> int:
        return max(1, self.size.height - 2)

    def action_cursor_down(self) -> None:
        if self.cursor < len(self._rows) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor = min(len(self._rows) - 1, self.cursor + self._page()) if self._rows else 0

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - self._page())

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self._rows) - 1)

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Selected(row.id))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.size.height - 1)  # the header takes one line
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def on_key(self, event: events.Key) -> None:
        if event.key == "slash":
            self._typing_ahead = True
            text = ""
        elif not self._typing_ahead:
            return
        elif event.key == "backspace":
            text = "\b"
        elif event.key == "enter":
            text = "\n"
        elif event.is_printable and event.character:
            text = event.character
        else:
            self._typing_ahead = False
            return
        event.stop()
        event.prevent_default()
        self.post_message(self.TypeAhead(text))

    def on_blur(self) -> None:
        self._typing_ahead = False

    async def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        index = round(self.scroll_offset.y) + event.y - 1
        if 0 <= index < len(self._rows):
            if index == self.cursor and self.has_focus:
                self.action_select()
            else:
                self.cursor = index
        self.focus()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows) + 1)
        self._scroll_to_cursor()

    # -- rendering ---------------------------------------------------------------------------
    def _column_widths(self, width: int) -> list[int]:
        if width != self._width_for:
            self._widths = column_widths(width)
            self._width_for = width
            self._cells.clear()
        return self._widths

    def _header_cells(self, width: int) -> list[str]:
        """The header's texts (shown columns only), in the language of the moment; made again
        only when the language, the width or the sort changes."""
        key = (i18n.current(), width, self._sort)
        if key != self._header_key:
            texts = []
            for column, w in zip(COLUMNS, self._column_widths(width), strict=True):
                if not w:
                    continue
                marker = ""
                if self._sort and self._sort[0] == column.code:
                    marker = "▼" if self._sort[1] else "▲"
                texts.append(header_text(column, w, marker))
            self._header_key, self._header_texts = key, texts
        return self._header_texts

    def _fitted(self, row: CaseRow, width: int) -> list[str]:
        """The row's cell texts cut or padded to their columns (cached per row and width)."""
        if self._cells_language != i18n.current():  # the language changed: texts afresh
            self._cells.clear()
            self._cells_language = i18n.current()
        cached = self._cells.get(row.id)
        if cached is not None and cached[0] is row:
            return cached[1]
        widths = self._column_widths(width)
        texts = [fit(visible(text), w, column.align)  # stored text: control characters as symbols
                 for column, w, text in zip(COLUMNS, widths, cells(row), strict=True)]
        self._cells[row.id] = (row, texts)
        return texts

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        index = round(self.scroll_offset.y) + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, base)
        return self._row(self._rows[index], index == self.cursor, width, base)

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("case-table--header")
        segments: list[Segment] = [Segment(" " * GUTTER, style)]
        for text in self._header_cells(width):
            segments.append(Segment(" " * GAP, style))
            segments.append(Segment(text, style))
        return Strip(segments).adjust_cell_length(width, style)

    def _row(self, row: CaseRow, is_cursor: bool, width: int, base: Style) -> Strip:
        style = base
        if row.closed:
            style = style + self.get_component_rich_style("case-table--closed")
        if is_cursor:
            style = style + self.get_component_rich_style("case-table--cursor")
        attention = style + self.get_component_rich_style("case-table--attention")
        if is_cursor:
            attention = style + Style(bold=True)
        segments: list[Segment] = [Segment(CURSOR_MARK if is_cursor else " " * GUTTER, style)]
        widths = self._column_widths(width)
        for column, text, w in zip(COLUMNS, self._fitted(row, width), widths, strict=True):
            if not w:
                continue
            cell_style = style
            if column.code == "attention" and text.strip():
                cell_style = attention
            elif column.code == "overdue" and row.overdue_actions:
                cell_style = attention
            elif column.code == "ave" and not is_cursor and not row.closed:
                cell_style = style + Style(color=AVE_STYLES.get(row.ave_phase))
            segments.append(Segment(" " * GAP, style))
            segments.append(Segment(text, cell_style))
        return Strip(segments).adjust_cell_length(width, style)
