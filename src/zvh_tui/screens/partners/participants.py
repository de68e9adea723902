"""Who is at the table in a case: partners with their role, and the check op bekendheid.

Opened from the case dossier as `ParticipantsScreen(case_id)`. One row per partner: contact
person, role, whether it signed the privacy convenant (in words, not only colour), and the
check op bekendheid (gevraagd / bekend / niet bekend / geen antwoord, date, grondslag).
A case has exactly one casusregisseur; every change is recorded and listed below the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, Select, Static

from zvh_tui.core.errors import ValidationError, ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.core.vocab import CheckStatus, ParticipantRole, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants, partner_overview
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.partner_overview import TableRow
from zvh_tui.services.shared import clock, dates, disclosure
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.date_input import DateInput, today_word
from zvh_tui.widgets.dialogs import ConfirmDialog, FormDialog
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.partner_picker import PartnerPicker
from zvh_tui.widgets.safe_text import SafeText, cell, plain_text

BASIS_PLACEHOLDER = N_("bijvoorbeeld convenant ZVH art. 5, doel: screening")


# -- dialogs ---------------------------------------------------------------------------------

class AddParticipantDialog(FormDialog):
    """Choose a partner (and contact) with the partner picker, and its role in the case."""

    SAVE_ON_ENTER = True
    TITLE_TEXT = N_("Partner aan tafel")
    SAVE_LABEL = N_("Toevoegen")

    def __init__(self, case: cases.Case) -> None:
        super().__init__()
        self.TITLE_TEXT, self.SAVE_LABEL = tr(self.TITLE_TEXT), tr(self.SAVE_LABEL)
        self.case = case
        self.warnings: list[str] = []
        self.added_id: int | None = None

    def intro(self) -> Iterable[Widget]:
        yield Static(Text(_("Casus {reference}").format(reference=self.case.reference)), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Partner (typ een paar letters, kies met pijltjes en Enter)"))
        yield PartnerPicker(case_id=self.case.id, id="partner")
        yield self.error_line("partner")
        yield Static("", id="convenant-warning", classes="convenant-warning", markup=False)
        yield self.label(_("Rol in de casus"))
        yield Select([(r.label, r.value) for r in ParticipantRole],
                     value=ParticipantRole.MEMBER.value, allow_blank=False, id="role")
        yield self.error_line("role")

    def on_mount(self) -> None:
        self.query_one("#partner", PartnerPicker).focus()

    @on(PartnerPicker.Picked)
    def _picked(self, event: PartnerPicker.Picked) -> None:
        self.set_focus(self.query_one("#role", Select))  # next: the role (F5 adds)
        warning = self.query_one("#convenant-warning", Static)
        try:
            partner = partners.get_partner(event.partner_id)
        except ZvhError:
            warning.update("")
            return
        warning.update(visible(tr(participants.convenant_warning(partner) or "")))

    def values(self) -> dict[str, object]:
        role = self.query_one("#role", Select).value
        return {"choice": self.query_one("#partner", PartnerPicker).value,
                "role": role if isinstance(role, str) else ParticipantRole.MEMBER.value}

    def is_empty(self) -> bool:
        return not self.query_one("#partner", PartnerPicker).text.strip()

    def submit(self, values: dict[str, object]) -> object:
        choice = values["choice"]
        if not isinstance(choice, tuple):
            raise ValidationError(
                _("Kies een partner: typ een paar letters en kies met de pijltjes en Enter."),
                field="partner")
        partner_id, contact_id = choice
        case = cases.get_case(self.case.id, audit_view=False)
        added = participants.add_participant(case, partner_id, contact_id=contact_id,
                                             role=str(values["role"]))
        self.warnings = added.warnings
        self.added_id = added.participant.id
        return added


class RoleDialog(FormDialog):
    """Change a partner's role in the case (casusregisseur moves the role to this partner)."""

    TITLE_TEXT = N_("Rol in de casus")

    def __init__(self, row: TableRow) -> None:
        super().__init__()
        self.TITLE_TEXT = tr(self.TITLE_TEXT)
        self.row = row

    def intro(self) -> Iterable[Widget]:
        yield Static(plain_text(self.row.partner + (f" · {self.row.contact}" if self.row.contact else "")),
                     classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Rol"))
        yield Select([(r.label, r.value) for r in ParticipantRole], value=self.row.role,
                     allow_blank=False, id="role")
        yield self.error_line("role")

    def on_mount(self) -> None:
        self.query_one("#role", Select).focus()

    def values(self) -> dict[str, object]:
        return {"role": self.query_one("#role", Select).value}

    def is_empty(self) -> bool:
        return self.values()["role"] == self.row.role

    def submit(self, values: dict[str, object]) -> object:
        if values["role"] == self.row.role:
            return None
        participant = participants.get_participant(self.row.participant_id)
        return participants.set_role(participant, str(values["role"]))


class CheckDialog(FormDialog):
    """The check op bekendheid with one partner: answer, date and grondslag."""

    SAVE_ON_ENTER = True
    TITLE_TEXT = N_("Check op bekendheid")

    def __init__(self, row: TableRow) -> None:
        super().__init__()
        self.TITLE_TEXT = tr(self.TITLE_TEXT)
        self.row = row
        # a new check starts from the grondslag used last time
        self.basis = row.check_basis or participants.last_basis()
        not_asked = row.check_status == CheckStatus.NOT_ASKED.value
        self.status = CheckStatus.ASKED.value if not_asked else row.check_status

    def intro(self) -> Iterable[Widget]:
        yield Static(plain_text(_("Is de betrokkene bekend bij {partner}?").format(partner=self.row.partner)),
                     classes="dialog-text")
        if not self.row.convenant_signed:
            yield Static(plain_text(_("Let op: {partner} heeft het privacyconvenant niet getekend. "
                                      "Deel alleen wat binnen de doelbinding past.").format(
                                          partner=self.row.partner)),
                         classes="convenant-warning")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Antwoord"))
        yield Select([(s.label, s.value) for s in CheckStatus], value=self.status,
                     allow_blank=False, id="check_status")
        yield self.error_line("check_status")
        yield self.label(_("Datum"))
        yield DateInput(dates.format_date(self.row.check_on) or today_word(), label=_("Datum"),
                        id="check_on")
        yield self.error_line("check_on")
        yield self.label(_("Grondslag (waarom mag deze partner dit delen, en waarvoor)"))
        yield Input(self.basis, id="check_basis", placeholder=_(BASIS_PLACEHOLDER))
        yield self.error_line("check_basis")

    def on_mount(self) -> None:
        self.query_one("#check_status", Select).focus()

    def values(self) -> dict[str, object]:
        return {
            "status": self.query_one("#check_status", Select).value,
            "on": self.query_one("#check_on", DateInput).value,
            "basis": self.query_one("#check_basis", Input).value,
        }

    def is_empty(self) -> bool:
        values = self.values()
        return values["status"] == self.status and str(values["basis"]).strip() == self.basis

    def submit(self, values: dict[str, object]) -> object:
        participant = participants.get_participant(self.row.participant_id)
        result = participants.set_check(participant, str(values["status"]),
                                        on=str(values["on"]), basis=str(values["basis"]))
        warning = participants.basis_warning(participant.partner, participant.check_basis)
        if warning:
            self.app.notify(tr(warning), title=_("Grondslag"), severity="warning", markup=False, timeout=12)
        return result


class CheckAllDialog(FormDialog):
    """The check op bekendheid with every partner at the table at once: an answer per partner,
    one date and one grondslag (by default the one used last time)."""

    SAVE_ON_ENTER = True
    TITLE_TEXT = N_("Check op bekendheid bij alle partners")

    def __init__(self, case: cases.Case, rows: list[TableRow]) -> None:
        super().__init__()
        self.TITLE_TEXT = tr(self.TITLE_TEXT)
        self.case = case
        self.rows = rows
        self.basis = participants.last_basis()
        # a partner not asked yet starts at "gevraagd"; the others keep their answer
        self.start = {row.participant_id: (CheckStatus.ASKED.value
                                           if row.check_status == CheckStatus.NOT_ASKED.value
                                           else row.check_status) for row in rows}

    def intro(self) -> Iterable[Widget]:
        yield Static(Text(_("Casus {reference}: is de betrokkene bekend? Kies per partner het "
                            "antwoord; de datum en de grondslag gelden voor elk antwoord dat "
                            "verandert.").format(reference=self.case.reference)), classes="dialog-text")
        unsigned = [row.partner for row in self.rows if not row.convenant_signed]
        if unsigned:
            yield Static(Text(ngettext(
                "Let op: {n} partner heeft het privacyconvenant niet getekend: {partners}. "
                "Deel alleen wat binnen de doelbinding past.",
                "Let op: {n} partners hebben het privacyconvenant niet getekend: {partners}. "
                "Deel alleen wat binnen de doelbinding past.", len(unsigned)).format(
                    n=len(unsigned), partners=", ".join(unsigned))),
                classes="convenant-warning")

    def fields(self) -> Iterable[Widget]:
        for row in self.rows:
            name = row.partner + ("" if row.convenant_signed else " (" + _("geen convenant") + ")")
            yield self.label(name)
            yield Select([(s.label, s.value) for s in CheckStatus],
                         value=self.start[row.participant_id], allow_blank=False,
                         id=f"check-{row.participant_id}")
        yield self.label(_("Datum"))
        yield DateInput(today_word(), label=_("Datum"), id="check_on")
        yield self.error_line("check_on")
        yield self.label(_("Grondslag (waarom mogen deze partners dit delen, en waarvoor)"))
        yield Input(self.basis, id="check_basis", placeholder=_(BASIS_PLACEHOLDER))
        yield self.error_line("check_basis")

    def answers(self) -> dict[int, str]:
        result: dict[int, str] = {}
        for row in self.rows:
            value = self.query_one(f"#check-{row.participant_id}", Select).value
            result[row.participant_id] = value if isinstance(value, str) else row.check_status
        return result

    def values(self) -> dict[str, object]:
        return {"answers": self.answers(), "on": self.query_one("#check_on", DateInput).value,
                "basis": self.query_one("#check_basis", Input).value}

    def is_empty(self) -> bool:
        return (self.answers() == self.start
                and self.query_one("#check_basis", Input).value.strip() == self.basis)

    def submit(self, values: dict[str, object]) -> object:
        answers = values["answers"]
        assert isinstance(answers, dict)
        case = cases.get_case(self.case.id, audit_view=False)
        changed = participants.set_checks(case, answers, on=str(values["on"]),
                                          basis=str(values["basis"]))
        asked = [row for row in participants.participants_of(case)
                 if row.id in answers and row.check_status != CheckStatus.NOT_ASKED.value]
        warnings = participants.basis_warnings(asked, str(values["basis"])) if changed else []
        if warnings:
            self.app.notify(" ".join(tr(w) for w in warnings), title=_("Grondslag"), severity="warning", markup=False,
                            timeout=12)
        return changed



# -- the screen ------------------------------------------------------------------------------

class ParticipantsScreen(Screen[None]):
    """Partners at the table of one case, their roles and the check op bekendheid."""

    CSS_PATH = "partner_roster.tcss"
    AUTO_FOCUS = "#participants-table"
    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = (
        "participants.check", "participants.add", "participants.director", "participants.back",
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Terug"), id="participants.back"),
        Binding("a", "add", N_("Partner erbij"), id="participants.add"),
        Binding("b", "check", N_("Check op bekendheid"), id="participants.check"),
        Binding("B", "check_all", N_("Alle partners vragen"), id="participants.check_all"),
        Binding("c", "make_director", N_("Casusregisseur"), id="participants.director"),
        Binding("r", "role", N_("Rol"), show=False, id="participants.role"),
        Binding("delete", "remove", N_("Van tafel halen"), show=False, id="participants.remove"),
    ]

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.case: cases.Case | None = None
        self.rows: list[TableRow] = []

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="participants-main"):
            yield Static("", id="participants-title", markup=False)
            yield Static("", id="participants-director", markup=False)
            yield ListTable(id="participants-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="participants-row", markup=False)
            yield Static("", id="participants-hint", markup=False)
            yield Static(_("Wisselingen van casusregisseur"), classes="section-title",
                         markup=False)
            yield DataTable(id="participants-history", cursor_type="none", show_cursor=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        if hasattr(self.app, "projector"):  # projector mode: names drawn again under the new policy
            self.watch(self.app, "projector", lambda _on: self.reload(), init=False)
        try:
            self.case = cases.get_case(self.case_id)  # logs the view (NEN 7513)
        except ZvhError as error:
            self.app.pop_screen()
            self.app.show_refusal(error)
            return
        table = self.query_one("#participants-table", DataTable)
        for label, width in ((N_("Partner · contactpersoon"), 32), (N_("Rol"), 14), (N_("Convenant"), 17),
                             (N_("Bekendheid"), 13), (N_("Datum"), 10), (N_("Grondslag"), 14)):
            table.add_column(tr(label), width=width)
        history = self.query_one("#participants-history", DataTable)
        history.can_focus = False
        for label, width in ((N_("Vanaf"), 16), (N_("Casusregisseur"), 30), (N_("Contactpersoon"), 22),
                             (N_("Vastgelegd door"), 20)):
            history.add_column(tr(label), width=width)
        self.reload()

    def reload(self, keep_participant: int | None = None) -> None:
        if self.case is None:
            return
        case = self.case = cases.get_case(self.case_id, audit_view=False)
        if keep_participant is None:
            current = self.current()
            keep_participant = current.participant_id if current else None
        self.rows = partner_overview.table_of(self.case_id)
        title = _("Aan tafel · casus {reference}").format(reference=case.reference)
        if case.title:
            title += f" · {disclosure.case_name(case.title)}"
        if case.phase == Phase.CLOSED.value:
            title += " (" + _("afgesloten") + ")"
        self.query_one("#participants-title", Static).update(plain_text(title))
        director = next((row for row in self.rows if row.is_director), None)
        line = self.query_one("#participants-director", Static)
        if director is None:
            line.update(Text(_("Nog geen casusregisseur.") + " " + tr(cases.DIRECTOR_QUESTION), style="bold"))
        else:
            who = director.partner + (f" · {director.contact}" if director.contact else "")
            line.update(plain_text(_("Casusregisseur: {name}").format(name=who)))
        table = self.query_one("#participants-table", DataTable)
        table.clear()
        for row in self.rows:
            name = row.partner if row.active else f"{row.partner} ({_('gedeactiveerd')})"
            if row.contact:
                name += f" · {row.contact}"
            table.add_row(
                cell(name, "bold" if row.is_director else ""),
                cell(row.role_label, "bold" if row.is_director else ""),
                cell(_("getekend") if row.convenant_signed else _("NIET getekend (!)"),
                     "" if row.convenant_signed else "bold"),
                cell(row.check_label,
                     "dim" if row.check_status == CheckStatus.NOT_ASKED.value else ""),
                cell(dates.format_date(row.check_on)),
                cell(row.check_basis.replace("\n", " ")),
                key=str(row.participant_id),
            )
        table.styles.height = max(2, min(len(self.rows) + 1, 16))  # all rows, up to 15
        for position, row in enumerate(self.rows):
            if row.participant_id == keep_participant:
                table.move_cursor(row=position)
        self.query_one("#participants-hint", Static).update(self._summary())
        self.show_row()
        history = self.query_one("#participants-history", DataTable)
        history.clear()
        for entry in partner_overview.director_history(self.case_id):
            history.add_row(cell(clock.format_local(entry.at)), cell(entry.partner), cell(entry.contact),
                            cell(entry.by))
        if history.row_count == 0:
            history.add_row(cell(_("nog geen")), cell(""), cell(""), cell(""))
        history.styles.height = min(history.row_count + 1, 10)
        self.refresh_bindings()

    def _summary(self) -> Text:
        if not self.rows:
            return Text(_("Nog geen partners aan tafel. Voeg er een toe met a."))
        asked = [r for r in self.rows if r.check_status != CheckStatus.NOT_ASKED.value]
        known = sum(1 for r in asked if r.check_status == CheckStatus.KNOWN.value)
        unsigned = sum(1 for r in self.rows if not r.convenant_signed)
        text = Text(ngettext("Check op bekendheid: {asked} van {n} partner gevraagd, {known} bekend.",
                             "Check op bekendheid: {asked} van {n} partners gevraagd, {known} bekend.",
                             len(self.rows)).format(asked=len(asked), n=len(self.rows), known=known))
        if unsigned:
            text.append(" " + _("{n} zonder getekend privacyconvenant.").format(n=unsigned), style="bold")
        return text

    def current(self) -> TableRow | None:
        if not self.is_mounted or not self.rows:
            return None
        table = self.query_one("#participants-table", DataTable)
        if 0 <= table.cursor_row < len(self.rows):
            return self.rows[table.cursor_row]
        return None

    # -- keys --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted or self.case is None:
            return True
        closed = self.case.phase == Phase.CLOSED.value
        if action in ("add", "make_director", "role", "remove") and closed:
            return None
        if action in ("check", "make_director", "role", "remove") and self.current() is None:
            return None
        if action == "check_all" and (closed or not self.rows):
            return None
        if action == "make_director":
            row = self.current()
            if row is not None and (row.is_director or not row.active):
                return None
        return True

    @on(DataTable.RowHighlighted, "#participants-table")
    def _highlighted(self) -> None:
        self.show_row()
        self.refresh_bindings()

    def show_row(self) -> None:
        """The highlighted partner in full: the grondslag does not fit in the table."""
        row = self.current()
        line = self.query_one("#participants-row", Static)
        if row is None:
            line.update("")
            return
        text = SafeText(row.partner, style="bold")  # stored text: controls as symbols
        if row.contact:
            text.append(f" · {row.contact}")
        text.append(f" · {row.role_label} · {row.convenant_label}")
        if row.check_status != CheckStatus.NOT_ASKED.value:
            text.append("\n" + _("Check op bekendheid: {answer}, {date}; grondslag: {basis}").format(
                answer=row.check_label, date=dates.format_date(row.check_on), basis=row.check_basis))
        else:
            text.append("\n" + _("Check op bekendheid: nog niet gevraagd (b)"))
        line.update(text)

    @on(DataTable.RowSelected, "#participants-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_check()

    def action_back(self) -> None:
        self.dismiss(None)  # the caller's callback (for instance the dossier's reload) runs

    def action_add(self) -> None:
        if self.case is None:
            return
        dialog = AddParticipantDialog(self.case).keep_draft(f"participant:{self.case.id}:new",
                                                            case_id=self.case.id)

        def done(saved: bool | None) -> None:
            if not saved:
                return
            for warning in dialog.warnings:
                self.notify(tr(warning), severity="warning", markup=False, timeout=10)
            self.reload(dialog.added_id)
            self.notify(_("Partner aan tafel gezet."), markup=False)

        self.app.push_screen(dialog, done)

    def action_check(self) -> None:
        row = self.current()
        if row is None:
            return

        def done(saved: bool | None) -> None:
            if not saved:
                return
            # on to the next partner not asked yet, so a round of answers is b, answer, F5 …
            position = next((i for i, r in enumerate(self.rows) if r.participant_id == row.participant_id), 0)
            later = [r for r in self.rows[position + 1:] + self.rows[:position]
                     if r.check_status == CheckStatus.NOT_ASKED.value]
            self.reload(later[0].participant_id if later else row.participant_id)

        self.app.push_screen(CheckDialog(row).keep_draft(f"check:{row.participant_id}",
                                                         case_id=self.case_id), done)

    def action_check_all(self) -> None:
        if self.case is None or not self.rows:
            return
        dialog = CheckAllDialog(self.case, self.rows).keep_draft(f"check_all:{self.case.id}",
                                                                 case_id=self.case.id)

        def done(saved: bool | None) -> None:
            if saved:
                self.reload()
                self.notify(_("Check op bekendheid vastgelegd."), markup=False)

        self.app.push_screen(dialog, done)

    def action_role(self) -> None:
        row = self.current()
        if row is None:
            return
        self.app.push_screen(RoleDialog(row).keep_draft(f"role:{row.participant_id}",
                                                        case_id=self.case_id),
                             lambda saved: saved and self.reload())

    def action_make_director(self) -> None:
        row = self.current()
        if row is None or self.case is None:
            return
        if row.is_director:
            self.notify(_("{partner} is al casusregisseur.").format(partner=row.partner), markup=False)
            return
        try:
            participants.set_director(self.case, row.partner_id, contact_id=row.contact_id)
        except ZvhError as error:
            self.app.show_refusal(error)
            return
        self.notify(_("{partner} is nu casusregisseur; de wisseling is vastgelegd.").format(
            partner=row.partner), markup=False)
        self.reload(row.participant_id)

    def action_remove(self) -> None:
        row = self.current()
        if row is None:
            return
        try:  # refused before the question, never after a "yes"
            participants.check_removable(participants.get_participant(row.participant_id))
        except ZvhError as error:
            self.app.show_refusal(error)
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                participants.remove_participant(participants.get_participant(row.participant_id))
            except ZvhError as error:
                self.app.show_refusal(error)
                return
            self.notify(_("{partner} zit niet meer aan tafel.").format(partner=row.partner), markup=False)
            self.reload()

        self.app.push_screen(ConfirmDialog(
            _("Van tafel halen?"), _("{partner} uit deze casus halen? De check op bekendheid met "
                                     "deze partner gaat dan verloren.").format(partner=row.partner),
            yes=_("Van tafel halen"), no=_("Laten zitten")), done)
