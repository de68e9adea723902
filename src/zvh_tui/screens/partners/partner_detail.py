"""One ketenpartner: its contact persons, its cases, its open actions and its attendance.

Open actions are those in the newest plan version of each running case; overdue ones come
first and say "te laat" in words. Enter on a case or an action opens that case's dossier.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.core.vocab import PartnerDomain
from zvh_tui.services.meetings import projector
from zvh_tui.services.partners import partner_overview, provisions
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.partner_overview import PartnerDetail
from zvh_tui.services.shared import dates, disclosure
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import SafeText, cell

NOT_AVAILABLE = N_("Nog niet beschikbaar: het dossier van een casus kan hier nog niet worden geopend.")


def open_case(screen: Screen, case_id: int) -> None:
    """Push the case dossier (built elsewhere); say so when it is not there yet."""
    try:
        from zvh_tui.screens.cases.dossier import DossierScreen  # type: ignore[import-not-found]
    except ImportError:
        screen.notify(_(NOT_AVAILABLE), severity="warning", markup=False)
        return
    screen.app.push_screen(DossierScreen(case_id))


class PartnerDetailScreen(Screen[None]):
    """A partner's detail: contacts, cases (with role), open actions, recent meetings."""

    CSS_PATH = "partner_roster.tcss"
    AUTO_FOCUS = "#detail-cases"
    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("partner.back", "partner.edit", "partner.contact", "partner.edit_contact")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Terug"), id="partner.back"),
        Binding("enter", "open_case", N_("Open casus"), id="partner.open_case"),
        Binding("e", "edit_partner", N_("Wijzig"), id="partner.edit"),
        Binding("c", "new_contact", N_("Contactpersoon erbij"), id="partner.contact"),
        Binding("w", "edit_contact", N_("Wijzig contact"), id="partner.edit_contact"),
        Binding("x", "toggle_contact", N_("Contact (de)activeren"), show=False,
                id="partner.contact_active"),
    ]

    def __init__(self, partner_id: int) -> None:
        super().__init__()
        self.partner_id = partner_id
        self.detail: PartnerDetail | None = None

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with VerticalScroll(id="detail-main"):
            yield Static("", id="detail-title", markup=False)
            yield Static("", id="detail-facts", markup=False)
            yield Static(_("Contactpersonen"), classes="section-title", markup=False)
            yield ListTable(id="detail-contacts", cursor_type="row")
            yield Static(_("Casussen"), classes="section-title", id="detail-cases-title",
                         markup=False)
            yield ListTable(id="detail-cases", cursor_type="row")
            yield Static(_("Open acties"), classes="section-title", id="detail-actions-title",
                         markup=False)
            yield ListTable(id="detail-actions", cursor_type="row")
            yield Static(_("Recente overleggen"), classes="section-title",
                         id="detail-meetings-title", markup=False)
            yield ListTable(id="detail-meetings", cursor_type="row")
            yield Static(_("Verstrekkingen"), classes="section-title",
                         id="detail-provisions-title", markup=False)
            yield ListTable(id="detail-provisions", cursor_type="row")
        yield QuickFooter()

    def on_mount(self) -> None:
        if hasattr(self.app, "projector"):  # projector mode: names drawn again under the new policy
            self.watch(self.app, "projector", lambda _on: self.reload(), init=False)
        columns = {
            "#detail-contacts": [(N_("Naam"), 24), (N_("Functie"), 20), (N_("Telefoon"), 14),
                                 (N_("E-mail"), 28), (N_("Bereikbaarheid"), 16)],
            "#detail-cases": [(N_("Casus"), 10), (N_("Naam"), 28), (N_("Fase"), 16), (N_("Rol"), 15),
                              (N_("Contactpersoon"), 24)],
            "#detail-actions": [(N_("Casus"), 10), (N_("Actie"), 40), (N_("Deadline"), 13),
                                (N_("Status"), 8), (N_("Signaal"), 10), (N_("Contactpersoon"), 18)],
            "#detail-meetings": [(N_("Datum"), 11), (N_("Overleg"), 32), (N_("Aanwezigheid"), 13),
                                 (N_("Contactpersoon"), 24)],
            "#detail-provisions": [(N_("Tijd"), 17), (N_("Casus"), 10), (N_("Wat"), 40),
                                   (N_("Grondslag"), 30)],
        }
        for selector, cols in columns.items():
            table = self.query_one(selector, DataTable)
            for label, width in cols:
                table.add_column(tr(label), width=width)
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.app.profile.unlocked:
            self.reload()

    def reload(self) -> None:
        try:
            detail = self.detail = partner_overview.partner_detail(self.partner_id)
        except ZvhError as error:
            self.app.pop_screen()
            self.app.show_refusal(error)
            return
        partner = detail.partner
        title = SafeText(partner.name, style="bold")  # stored text: controls as symbols
        if not partner.active:
            title.append("  (" + _("gedeactiveerd") + ")", style="italic")
        self.query_one("#detail-title", Static).update(title)
        facts = SafeText(_("Domein: {domain}").format(domain=PartnerDomain.label_of(partner.domain)) + " · ")
        if partner.convenant_signed:
            facts.append(_("privacyconvenant getekend"))
        else:
            facts.append(_("privacyconvenant NIET getekend"), style="bold")
        if partner.notes:
            facts.append("\n" + partner.notes)
        self.query_one("#detail-facts", Static).update(facts)

        contacts = self.query_one("#detail-contacts", DataTable)
        contacts.clear()
        for contact in detail.contacts:
            name = contact.name if contact.active else f"{contact.name} ({_('gedeactiveerd')})"
            contacts.add_row(cell(name, "" if contact.active else "dim"), cell(contact.function),
                             cell(contact.phone), cell(contact.email),
                             cell(contact.availability), key=str(contact.id))

        cases = self.query_one("#detail-cases", DataTable)
        cases.clear()
        for link in detail.cases:
            style = "dim" if link.closed else ""
            cases.add_row(cell(link.reference, style), cell(disclosure.case_name(link.title), style),
                          cell(link.phase, style), cell(link.role, style),
                          cell(link.contact, style), key=str(link.case_id))
        running = sum(1 for link in detail.cases if not link.closed)
        self.query_one("#detail-cases-title", Static).update(
            _("Casussen ({running} lopend, {closed} afgesloten)").format(
                running=running, closed=len(detail.cases) - running)
            + (" · " + _("Enter opent de casus") if detail.cases else ""))

        actions = self.query_one("#detail-actions", DataTable)
        actions.clear()
        names: dict[int, tuple[str, ...]] = {}  # projector mode: each case's names, as initials
        for action in detail.actions:
            shown = action.text
            if disclosure.projecting():
                if action.case_id not in names:
                    names[action.case_id] = projector.case_names(action.case_id)
                shown = disclosure.mask_text(shown, names[action.case_id])
            actions.add_row(cell(action.reference), cell(shown),
                            cell(action.deadline_text), cell(action.status),
                            cell(_("te laat") if action.overdue else "",
                                 "bold" if action.overdue else ""),
                            cell(action.contact), key=f"{action.action_id}:{action.case_id}")
        self.query_one("#detail-actions-title", Static).update(
            _("Open acties in lopende casussen ({n}, waarvan {late} te laat)").format(
                n=len(detail.actions), late=detail.overdue))

        meetings = self.query_one("#detail-meetings", DataTable)
        meetings.clear()
        for row in detail.attendance:
            name = " · ".join(part for part in (row.kind, row.title) if part)
            meetings.add_row(cell(dates.format_date(row.held_on)), cell(name),
                             cell(row.presence), cell(row.contact))
        self.query_one("#detail-meetings-title", Static).update(
            _("Recente overleggen: {summary}").format(summary=detail.attendance_summary))

        given = provisions.of_partner(self.partner_id)  # the verstrekkingenlog of this partner
        table = self.query_one("#detail-provisions", DataTable)
        table.clear()
        for row in given:
            table.add_row(cell(row.when), cell(row.case_ref), cell(row.what), cell(row.basis),
                          key=f"{row.id}:{row.case_id}")
        self.query_one("#detail-provisions-title", Static).update(
            ngettext("Verstrekkingen aan deze partner ({n} verstrekking) · Enter opent de casus",
                     "Verstrekkingen aan deze partner ({n} verstrekkingen) · Enter opent de casus",
                     len(given)).format(n=len(given))
            if given else _("Verstrekkingen: nog niets aan deze partner verstrekt."))
        for selector in ("#detail-contacts", "#detail-cases", "#detail-actions",
                         "#detail-meetings", "#detail-provisions"):
            table = self.query_one(selector, DataTable)
            table.styles.height = max(2, min(table.row_count + 1, 8))
            table.display = table.row_count > 0
        self.query_one("#detail-main", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    # -- which row ---------------------------------------------------------------------------
    def _focused_table(self) -> DataTable | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) else None

    def _row_key(self, table: DataTable) -> str | None:
        if table.row_count == 0 or table.cursor_row < 0:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def selected_case_id(self) -> int | None:
        table = self._focused_table()
        if table is None or table.id not in ("detail-cases", "detail-actions", "detail-provisions"):
            return None
        key = self._row_key(table)
        if key is None:
            return None
        return int(key.split(":")[-1])

    def selected_contact_id(self) -> int | None:
        table = self._focused_table()
        if table is None or table.id != "detail-contacts":
            return None
        key = self._row_key(table)
        return int(key) if key is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "open_case" and self.selected_case_id() is None:
            return None
        if action in ("edit_contact", "toggle_contact") and self.selected_contact_id() is None:
            return None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id in ("detail-cases", "detail-actions", "detail-provisions"):
            self.action_open_case()
        elif event.data_table.id == "detail-contacts":
            self.action_edit_contact()

    # -- actions -----------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(None)  # the caller's callback (for instance the dossier's reload) runs

    def action_open_case(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            open_case(self, case_id)

    def action_edit_partner(self) -> None:
        from zvh_tui.screens.partners.partner_form import PartnerForm

        self.app.push_screen(PartnerForm(self.partner_id), lambda _id: self.reload())

    def action_new_contact(self) -> None:
        from zvh_tui.screens.partners.partner_form import ContactForm

        self.app.push_screen(ContactForm(self.partner_id), lambda _id: self.reload())

    def action_edit_contact(self) -> None:
        contact_id = self.selected_contact_id()
        if contact_id is None:
            return
        from zvh_tui.screens.partners.partner_form import ContactForm

        self.app.push_screen(ContactForm(self.partner_id, contact_id), lambda _id: self.reload())

    def action_toggle_contact(self) -> None:
        """x: deactivating a contact asks first; reactivating does not."""
        contact_id = self.selected_contact_id()
        if contact_id is None:
            return
        try:
            contact = partners.get_contact(contact_id)
        except ZvhError as error:
            self.app.show_refusal(error)
            return
        if not contact.active:
            self._set_contact_active(contact_id, True)
            return
        from zvh_tui.screens.partners.partner_form import DeactivateConfirm

        self.app.push_screen(DeactivateConfirm(
            "Contactpersoon",  # i18n: a key of DeactivateConfirm.TITLES
            _("{name} is dan niet meer te kiezen als contactpersoon; in de casussen blijft "
              "de naam leesbaar. Weer activeren: x.").format(name=contact.name)),
            lambda yes: self._set_contact_active(contact_id, False) if yes else None)

    def _set_contact_active(self, contact_id: int, active: bool) -> None:
        try:
            contact = partners.get_contact(contact_id)
            partners.update_contact(contact, active=active)
        except ZvhError as error:
            self.app.show_refusal(error)
            return
        self.notify((_("{name} is weer actief.") if contact.active else _("{name} is gedeactiveerd."))
                    .format(name=contact.name), markup=False)
        self.reload()
