"""Logboek (NEN 7513): who saw or changed what, per case or per person.

Opened with a case number or a person's number (from the dossier, or typed in the field at the
top: a case number such as 2026-0042, or `b 17` for betrokkene 17). Shows time, action, user,
on whose behalf, case, object (in Dutch: casus, doel, actie …), detail and result; Enter shows
one event in full. The log holds no names or notes. Reading the
log is itself logged. For an access request the log is exported with
`zvh export log --person NUMMER -o bestand.json`.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Static

from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.screens.shell.blank import AUDIT_HIDDEN
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit, audit_log
from zvh_tui.services.shared import disclosure
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.dialogs import DialogBase, dialog_body, dialog_foot
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import cell

# What the user types: Dutch 'b 17' / 'betrokkene 17', English 'p 17' / 'person 17' as well.
PERSON = re.compile(r"^\s*(?:b|betrokkene|p|person)\s*:?\s*(\d{1,9})\s*$", re.IGNORECASE)  # i18n: typed words
WIDTHS = [19, 22, 12, 16, 10, 18, 30, 9]


class AuditEventDialog(DialogBase, ModalScreen[None]):
    """One event of the log, every field in full (the table cuts long details)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Sluiten"), id="auditlog.detail_close"),
        Binding("enter", "close", N_("Sluiten"), show=False, id="auditlog.detail_close_enter"),
    ]

    def __init__(self, row: audit_log.LogRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(_("Gebeurtenis in het logboek"), classes="dialog-title", markup=False)
            with dialog_body(focusable=True, id="auditlog-detail"):  # arrows scroll
                for label, value in self.row.fields():
                    text = Text(_("{label}: ").format(label=tr(label)), style="bold")
                    text.append(value)  # plain text, never markup
                    yield Static(text, classes="auditlog-field")
            with dialog_foot(), Horizontal(classes="dialog-buttons"):
                yield Button(_("Sluiten"), id="auditlog-detail-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#auditlog-detail").focus()

    @on(Button.Pressed)
    def _pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class AuditLogScreen(Screen[None]):
    """The audit log of one case or one person."""

    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("auditlog.search", "auditlog.back")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", N_("Andere casus/betrokkene"), id="auditlog.search"),
        Binding("escape", "leave", N_("Terug"), id="auditlog.back"),
    ]
    DEFAULT_CSS = """
    AuditLogScreen #auditlog-main { padding: 0 1; }
    AuditLogScreen #auditlog-title { text-style: bold; height: 1; }
    AuditLogScreen #auditlog-query { width: 60; }
    AuditLogScreen #auditlog-message { color: $text-warning; height: auto; }
    AuditLogScreen #auditlog-hint { color: $text-muted; height: auto; }
    AuditLogScreen DataTable { height: 1fr; }
    """

    def __init__(self, *, case_ref: str | None = None, person_id: int | None = None) -> None:
        super().__init__()
        self.case_ref = case_ref
        self.person_id = person_id
        self._rows: dict[str, audit_log.LogRow] = {}

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="auditlog-main"):
            yield Static(_("Logboek"), id="auditlog-title", markup=False)
            yield Input(placeholder=_("Kenmerk van een casus (2026-0042) of 'b 17' voor betrokkene 17"),
                        id="auditlog-query")
            yield Static("", id="auditlog-message", markup=False)
            yield ListTable(id="auditlog-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                _("Enter: de hele gebeurtenis lezen. Voor een inzageverzoek: zvh export log "
                  "--person NUMMER -o bestand.json (of --case KENMERK); het nummer van een "
                  "betrokkene staat in het dossier."), id="auditlog-hint", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        if disclosure.projecting():  # the logboek never opens on a projector
            self.call_later(self._hide)
            return
        if hasattr(self.app, "projector"):  # projector mode switched on: the logboek closes
            self.watch(self.app, "projector", lambda on: on and self._hide(), init=False)
        table = self.query_one("#auditlog-table", DataTable)
        for label, width in zip(audit_log.COLUMNS, WIDTHS, strict=True):
            table.add_column(tr(label), width=width)
        if self.case_ref or self.person_id is not None:
            self.show()
            table.focus()
        else:
            self.query_one("#auditlog-query", Input).focus()

    def _hide(self) -> None:
        """Projector mode: leave the logboek, saying why (ZvhApp refuses to open it too)."""
        if self.is_current:
            self.app.pop_screen()
        self.app.show_refusal(_(AUDIT_HIDDEN), _("Logboek verborgen"))  # type: ignore[attr-defined]

    # -- data -------------------------------------------------------------------------------
    def show(self) -> None:
        message = self.query_one("#auditlog-message", Static)
        table = self.query_one("#auditlog-table", DataTable)
        table.clear()
        self._rows = {}
        try:
            if self.person_id is not None:
                rows = audit_log.rows_for_person(self.person_id)
                title = _("Logboek van {person}").format(person=disclosure.person_number(self.person_id))
                audit.record("view", person_id=self.person_id, object_type="audit_log")
            else:
                rows = audit_log.rows_for_case(self.case_ref or "")
                title = _("Logboek van casus {reference}").format(reference=self.case_ref)
                case = cases.find_by_reference(self.case_ref or "")
                audit.record("view", case=case, object_type="audit_log")
        except ZvhError as error:
            message.update(visible(str(error)))
            return
        self.query_one("#auditlog-title", Static).update(visible(title))  # typed reference
        count = len(rows)
        message.update(_("Nog geen gebeurtenissen.") if not count else
                       ngettext("{n} gebeurtenis", "{n} gebeurtenissen", count).format(n=count))
        for row in rows:
            table.add_row(*(cell(value) for value in row.cells()), key=str(row.id))
            self._rows[str(row.id)] = row
        if rows:
            table.move_cursor(row=len(rows) - 1)  # the newest at the bottom, in view

    @on(Input.Submitted, "#auditlog-query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        match = PERSON.match(value)
        if match:
            self.person_id, self.case_ref = int(match.group(1)), None
        else:
            self.person_id, self.case_ref = None, value
        self.show()
        self.query_one("#auditlog-table", DataTable).focus()

    @on(DataTable.RowSelected, "#auditlog-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an event: read it in full."""
        row = self._rows.get(str(event.row_key.value))
        if row is not None:
            self.app.push_screen(AuditEventDialog(row))

    # -- keys -------------------------------------------------------------------------------
    def action_search(self) -> None:
        field = self.query_one("#auditlog-query", Input)
        field.value = ""
        field.focus()

    def action_leave(self) -> None:
        self.dismiss(None)
