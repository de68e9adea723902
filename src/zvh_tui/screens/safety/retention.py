"""Vernietigingsvoorstel: closed cases whose bewaartermijn has passed, and destroying them.

The list shows each case's number, name, closing date and end of the bewaartermijn. Space marks
a case, `a` marks all; `v` asks for confirmation and then destroys the marked cases (in a
worker: the database file is rewritten so the text is really gone). Left behind is only a
pseudonymous 'destroy' event in the logboek. Backups made earlier still hold the cases until
they are rotated out; the confirmation says so.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from zvh_tui import workers
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.services.safety import retention
from zvh_tui.services.safety.retention import ProposalRow
from zvh_tui.widgets.dialogs import ConfirmDialog
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import cell

MARK = "✔"
DESTROY_GROUP = "retention-destroy"


@workers.message
class Destroyed(Message):
    count: int  # how many cases were destroyed


class RetentionScreen(Screen[None]):
    """The vernietigingsvoorstel with marking and a confirmed destroy."""

    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("retention.toggle", "retention.all", "retention.destroy", "retention.back")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", N_("Markeer"), id="retention.toggle"),
        Binding("a", "toggle_all", N_("Alles"), id="retention.all"),
        Binding("v", "destroy", N_("Vernietig"), id="retention.destroy"),
        Binding("escape", "leave", N_("Terug"), id="retention.back"),
    ]
    DEFAULT_CSS = """
    RetentionScreen #retention-main { padding: 0 1; }
    RetentionScreen #retention-title { text-style: bold; height: 1; }
    RetentionScreen #retention-explain { color: $text-muted; height: auto; }
    RetentionScreen #retention-status { height: auto; text-style: bold; }
    RetentionScreen DataTable { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ProposalRow] = []
        self.marked: set[int] = set()
        self.busy = False

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="retention-main"):
            yield Static(_("Vernietigingsvoorstel"), id="retention-title", markup=False)
            yield Static(
                _("Afgesloten casussen waarvan de bewaartermijn voorbij is. Markeer ze met spatie "
                  "(of alles met a) en vernietig ze met v. Vernietigen kan niet ongedaan worden."),
                id="retention-explain", markup=False)
            yield Static("", id="retention-status", markup=False)
            yield ListTable(id="retention-table", cursor_type="row", zebra_stripes=True)
        yield QuickFooter()

    def on_mount(self) -> None:
        table = self.query_one("#retention-table", DataTable)
        table.add_column("", key="mark", width=2)
        table.add_column(_("Kenmerk"), key="reference", width=10)
        table.add_column(_("Naam of alias"), key="title", width=36)
        table.add_column(_("Afgesloten"), key="closed", width=11)
        table.add_column(_("Bewaren tot"), key="end", width=11)
        table.focus()
        self.reload()

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.rows = retention.proposal()
        self.marked &= {r.case_id for r in self.rows}
        table = self.query_one("#retention-table", DataTable)
        table.clear()
        for row in self.rows:
            table.add_row(cell(MARK if row.case_id in self.marked else ""),
                          *(cell(v) for v in row.cells()), key=str(row.case_id))
        self._show_status()

    def _show_status(self) -> None:
        status = self.query_one("#retention-status", Static)
        if self.app.profile.settings.retention_years is None:
            status.update(_("De bewaartermijn is nog niet ingesteld (Instellingen, F9): zonder "
                            "bewaartermijn kan geen casus worden afgesloten."))
        elif not self.rows:
            status.update(_("Geen casussen om te vernietigen."))
        else:
            count = len(self.rows)
            status.update(ngettext("{n} casus voorbij de bewaartermijn; {marked} gemarkeerd.",
                                   "{n} casussen voorbij de bewaartermijn; {marked} gemarkeerd.",
                                   count).format(n=count, marked=len(self.marked)))

    def _current(self) -> ProposalRow | None:
        table = self.query_one("#retention-table", DataTable)
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def _set_mark(self, row: ProposalRow) -> None:
        table = self.query_one("#retention-table", DataTable)
        table.update_cell(str(row.case_id), "mark", cell(MARK if row.case_id in self.marked else ""))

    # -- keys -------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle", "toggle_all") and (not self.rows or self.busy):
            return None
        if action == "destroy" and (not self.marked or self.busy):
            return None
        return True

    def action_toggle(self) -> None:
        row = self._current()
        if row is None:
            return
        self.marked ^= {row.case_id}
        self._set_mark(row)
        self._show_status()
        self.refresh_bindings()

    def action_toggle_all(self) -> None:
        everything = {r.case_id for r in self.rows}
        self.marked = set() if self.marked == everything else everything
        for row in self.rows:
            self._set_mark(row)
        self._show_status()
        self.refresh_bindings()

    def action_destroy(self) -> None:
        if not self.marked or self.busy:
            return
        chosen = [r for r in self.rows if r.case_id in self.marked]
        numbers = ", ".join(r.reference for r in chosen[:10]) + (" …" if len(chosen) > 10 else "")
        generations = self.app.profile.settings.backup_generations
        message = ngettext(
            "{n} casus definitief vernietigen: {numbers}. "
            "Alle gegevens (betrokkenen die alleen in deze casussen staan, plan, journaal, "
            "notities) worden verwijderd; in "
            "het logboek blijft alleen het kenmerk met 'vernietigd'. Dit kan niet ongedaan "
            "worden. Oudere back-ups bevatten de casussen nog tot ze zijn vervangen (er worden "
            "er {generations} bewaard).",
            "{n} casussen definitief vernietigen: {numbers}. "
            "Alle gegevens (betrokkenen die alleen in deze casussen staan, plan, journaal, "
            "notities) worden verwijderd; in "
            "het logboek blijft alleen het kenmerk met 'vernietigd'. Dit kan niet ongedaan "
            "worden. Oudere back-ups bevatten de casussen nog tot ze zijn vervangen (er worden "
            "er {generations} bewaard).",
            len(chosen),
        ).format(n=len(chosen), numbers=numbers, generations=generations)

        def answered(yes: bool | None) -> None:
            if yes:
                self._start_destroy([r.case_id for r in chosen])

        self.app.push_screen(
            ConfirmDialog(_("Casussen vernietigen?"), message, yes=_("Vernietigen"), no=_("Annuleren")),
            answered,
        )

    def _start_destroy(self, case_ids: list[int]) -> None:
        self.busy = True
        self.refresh_bindings()
        self.query_one("#retention-status", Static).update(_("Bezig met vernietigen…"))
        self._destroy(case_ids)

    @workers.thread_worker(group=DESTROY_GROUP)
    def _destroy(self, case_ids: list[int]) -> Destroyed:
        return Destroyed(len(retention.destroy(case_ids).references))

    def on_destroyed(self, destroyed: Destroyed) -> None:
        self.busy = False
        self.marked.clear()
        self.notify(ngettext("{n} casus vernietigd.", "{n} casussen vernietigd.",
                             destroyed.count).format(n=destroyed.count), markup=False)
        self.reload()
        self.refresh_bindings()

    def on_worker_failed(self, failed: workers.WorkerFailed) -> None:
        """Not destroyed (the app says why): the list as it is now, the marks kept."""
        if failed.group == DESTROY_GROUP:
            self.busy = False
            self.reload()
            self.refresh_bindings()

    def action_leave(self) -> None:
        if not self.busy:
            self.dismiss(None)
