"""The yardstick for start-up: a bare Textual app (Header, a 40-row DataTable, Footer).

`python -m benchmarks.bare_app` starts it the way `zvh` starts (a fresh process, the same
driver from TEXTUAL_DRIVER); bench_start compares zvh's time to its first case row with this
app's time to its first table row. Rows look like case rows ("2026-00001 …") so the same
check finds them.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

ROWS = 40


def rows() -> list[tuple[str, str, str, str]]:
    return [(f"2026-{n:05d}", f"Voorbeeld {n}", "Uitvoering", f"{n % 7} open") for n in range(1, ROWS + 1)]


class BareApp(App[None]):
    TITLE = "bare"
    BINDINGS = [("ctrl+q", "quit", "Afsluiten")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="bare-table")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Nummer", "Naam", "Fase", "Acties")
        table.add_rows(rows())
        table.focus()


if __name__ == "__main__":
    BareApp().run()
