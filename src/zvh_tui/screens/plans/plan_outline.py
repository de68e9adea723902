"""The plan as an outline: one line per part, a cursor moved by keyboard, editors opened in place.

The screen gives the outline a list of `OutlineRow`s (key, plain text, kind); the outline shows
them as lines, keeps the cursor on the same key across refreshes, and posts `Highlighted` when
the cursor moves. An editor widget can be put in the place of a line (`open_editor`), so editing
happens where the text is. Headings are not selectable. All text is plain `rich.text.Text`:
user text never goes through markup.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from zvh_tui.core.i18n import N_

RowKey = tuple[Hashable, ...]
MOUNT_CHUNK = 60  # lines mounted per frame: more than a screenful


@dataclass(frozen=True)
class OutlineRow:
    key: RowKey
    text: Text
    kind: str = "item"  # heading, item, sub (a sub-heading), hint (a "+ toevoegen" line), note
    level: int = 1  # indentation: 0 headings, 1 parts of the plan, 2 actions under a goal

    @property
    def selectable(self) -> bool:
        return self.kind in ("item", "hint")


class OutlineLine(Static):
    """One line (or a few wrapped lines) of the outline."""

    def __init__(self, row: OutlineRow) -> None:
        super().__init__(row.text, classes=f"-{row.kind} -level{row.level}", markup=False)
        self.row = row

    def show(self, row: OutlineRow) -> None:
        if row == self.row:
            return
        self.remove_class(f"-{self.row.kind}", f"-level{self.row.level}")
        self.add_class(f"-{row.kind}", f"-level{row.level}")
        self.row = row
        self.update(row.text)


class PlanOutline(VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    PlanOutline { height: 1fr; padding: 0 1; background: $surface; }
    PlanOutline:focus { background-tint: $foreground 3%; }
    PlanOutline > OutlineLine { width: 1fr; height: auto; padding: 0 1; }
    PlanOutline > OutlineLine.-heading { text-style: bold; color: $text-accent; margin-top: 1; padding: 0; }
    PlanOutline > OutlineLine.-level1 { padding-left: 2; }
    PlanOutline > OutlineLine.-level2 { padding-left: 5; }
    PlanOutline > OutlineLine.-sub { text-style: bold; }
    PlanOutline > OutlineLine.-hint { color: $text-muted; }
    PlanOutline > OutlineLine.-note { color: $text-muted; }
    PlanOutline > OutlineLine.-cursor { background: $block-cursor-blurred-background; }
    PlanOutline:focus > OutlineLine.-cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("up,k", "cursor(-1)", N_("Vorige regel"), show=False, id="outline.up"),
        Binding("down,j", "cursor(1)", N_("Volgende regel"), show=False, id="outline.down"),
        Binding("home", "edge(0)", N_("Eerste regel"), show=False, id="outline.home"),
        Binding("end", "edge(1)", N_("Laatste regel"), show=False, id="outline.end"),
        Binding("pageup", "cursor(-10)", N_("Pagina omhoog"), show=False, id="outline.page_up"),
        Binding("pagedown", "cursor(10)", N_("Pagina omlaag"), show=False, id="outline.page_down"),
    ]

    class Highlighted(Message):
        def __init__(self, outline: PlanOutline, key: RowKey | None) -> None:
            super().__init__()
            self.outline = outline
            self.key = key

        @property
        def control(self) -> PlanOutline:
            return self.outline

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[OutlineRow] = []
        self._cursor: int | None = None

    # -- reading -------------------------------------------------------------------------------
    @property
    def rows(self) -> list[OutlineRow]:
        return list(self._rows)

    @property
    def selected(self) -> OutlineRow | None:
        return self._rows[self._cursor] if self._cursor is not None else None

    @property
    def selected_key(self) -> RowKey | None:
        row = self.selected
        return row.key if row else None

    def _lines(self) -> list[OutlineLine]:
        return [child for child in self.children if isinstance(child, OutlineLine)]

    def line_for(self, key: RowKey) -> OutlineLine | None:
        return next((line for line in self._lines() if line.row.key == key), None)

    # -- showing -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[OutlineRow], select: RowKey | None = None) -> None:
        """Show these rows; the cursor stays on `select` (or the current key) when it is there."""
        wanted = select if select is not None else self.selected_key
        old_index = self._cursor or 0
        self._rows = list(rows)
        lines = self._lines()
        for line, row in zip(lines, self._rows, strict=False):
            line.show(row)
        for line in lines[len(self._rows):]:
            line.remove()
        self._mount_missing(lines[: len(self._rows)])
        keys = [row.key for row in self._rows]
        if wanted in keys and self._rows[keys.index(wanted)].selectable:
            index: int | None = keys.index(wanted)
        else:
            index = self._nearest(min(old_index, len(self._rows) - 1))
        self._move_to(index, force=True)

    def _mount_missing(self, lines: list[OutlineLine] | None = None) -> None:
        """Mount lines for the rows that have none yet, `MOUNT_CHUNK` at a time: a long plan's
        first screenful is drawn at once, the rest follows one chunk per frame (a widget per
        line costs about 1-2 ms to mount and lay out; 200 actions in one go held the first frame
        back by some 300 ms). Keys pressed meanwhile are handled between the chunks."""
        if lines is None:
            lines = [line for line in self._lines() if line.is_attached]
        missing = self._rows[len(lines):]
        if not missing:
            return
        extra = [OutlineLine(row) for row in missing[:MOUNT_CHUNK]]
        if lines:
            self.mount_all(extra, after=lines[-1])
        else:
            self.mount_all(extra)
        if self._cursor is not None and len(lines) <= self._cursor < len(lines) + len(extra):
            self.call_after_refresh(self._refresh_cursor)  # the cursor's line has just come
        if len(missing) > MOUNT_CHUNK:
            self.call_after_refresh(self._mount_missing)

    def _nearest(self, start: int) -> int | None:
        if not self._rows:
            return None
        for distance in range(len(self._rows)):
            for candidate in (start + distance, start - distance):
                if 0 <= candidate < len(self._rows) and self._rows[candidate].selectable:
                    return candidate
        return None

    def select(self, key: RowKey) -> bool:
        keys = [row.key for row in self._rows]
        if key in keys and self._rows[keys.index(key)].selectable:
            self._move_to(keys.index(key))
            return True
        return False

    def _move_to(self, index: int | None, force: bool = False) -> None:
        changed = index != self._cursor
        self._cursor = index
        lines = self._lines()
        for position, line in enumerate(lines):
            line.set_class(position == index, "-cursor")
        if index is not None and index < len(lines):
            target = lines[index]
            self.call_after_refresh(self._scroll_to_line, target)
        elif index is not None:  # lines are still being mounted
            self.call_after_refresh(self._refresh_cursor)
        if changed or force:
            self.post_message(self.Highlighted(self, self.selected_key))

    def _refresh_cursor(self) -> None:
        lines = self._lines()
        for position, line in enumerate(lines):
            line.set_class(position == self._cursor, "-cursor")
        if self._cursor is not None and self._cursor < len(lines):
            self._scroll_to_line(lines[self._cursor])

    def _scroll_to_line(self, line: Widget) -> None:
        if line.is_attached and line.display:
            self.scroll_to_widget(line, animate=False, top=False)

    # -- keys ----------------------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        if not self._rows:
            return
        index = self._cursor if self._cursor is not None else -1
        direction = 1 if step > 0 else -1
        remaining = abs(step)
        target = index
        probe = index
        while remaining > 0:
            probe += direction
            if not 0 <= probe < len(self._rows):
                break
            if self._rows[probe].selectable:
                target = probe
                remaining -= 1
        if target != index and target >= 0:
            self._move_to(target)
        elif self._cursor is not None and direction < 0:
            self.scroll_home(animate=False)  # show the heading above the first line

    def action_edge(self, end: int) -> None:
        indexes = [i for i, row in enumerate(self._rows) if row.selectable]
        if indexes:
            self._move_to(indexes[-1] if end else indexes[0])
            if not end:
                self.scroll_home(animate=False)

    # -- editing in place ----------------------------------------------------------------------
    def open_editor(self, key: RowKey, editor: Widget) -> None:
        """Put `editor` where the line of `key` is (or at the end), hiding that line."""
        line = self.line_for(key)
        if line is not None:
            line.display = False
            self.mount(editor, after=line)
        else:
            self.mount(editor)
        self.call_after_refresh(lambda: self.scroll_to_widget(editor, animate=False))

    def close_editor(self, editor: Widget) -> None:
        for line in self._lines():
            line.display = True
        if editor.is_attached:
            editor.remove()
