"""Three tables refilled with the same rows per keystroke, to the frame that shows them.

The rows are what the case list shows while the search word is typed and erased letter by
letter (the services' search and filter, computed beforehand: here only the table counts). Each
table sits in the same small app (Header, the table, Footer, 120x40, frame driver); a key ("j")
goes in through the driver and the app refills the table with the next set of rows:

- the case list's own table (`widgets/case_table.CaseTable`, Textual's line API): `set_rows`;
- Textual's stock `DataTable`: `clear()` and `add_rows` with the rows' cell texts;
- `textual-fastdatatable` (Arrow-backed): a new table with the rows mounted in place of the old
  one (its `clear` says "Unmount this table and mount a new one instead").

The clock stops at the first frame after which the table's lines on the terminal show the new
rows (frames.py), as for the case list itself.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header

from benchmarks.frames import FrameDriver
from benchmarks.report import Series, say
from benchmarks.ui_kit import Harness

KINDS = ("case_table", "datatable", "fastdatatable")
NAMES = {"case_table": "tabel: eigen CaseTable (line-API) per toets",
         "datatable": "tabel: Textual DataTable per toets",
         "fastdatatable": "tabel: textual-fastdatatable per toets"}


def row_sets(word: str) -> list[list[Any]]:
    """The rows the case list shows after each keystroke of typing `word` and erasing it."""
    from zvh_tui.services.cases import case_list
    from zvh_tui.services.cases.case_list import ListQuery

    rows = case_list.sort_rows(case_list.load_rows(), "next")
    texts = [word[:n] for n in range(1, len(word) + 1)] + [word[:n] for n in range(len(word) - 1, -1, -1)]
    sets = [case_list.filter_rows(rows, ListQuery(text=t), case_list.search_ids(t)) for t in texts]
    # A keystroke that leaves the same rows needs no new frame from any table: left out, so
    # every refill shows something new (and is checked).
    kept = [sets[0]]
    for rows_now in sets[1:]:
        if [r.id for r in rows_now] != [r.id for r in kept[-1]]:
            kept.append(rows_now)
    if len(kept) > 1 and [r.id for r in kept[-1]] == [r.id for r in kept[0]]:
        kept.pop()  # the round starts again with the first set
    return kept


class TableApp(App[None]):
    BINDINGS = [("j", "next", "Volgende")]

    def __init__(self, kind: str, sets: list[list[Any]]) -> None:
        super().__init__()
        self.kind, self.sets, self.index = kind, sets, 0
        from zvh_tui.services.cases.case_list import COLUMNS, cells

        self.labels = [c.header for c in COLUMNS]
        self.cells = cells

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="holder"):
            yield self._table(self.sets[-1])
        yield Footer()

    def _table(self, rows: list[Any]) -> Any:
        if self.kind == "case_table":
            from zvh_tui.widgets.case_table import CaseTable

            table = CaseTable(id="t")
            table.set_rows(rows)
            return table
        if self.kind == "fastdatatable":
            from textual_fastdatatable import DataTable as FastDataTable

            data = [tuple(self.cells(r)) for r in rows]
            return FastDataTable(id="t", data=data or None, column_labels=self.labels)
        table = DataTable(id="t")
        table.add_columns(*self.labels)
        table.add_rows([self.cells(r) for r in rows])
        return table

    async def action_next(self) -> None:
        rows = self.sets[self.index % len(self.sets)]
        self.index += 1
        if self.kind == "case_table":
            self.query_one("#t").set_rows(rows)
        elif self.kind == "datatable":
            table = self.query_one("#t", DataTable)
            table.clear()
            table.add_rows([self.cells(r) for r in rows])
        else:
            await self.query_one("#t").remove()
            await self.query_one("#holder").mount(self._table(rows))


async def _one(kind: str, sets: list[list[Any]], rounds: int, series: Series) -> None:
    app = TableApp(kind, sets)
    app.driver_class = FrameDriver
    async with app.run_test(headless=False, size=(120, 40)) as pilot:
        h = Harness(app, pilot)
        await h.settle()
        for _ in range(rounds * len(sets)):
            await h.measure(series, "j", region="#t")


def run(word: str, rounds: int) -> list[Series]:
    sets = row_sets(word)
    if len(sets) < 2:
        raise RuntimeError(f"het zoekwoord {word!r} geeft geen wisselende rijen")
    say(f"drie tabellen, {len(sets)} rijensets ({', '.join(str(len(s)) for s in sets)} rijen)")
    result = []
    for kind in KINDS:
        series = Series(NAMES[kind])
        asyncio.run(_one(kind, sets, rounds, series))
        result.append(series)
    for s in result[1:]:
        s.ratio_to = result[0]
    return result
