"""Reading organisations and contacts from a CSV file: ask the path, show the preview, apply.

The preview says per row of the file whether it adds, updates or skips, and why. A broken file
shows its problems (row and column) and cannot be applied: nothing changes. `t` (Toepassen)
applies the whole file in one transaction; Escape leaves without changing anything.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from zvh_tui import workers
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _
from zvh_tui.services.partners import partner_csv
from zvh_tui.services.partners.partner_csv import ImportPreview
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import cell

ACTION_STYLE = {partner_csv.ADD: "bold", partner_csv.UPDATE: "", partner_csv.SKIP: "dim"}
IMPORT_GROUP = "partners-import"


@workers.message
class PreviewRead(Message):
    preview: ImportPreview  # what the file would change, or (applied) what it changed

class CsvImportScreen(Screen[bool]):
    """The preview of a CSV import; dismisses with True when the file was applied."""

    CSS_PATH = "partner_roster.tcss"
    AUTO_FOCUS = "#import-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "apply", N_("Toepassen"), id="import.apply"),
        Binding("escape", "cancel", N_("Annuleren"), id="import.cancel"),
    ]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.preview: ImportPreview | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="import-main"):
            yield Static(_("Ketenpartners inlezen"), id="import-title", markup=False)
            yield Static(Text(visible(_("Bestand: {path}").format(path=self.path))), id="import-file")
            yield Static(_("Bezig met lezen…"), id="import-summary", markup=False)
            yield Static("", id="import-errors", markup=False)
            yield ListTable(id="import-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="import-reason", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        table = self.query_one("#import-table", DataTable)
        table.add_column(_("Regel"), width=5)
        table.add_column(_("Actie"), width=10)
        table.add_column(_("Organisatie"), width=24)
        table.add_column(_("Contactpersoon"), width=18)
        table.add_column(_("Reden"), width=48)
        self.load(apply=False)

    def load(self, apply: bool) -> None:
        """Read the file (and with `apply`, apply it) in a worker; the keys wait meanwhile."""
        self.busy = True
        self.refresh_bindings()
        self._read(apply)

    @workers.thread_worker(group=IMPORT_GROUP, title=N_("Inlezen mislukt"))
    def _read(self, apply: bool) -> PreviewRead:
        try:
            preview = partner_csv.import_partners(self.path, apply=apply)
        except ZvhError as error:  # the file's problem, shown in the preview
            preview = ImportPreview(path=self.path, errors=[str(error)])
        return PreviewRead(preview)

    def on_preview_read(self, read: PreviewRead) -> None:
        self.show_preview(read.preview)

    def on_worker_failed(self, failed: workers.WorkerFailed) -> None:
        """Not read or not applied (the app says why): nothing changed. Escape leaves; after a
        failed apply, t tries again."""
        if failed.group == IMPORT_GROUP and self.is_attached:
            self.busy = False
            self.query_one("#import-summary", Static).update(
                _("Het bestand kon niet worden ingelezen; er is niets veranderd."))
            self.refresh_bindings()

    def show_preview(self, preview: ImportPreview) -> None:
        if not self.is_attached:  # cancelled while reading
            return
        self.busy = False
        self.preview = preview
        if preview.applied:
            self.notify(preview.summary(), markup=False, timeout=8)
            self.dismiss(True)
            return
        summary = self.query_one("#import-summary", Static)
        errors = self.query_one("#import-errors", Static)
        if preview.errors:
            summary.update(Text(_("Dit bestand kan niet worden ingelezen; er verandert niets. "
                                  "Herstel het bestand en probeer opnieuw."), style="bold"))
            errors.update(Text(visible("\n".join(preview.errors), multiline=True)))  # file text
            errors.display = True
        else:
            notices = ("\n" + "\n".join(preview.notices)) if preview.notices else ""
            hint = (_("Toepassen met t, annuleren met Esc.") if preview.changes
                    else _("Er is niets te veranderen."))
            summary.update(Text(visible(_("Voorbeeld: {summary} {hint}").format(
                summary=preview.summary(), hint=hint) + notices, multiline=True)))
            errors.display = False
        table = self.query_one("#import-table", DataTable)
        table.clear()
        for row in preview.rows:
            style = ACTION_STYLE[row.action]
            table.add_row(cell(row.line), cell(row.action_label, style),
                          cell(row.organisation), cell(row.contact), cell(row.reason))
        self.refresh_bindings()

    @on(DataTable.RowHighlighted, "#import-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        preview = self.preview
        reason = self.query_one("#import-reason", Static)
        if preview is None or not 0 <= event.cursor_row < len(preview.rows):
            reason.update("")
            return
        row = preview.rows[event.cursor_row]
        reason.update(Text(visible(_("Regel {line}: {action}, {reason}").format(
            line=row.line, action=row.action_label, reason=row.reason))))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply":
            preview = self.preview
            if self.busy or preview is None or not preview.ok or not preview.changes:
                return None
        return True

    def action_apply(self) -> None:
        if self.busy or self.preview is None or not self.preview.ok:
            return
        self.query_one("#import-summary", Static).update(_("Bezig met inlezen…"))
        self.load(apply=True)

    def action_cancel(self) -> None:
        if self.busy and self.preview is not None:
            return  # applying: wait for the transaction to finish
        self.workers.cancel_group(self, IMPORT_GROUP)
        self.dismiss(False)
