"""Overleggen: the coming and earlier meetings (the "meetings" mode, F4).

The coming meetings (not closed, from today on, the soonest first) are listed above the earlier
ones (before today or closed, the latest first). n plans a meeting (MeetingForm), e changes
its planning, Enter opens its agenda (AgendaScreen), l starts live mode (`ZvhApp.start_live`).
A planned meeting that was never held can be deleted; a held one stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from zvh_tui import workers
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.core.vocab import MeetingStatus
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.meetings import minutes
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import cell

EMPTY = N_("Nog geen overleggen. Plan er een met n.")


@dataclass(frozen=True)
class MeetingRow:
    id: int
    coming: bool
    status: str
    cells: tuple[str, ...]


def meeting_rows() -> list[MeetingRow]:
    """The coming meetings, then the earlier ones, as table rows (three queries in all)."""
    coming, earlier = meetings.upcoming(), meetings.past()
    references = meetings.references_of([*coming, *earlier])
    rows = []
    for is_coming, found in ((True, coming), (False, earlier)):
        for meeting in found:
            refs = references[meeting.id]
            rows.append(MeetingRow(meeting.id, is_coming, meeting.status, (
                meetings.when(meeting),
                meeting.kind,
                ngettext("{n} casus", "{n} casussen", len(refs)).format(n=len(refs)),
                MeetingStatus.label_of(meeting.status),
                meetings.place(meeting),
                meeting.title,
                _("komend") if is_coming else _("eerder"),
            )))
    return rows


@workers.message
class MinutesMade(Message):
    count: int
    folder: str


class MeetingsScreen(Screen[None]):
    """The meetings area: coming and earlier meetings, with keys to plan, change, open the
    agenda and start live mode."""

    CSS_PATH = "meetings.tcss"
    AUTO_FOCUS = "#meetings-table"
    FOOTER_KEYS = ("meetings.new", "meetings.live", "meetings.edit")  # Enter: the table's own
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_meeting", N_("Nieuw overleg"), id="meetings.new"),
        Binding("enter", "agenda", N_("Agenda"), id="meetings.agenda"),
        Binding("l", "live", N_("Live"), id="meetings.live"),
        Binding("e", "edit_meeting", N_("Wijzig"), id="meetings.edit"),
        Binding("delete", "delete_meeting", N_("Verwijder"), show=False, id="meetings.delete"),
        Binding("m", "minutes", N_("Verslag maken"), show=False, id="meetings.minutes"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MeetingRow] = []

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="meetings-main"):
            yield Static(_("Overleggen"), id="meetings-title", markup=False)
            yield ListTable(id="meetings-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="meetings-count", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        table = self.query_one("#meetings-table", DataTable)
        for key, label, width in (("when", N_("Wanneer"), 19), ("kind", N_("Soort"), 12),
                                  ("cases", N_("Agenda"), 11), ("status", N_("Status"), 8),
                                  ("place", N_("Plaats"), 20), ("title", N_("Titel"), 24),
                                  ("group", "", 6)):
            table.add_column(_(label) if label else "", key=key, width=width)
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.app.profile.unlocked:
            self.reload()

    def reload(self, keep_id: int | None = None) -> None:
        if keep_id is None:
            current = self.current()
            keep_id = current.id if current else None
        self.rows = meeting_rows()
        table = self.query_one("#meetings-table", DataTable)
        table.clear()
        for row in self.rows:
            style = "" if row.coming else "dim"
            table.add_row(*(cell(value, style) for value in row.cells), key=str(row.id))
        for position, row in enumerate(self.rows):
            if row.id == keep_id:
                table.move_cursor(row=position)
                break
        coming = sum(row.coming for row in self.rows)
        earlier = len(self.rows) - coming
        summary = (_(EMPTY) if not self.rows else
                   _("{coming} · {earlier} · Enter: agenda · F1: alle toetsen").format(
                       coming=ngettext("{n} komend overleg", "{n} komende overleggen",
                                       coming).format(n=coming),
                       earlier=ngettext("{n} eerder", "{n} eerdere", earlier).format(n=earlier)))
        self.query_one("#meetings-count", Static).update(summary)
        self.refresh_bindings()

    def current(self) -> MeetingRow | None:
        if not self.is_mounted or not self.rows:
            return None
        table = self.query_one("#meetings-table", DataTable)
        if 0 <= table.cursor_row < len(self.rows):
            return self.rows[table.cursor_row]
        return None

    @on(DataTable.RowSelected, "#meetings-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_agenda()

    @on(DataTable.RowHighlighted, "#meetings-table")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "minutes":
            row = self.current()
            return None if row is None or row.status != MeetingStatus.CLOSED.value else True
        if action in ("agenda", "live", "edit_meeting", "delete_meeting"):
            row = self.current()
            if row is None:
                return None
            closed = row.status == MeetingStatus.CLOSED.value
            if action in ("live", "edit_meeting") and closed:
                return None
            if action == "delete_meeting" and row.status != MeetingStatus.PLANNED.value:
                return None
        return True

    def _kinds(self) -> list[str]:
        return list(self.app.profile.settings.meeting_types)

    def action_new_meeting(self) -> None:
        from zvh_tui.screens.meetings.meeting_form import MeetingForm

        form = MeetingForm(self._kinds())

        def done(saved: bool | None) -> None:
            if saved and form.result_id is not None:
                self.reload(form.result_id)
                self.notify(_("Overleg gepland. Enter: de agenda vullen."), markup=False)

        self.app.push_screen(form, done)

    def action_edit_meeting(self) -> None:
        row = self.current()
        if row is None:
            return
        from zvh_tui.screens.meetings.meeting_form import MeetingForm

        try:
            form = MeetingForm(self._kinds(), row.id)
        except ZvhError as error:
            self.app.show_refusal(error)
            self.reload()
            return

        def done(saved: bool | None) -> None:
            if saved:
                self.notify(_("Opgeslagen."), markup=False)
            self.reload(row.id)

        self.app.push_screen(form, done)

    def action_agenda(self) -> None:
        row = self.current()
        if row is None:
            return
        from zvh_tui.screens.meetings.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(row.id))

    def action_live(self) -> None:
        row = self.current()
        if row is not None:
            self.app.start_live(row.id)

    @workers.dialog_worker(group="meetings-minutes")
    async def action_minutes(self) -> None:
        """m on a closed meeting: its minutes again, on demand, into a folder the regisseur
        chooses (the profile's exports/ by default); a sheet for a partner without a signed
        convenant only after its warning was confirmed."""
        from zvh_tui.widgets.dialogs import ConfirmDialog, PathDialog, language_dialog

        row = self.current()
        if row is None or row.status != MeetingStatus.CLOSED.value:
            return
        default = self.app.profile.paths.exports  # type: ignore[attr-defined]
        chosen = await self.app.push_screen_wait(PathDialog(
            _("Verslag maken"), _("In welke map? (verslag, besluitenlijst, bladen per partner, "
                                  "cliëntversie en .ics)"), str(default) + "/", draft=f"minutes:{row.id}:path"))
        if not chosen:
            return
        language = await self.app.push_screen_wait(language_dialog(_("Taal van het verslag")))
        if language is None:
            return
        meeting = meetings.get_meeting(row.id)
        confirmed = []
        for partner in minutes.unsigned_partners(meeting):
            warning = minutes.needs_confirmation(partner) or ""
            if await self.app.push_screen_wait(ConfirmDialog(
                    _("Partner zonder convenant"), warning, yes=_("Blad maken"),
                    no=_("Overslaan"))):
                confirmed.append(partner.id)
        self.notify(_("Het verslag wordt gemaakt …"), markup=False, timeout=3)
        self.write_minutes(row.id, str(chosen), confirmed, language)

    @workers.thread_worker(group="meetings-minutes-write", title=N_("Het verslag kon niet worden gemaakt"))
    def write_minutes(self, meeting_id: int, folder: str, confirmed: list[int],
                      language: str | None = None) -> MinutesMade:
        target = Path(folder).expanduser()
        paths = minutes.write_minutes(meetings.get_meeting(meeting_id), target, confirmed_partners=confirmed,
                                      language=language)
        return MinutesMade(len(paths), str(target))

    def on_minutes_made(self, made: MinutesMade) -> None:
        self.notify(ngettext("{n} bestand in {folder}", "{n} bestanden in {folder}", made.count).format(
            n=made.count, folder=made.folder), title=_("Verslag gemaakt"), markup=False, timeout=8)

    def action_delete_meeting(self) -> None:
        row = self.current()
        if row is None:
            return
        from zvh_tui.widgets.dialogs import ConfirmDialog

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                meetings.delete_meeting(meetings.get_meeting(row.id))
            except ZvhError as error:
                self.app.show_refusal(error, _("Niet te verwijderen"))
                return
            self.notify(_("Overleg verwijderd."), markup=False)
            self.reload()

        self.app.push_screen(ConfirmDialog(
            _("Overleg verwijderen?"),
            _("Het overleg van {when} ({kind}) en zijn agenda verdwijnen. De casussen zelf "
              "blijven.").format(when=row.cells[0], kind=row.cells[1]),
            yes=_("Verwijderen"), no=_("Bewaren")), done)
