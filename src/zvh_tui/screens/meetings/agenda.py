"""The agenda of one meeting: its cases in order, each with a time slot and its invited partners.

a puts a case on the agenda (CasePickDialog: by number or name, as the palette finds cases; the
case's partners at the table are invited), Del takes it off (not once discussed), Shift+↑/↓
(or K/J) move it, t sets its slot (SlotDialog), u invites a partner for this item
(InviteDialog), x withdraws an invitation. The panel below shows who is invited for the
highlighted case. Names of cases go through `disclosure` (initials in projector mode).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from zvh_tui.core.errors import ValidationError, ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.core.vocab import ItemStatus, MeetingStatus, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.shared import disclosure, palette
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.dialogs import ChoiceDialog, ConfirmDialog, DialogBase, FormDialog
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.partner_picker import PartnerPicker
from zvh_tui.widgets.safe_text import SafeText, cell, plain

HITS = 8


def invite_label(invite) -> str:
    return invite.partner.name + (f" · {invite.contact.name}" if invite.contact_id else "")


class CasePickDialog(DialogBase, ModalScreen["int | None"]):
    """Find a case by number or name (the palette's search): type, ↑↓ choose, Enter takes it,
    Escape chooses nothing. Dismisses with the case id."""

    DEFAULT_CSS = """
    CasePickDialog #case-hits { height: auto; max-height: 12; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Annuleren"), id="case_pick.cancel"),
        Binding("down", "move(1)", N_("Volgende"), show=False, id="case_pick.down"),
        Binding("up", "move(-1)", N_("Vorige"), show=False, id="case_pick.up"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title
        self.hits: list[palette.CaseHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain(self._title), classes="dialog-title")
            yield Input(placeholder=_("casusnummer of naam, bv. 2026-0042 of Jansen"), id="case-query")
            hits = OptionList(id="case-hits")
            hits.can_focus = False
            yield hits
            yield Static(Text(_("Typ · ↑↓ kiezen · Enter: deze casus · Escape: annuleren")),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#case-query", Input).focus()

    @on(Input.Changed, "#case-query")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.hits = palette.find_cases(event.value, limit=HITS) if event.value.strip() else []
        options = self.query_one("#case-hits", OptionList)
        options.set_options([Option(self._label(hit)) for hit in self.hits])
        if not self.hits and event.value.strip():
            options.add_option(Option(Text(_("Geen casus gevonden")), disabled=True))
        elif self.hits:
            options.highlighted = 0

    @staticmethod
    def _label(hit: palette.CaseHit) -> Text:
        label = SafeText(f"{hit.reference}  {disclosure.case_name(hit.title)}")
        label.append(f"  {Phase.label_of(hit.phase)}", style="italic")
        return label

    @on(Input.Submitted, "#case-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.hits:
            index = self.query_one("#case-hits", OptionList).highlighted or 0
            self.dismiss(self.hits[index].id)

    @on(OptionList.OptionSelected, "#case-hits")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index].id)

    def action_move(self, step: int) -> None:
        if self.hits:
            options = self.query_one("#case-hits", OptionList)
            options.highlighted = max(0, min(len(self.hits) - 1, (options.highlighted or 0) + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SlotDialog(FormDialog):
    """The time slot of one agenda item: planned start and length in minutes (both may be empty)."""

    SAVE_ON_ENTER = True
    TITLE_TEXT = N_("Tijdslot")

    def __init__(self, item_id: int) -> None:
        super().__init__()
        self.TITLE_TEXT = tr(self.TITLE_TEXT)
        self.item = meetings.get_item(item_id)
        self.keep_draft(f"slot:{item_id}", case_id=self.item.case_id)

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_("Casus {reference}. Uitlopen wordt getoond, niet afgedwongen.").format(
            reference=self.item.case.reference)), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Begintijd (uu:mm, mag leeg)"))
        yield Input(self.item.slot_start, id="slot_start", placeholder="10:15")
        yield self.error_line("slot_start")
        yield self.label(_("Duur in minuten (mag leeg)"))
        yield Input(str(self.item.slot_minutes or ""), id="slot_minutes", placeholder="20")
        yield self.error_line("slot_minutes")

    def values(self) -> dict[str, object]:
        return {"slot_start": self.query_one("#slot_start", Input).value,
                "slot_minutes": self.query_one("#slot_minutes", Input).value}

    def is_empty(self) -> bool:
        values = self.values()
        return (str(values["slot_start"]).strip() == self.item.slot_start
                and str(values["slot_minutes"]).strip() == str(self.item.slot_minutes or ""))

    def submit(self, values: dict[str, object]) -> object:
        return meetings.set_slot(meetings.get_item(self.item.id), str(values["slot_start"]),
                                 str(values["slot_minutes"]))


class InviteDialog(FormDialog):
    """Invite a partner (and maybe one of its contacts) for one agenda item."""

    TITLE_TEXT = N_("Partner uitnodigen voor dit punt")
    SAVE_LABEL = N_("Uitnodigen")

    def __init__(self, item_id: int) -> None:
        super().__init__()
        self.TITLE_TEXT, self.SAVE_LABEL = tr(self.TITLE_TEXT), tr(self.SAVE_LABEL)
        self.item = meetings.get_item(item_id)
        self.keep_draft(f"invite:{item_id}", case_id=self.item.case_id)

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_("Casus {reference}: wie schuift aan voor dit punt?").format(
            reference=self.item.case.reference)), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Partner (typ een paar letters, kies met pijltjes en Enter)"))
        yield PartnerPicker(case_id=self.item.case_id, id="partner")
        yield self.error_line("partner")

    def on_mount(self) -> None:
        self.query_one("#partner", PartnerPicker).focus()

    def values(self) -> dict[str, object]:
        return {"choice": self.query_one("#partner", PartnerPicker).value}

    def is_empty(self) -> bool:
        return not self.query_one("#partner", PartnerPicker).text.strip()

    def submit(self, values: dict[str, object]) -> object:
        choice = values["choice"]
        if not isinstance(choice, tuple):
            raise ValidationError(
                _("Kies een partner: typ een paar letters en kies met de pijltjes en Enter."),
                field="partner")
        return meetings.invite(meetings.get_item(self.item.id), choice[0], choice[1])

    @on(PartnerPicker.Picked)
    def _picked(self) -> None:
        self.action_save()


class AgendaScreen(Screen[None]):
    """The agenda of one meeting, with keys to fill and order it."""

    CSS_PATH = "meetings.tcss"
    AUTO_FOCUS = "#agenda-table"
    FOOTER_KEYS = ("agenda.add", "agenda.invite", "agenda.slot", "agenda.back")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Terug"), id="agenda.back"),
        Binding("a", "add_case", N_("Casus erbij"), id="agenda.add"),
        Binding("delete", "remove_case", N_("Van de agenda"), show=False, id="agenda.remove"),
        Binding("shift+up,K", "move(-1)", N_("Verplaats omhoog"), show=False, id="agenda.move_up"),
        Binding("shift+down,J", "move(1)", N_("Verplaats omlaag"), show=False, id="agenda.move_down"),
        Binding("t", "slot", N_("Tijdslot"), id="agenda.slot"),
        Binding("u", "invite", N_("Uitnodigen"), id="agenda.invite"),
        Binding("x", "uninvite", N_("Uitnodiging intrekken"), show=False, id="agenda.uninvite"),
        Binding("e", "edit_meeting", N_("Overleg wijzigen"), show=False, id="agenda.edit"),
        Binding("l", "live", N_("Live"), show=False, id="agenda.live"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.meeting: meetings.Meeting | None = None
        self.items: list[meetings.MeetingItem] = []

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="agenda-main"):
            yield Static("", id="agenda-title", markup=False)
            yield Static("", id="agenda-facts", markup=False)
            yield ListTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="agenda-count", markup=False)
            yield Static("", id="agenda-invites", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        if hasattr(self.app, "projector"):  # projector mode: names drawn again under the new policy
            self.watch(self.app, "projector", lambda _on: self.reload(), init=False)
        table = self.query_one("#agenda-table", DataTable)
        # 78 cells with their padding: the whole table fits in 80 columns
        for key, label, width in (("pos", "#", 2), ("slot", N_("Tijd"), 5), ("minutes", N_("Min"), 3),
                                  ("reference", N_("Casus"), 9), ("name", N_("Naam of alias"), 24),
                                  ("status", N_("Status"), 8), ("invited", N_("Genodigd"), 11)):
            table.add_column(tr(label), key=key, width=width)
        self.reload()

    # -- data -------------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self.meeting is not None and self.meeting.status == MeetingStatus.CLOSED.value

    def reload(self, keep_item: int | None = None) -> None:
        if keep_item is None and self.items:
            current = self.current()
            keep_item = current.id if current else None
        try:
            self.meeting = meetings.get_meeting(self.meeting_id)
        except ZvhError as error:
            self.dismiss(None)
            self.app.show_refusal(error)
            return
        meeting = self.meeting
        self.items = meetings.items_of(meeting)
        title = SafeText(_("Agenda · {kind} · {when}").format(kind=meeting.kind, when=meetings.when(meeting)),
                         style="bold")
        if meeting.title:
            title.append(f" · {meeting.title}")
        self.query_one("#agenda-title", Static).update(title)
        facts = [meetings.place(meeting) or _("plaats nog niet bekend"),
                 _("voorzitter: {name}").format(name=meeting.chair or "—"),
                 _("notulist: {name}").format(name=meeting.notulist or "—"),
                 MeetingStatus.label_of(meeting.status)]
        self.query_one("#agenda-facts", Static).update(SafeText(" · ".join(facts)))
        table = self.query_one("#agenda-table", DataTable)
        table.clear()
        invited = meetings.invite_counts(meeting)
        for item in self.items:
            table.add_row(
                cell(str(item.position + 1)), cell(item.slot_start), cell(str(item.slot_minutes or "")),
                cell(item.case.reference), cell(disclosure.case_name(item.case.title)),
                cell(ItemStatus.label_of(item.status)),
                cell(ngettext("{n} partner", "{n} partners", invited.get(item.id, 0)).format(
                    n=invited.get(item.id, 0))),
                key=str(item.id))
        for position, item in enumerate(self.items):
            if item.id == keep_item:
                table.move_cursor(row=position)
                break
        n = len(self.items)
        self.query_one("#agenda-count", Static).update(
            ngettext("{n} casus op de agenda", "{n} casussen op de agenda", n).format(n=n)
            if self.closed else
            ngettext("{n} casus op de agenda · Shift+↑↓: volgorde · F1: alle toetsen",
                     "{n} casussen op de agenda · Shift+↑↓: volgorde · F1: alle toetsen", n).format(n=n))
        self.show_invites()
        self.refresh_bindings()

    def current(self) -> meetings.MeetingItem | None:
        if not self.is_mounted or not self.items:
            return None
        table = self.query_one("#agenda-table", DataTable)
        if 0 <= table.cursor_row < len(self.items):
            return self.items[table.cursor_row]
        return None

    def show_invites(self) -> None:
        item = self.current()
        panel = self.query_one("#agenda-invites", Static)
        if item is None:
            panel.update(Text(_("Nog geen casussen op de agenda. Zet er een op met a.")))
            return
        invites = meetings.invites_of(item)
        text = SafeText(_("Uitgenodigd voor {reference}: ").format(reference=item.case.reference), style="bold")
        text.append(", ".join(invite_label(i) for i in invites) if invites
                    else _("nog niemand (u: partner uitnodigen)"))
        panel.update(text)

    @on(DataTable.RowHighlighted, "#agenda-table")
    def _highlighted(self) -> None:
        self.show_invites()
        self.refresh_bindings()

    # -- keys -------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back",):
            return True
        if self.closed and action != "live":
            return None
        if action == "live":
            return None if self.closed else True
        if action in ("remove_case", "move", "slot", "invite", "uninvite") and self.current() is None:
            return None
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def _refuse(self, error: ZvhError, title: str = N_("Niet gelukt")) -> None:
        self.app.show_refusal(error, tr(title))
        self.reload()

    def action_add_case(self) -> None:
        def chosen(case_id: int | None) -> None:
            if case_id is None:
                return
            try:
                case = cases.get_case(case_id, audit_view=False)
                item = meetings.add_item(meetings.get_meeting(self.meeting_id), case)
            except ZvhError as error:
                self._refuse(error, _("Niet op de agenda"))
                return
            self.reload(item.id)
            self.notify(_("Casus {reference} staat op de agenda.").format(reference=case.reference), markup=False)

        self.app.push_screen(CasePickDialog(_("Casus op de agenda")), chosen)

    def action_remove_case(self) -> None:
        item = self.current()
        if item is None:
            return
        reference = item.case.reference

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                meetings.remove_item(meetings.get_item(item.id))
            except ZvhError as error:
                self._refuse(error, _("Blijft op de agenda"))
                return
            self.reload()
            self.notify(_("Casus {reference} is van de agenda gehaald.").format(reference=reference), markup=False)

        self.app.push_screen(ConfirmDialog(
            _("Van de agenda halen?"),
            _("Casus {reference} gaat van de agenda van dit overleg. De casus zelf blijft.").format(
                reference=reference), yes=_("Van de agenda"), no=_("Laten staan")), answered)

    def action_move(self, step: int) -> None:
        item = self.current()
        if item is None:
            return
        try:
            meetings.move_item(meetings.get_item(item.id), step)
        except ZvhError as error:
            self._refuse(error)
            return
        self.reload(item.id)

    def action_slot(self) -> None:
        item = self.current()
        if item is not None:
            self.app.push_screen(SlotDialog(item.id), lambda ok: self.reload(item.id) if ok else None)

    def action_invite(self) -> None:
        item = self.current()
        if item is None:
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.notify(_("Uitgenodigd."), markup=False)
                self.reload(item.id)

        self.app.push_screen(InviteDialog(item.id), done)

    def action_uninvite(self) -> None:
        item = self.current()
        if item is None:
            return
        invites = meetings.invites_of(item)
        if not invites:
            self.notify(_("Voor dit punt is nog niemand uitgenodigd."), markup=False)
            return

        def chosen(choice: tuple[int, int | None] | None) -> None:
            if choice is None:
                return
            try:
                meetings.uninvite(meetings.get_item(item.id), *choice)
            except ZvhError as error:
                self._refuse(error)
                return
            self.reload(item.id)
            self.notify(_("Uitnodiging ingetrokken."), markup=False)

        self.app.push_screen(ChoiceDialog(
            _("Uitnodiging intrekken"), _("Wie hoeft niet te komen voor casus {reference}?").format(
                reference=item.case.reference),
            [(visible(invite_label(i)), (i.partner_id, i.contact_id)) for i in invites]), chosen)

    def action_edit_meeting(self) -> None:
        from zvh_tui.screens.meetings.meeting_form import MeetingForm

        form = MeetingForm(self.app.profile.settings.meeting_types, self.meeting_id)
        self.app.push_screen(form, lambda ok: self.reload() if ok else None)

    def action_live(self) -> None:
        self.app.start_live(self.meeting_id)
