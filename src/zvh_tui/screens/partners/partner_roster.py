"""Ketenpartners: the roster of organisations and their contact persons (the "partners" mode).

Type to narrow the list (organisation, contact name, function or e-mail; accents and case do
not matter); `f` steps through the domains. The right-hand side shows the highlighted
organisation's convenant, notes and contact persons. A partner that cases refer to is
deactivated, never deleted; deleting is offered only for a partner nobody refers to.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from zvh_tui import workers
from zvh_tui.compat import textual as compat
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, format_number, ngettext, tr
from zvh_tui.core.vocab import PartnerDomain
from zvh_tui.services.partners import partner_csv, partner_overview
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.partner_overview import RosterRow
from zvh_tui.services.shared import context
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import SafeText, cell

DOMAIN_CYCLE: list[str | None] = [None, *(d.value for d in PartnerDomain)]


@workers.message
class CasesCounted(Message):
    counts: dict[int, int]  # partner id -> running cases


@workers.message
class Exported(Message):
    rows: int  # how many lines were written
    path: str


class PartnerRosterScreen(Screen[None]):
    """The roster: organisations with domain, convenant, contacts and running cases."""

    CSS_PATH = "partner_roster.tcss"
    AUTO_FOCUS = "#roster-table"
    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("partners.search", "partners.new", "partners.edit", "partners.domain")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", N_("Zoek"), id="partners.search"),
        Binding("n", "new_partner", N_("Nieuw"), id="partners.new"),
        Binding("enter", "detail", N_("Details"), id="partners.detail"),
        Binding("e", "edit_partner", N_("Wijzig"), id="partners.edit"),
        Binding("f", "next_domain", N_("Domein"), id="partners.domain"),
        Binding("d", "toggle_active", N_("Deactiveer"), id="partners.deactivate"),
        Binding("c", "new_contact", N_("Contactpersoon erbij"), show=False, id="partners.contact"),
        Binding("delete", "delete_partner", N_("Verwijder"), show=False, id="partners.delete"),
        Binding("g", "toggle_inactive", N_("Gedeactiveerde tonen"), show=False,
                id="partners.inactive"),
        Binding("i", "import_csv", N_("Importeer CSV"), show=False, id="partners.import"),
        Binding("x", "export_csv", N_("Exporteer CSV"), show=False, id="partners.export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index: list[RosterRow] = []
        self.shown: list[RosterRow] = []
        self.domain: str | None = None
        self.include_inactive = False
        # Running cases per partner: counted in a worker after the first frame (they grow with
        # the case load; the rest of the roster does not); None until the first count is in.
        self.case_counts: dict[int, int] | None = None
        # Read again on a resume only after a suspend: Textual sends a new mode's screen two
        # ScreenResume events right after its mount (`_init_mode` and `switch_mode`), and each
        # read the roster again (issue 16: "loads its data twice").
        self._stale = False
        # A new screen's CSS is the app's current CSS once `_load_screen_css` has read our file:
        # without this, Textual re-parses every stylesheet of the app twice on the first F3
        # (`_init_mode` and `switch_mode` compare this count with the app's). A theme change
        # bumps the app's count, so that still restyles this screen.
        try:
            compat.adopt_app_css(self, self.app)
        except NoActiveAppError:  # made outside a running app: Textual's own first styling
            pass

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="roster-main"):
            with Horizontal(id="roster-bar"):
                yield Static(_("Ketenpartners"), id="roster-title", markup=False)
                yield Input(placeholder=_("Zoek organisatie of contactpersoon…"),
                            id="roster-search")
                yield Static("", id="roster-filter", markup=False)
            yield ListTable(id="roster-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="roster-count", markup=False)
            with Horizontal(id="roster-side"):
                yield Static("", id="roster-partner", markup=False)
                yield DataTable(id="roster-contacts", cursor_type="row", show_cursor=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        table = self.query_one("#roster-table", DataTable)
        table.add_column(_("Organisatie"), key="name", width=32)
        table.add_column(_("Domein"), key="domain", width=10)
        table.add_column(_("Convenant"), key="convenant", width=9)
        table.add_column(_("Contactpersonen"), key="contacts", width=15)
        table.add_column(_("Casussen"), key="cases", width=8)
        table.add_column(_("Opmerking"), key="remark", width=28)
        contacts = self.query_one("#roster-contacts", DataTable)
        contacts.can_focus = False
        contacts.add_column(_("Contactpersoon"), key="name", width=22)
        contacts.add_column(_("Functie"), key="function", width=16)
        contacts.add_column(_("Telefoon"), key="phone", width=14)
        contacts.add_column(_("Bereikbaarheid"), key="availability", width=14)
        self.reload()
        self.call_after_refresh(self._count_cases)  # after the first frame, not before it

    def on_screen_suspend(self) -> None:
        self._stale = True  # a form, a dialog or another area: something may change meanwhile

    def on_screen_resume(self) -> None:
        if not self._stale:  # the resumes right after on_mount: it has just read the roster
            return
        self._stale = False
        if self.is_mounted and self.app.profile.unlocked:
            self.reload()
            # the last counts stay on screen until the new ones are in
            self.call_after_refresh(self._count_cases)

    # -- data -------------------------------------------------------------------------------
    def reload(self, keep_id: int | None = None) -> None:
        """Read the roster again (after a change) and show it with the current filter."""
        if keep_id is None:
            keep_id = self.current_id()
        self.index = partner_overview.roster_index(self.case_counts, count_cases=False)
        self.refilter(keep_id)

    @workers.thread_worker(group="roster-cases", title=N_("De lopende casussen per partner konden niet worden geteld"))
    def _count_cases(self) -> CasesCounted:
        return CasesCounted(partner_overview.running_case_counts())

    def on_cases_counted(self, message: CasesCounted) -> None:
        """Fill in the Casussen column (in place: cursor, filter and side panel stay)."""
        self.case_counts = message.counts
        for row in self.index:
            row.cases = message.counts.get(row.id, 0)
        table = self.query_one("#roster-table", DataTable)
        for row in self.shown:
            table.update_cell(str(row.id), "cases", cell(row.cases), update_width=False)

    def refilter(self, keep_id: int | None = None) -> None:
        query = self.query_one("#roster-search", Input).value
        self.shown = partner_overview.filter_roster(
            self.index, query, self.domain, self.include_inactive)
        table = self.query_one("#roster-table", DataTable)
        table.clear()
        for row in self.shown:
            table.add_row(
                cell(row.name, "dim" if not row.active else ""),
                cell(row.domain_label),
                cell(row.convenant_label, "" if row.convenant_signed else "bold"),
                cell(row.contacts),
                cell("…" if row.cases is None else row.cases),
                cell(self._remark(row)),
                key=str(row.id),
            )
        if keep_id is not None:
            for position, row in enumerate(self.shown):
                if row.id == keep_id:
                    table.move_cursor(row=position)
                    break
        self._show_filter()
        self.show_side()

    @staticmethod
    def _remark(row: RosterRow) -> str:
        parts: list[str] = []
        if not row.active:
            parts.append(tr(partner_overview.INACTIVE))
        if row.is_own:
            parts.append(_("eigen organisatie"))
        if row.matched:
            parts.append(_("via {names}").format(names=", ".join(row.matched[:2])))
        return "; ".join(parts)

    def _show_filter(self) -> None:
        domain = (_("domein: {domain}").format(domain=PartnerDomain.label_of(self.domain)) if self.domain
                  else _("alle domeinen"))
        inactive = _("met gedeactiveerde") if self.include_inactive else _("zonder gedeactiveerde")
        self.query_one("#roster-filter", Static).update(f"{domain} · {inactive}")
        total = sum(1 for r in self.index if self.include_inactive or r.active)
        count = len(self.shown)
        self.query_one("#roster-count", Static).update(
            (ngettext("{n} organisatie van {total}", "{n} organisaties van {total}", count)
             if count != total else ngettext("{n} organisatie", "{n} organisaties", count)).format(
                n=format_number(count), total=format_number(total))
            + " · " + _("Enter: details · i: CSV inlezen · x: CSV exporteren · F1: alle toetsen"))

    def current(self) -> RosterRow | None:
        table = self.query_one("#roster-table", DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def current_id(self) -> int | None:
        if not self.is_mounted or not self.shown:
            return None
        row = self.current()
        return row.id if row else None

    def show_side(self) -> None:
        row = self.current()
        summary = self.query_one("#roster-partner", Static)
        contacts = self.query_one("#roster-contacts", DataTable)
        contacts.clear()
        if row is None:
            summary.update(Text(_("Geen organisatie gevonden. Nieuw: n, importeren: i.")))
            return
        try:
            partner = partners.get_partner(row.id)
        except ZvhError:
            summary.update(Text(""))
            return
        lines = SafeText()  # stored text: control characters as symbols
        lines.append(partner.name + "\n", style="bold")
        lines.append(_("Domein: {domain}").format(domain=PartnerDomain.label_of(partner.domain)) + "\n")
        if partner.convenant_signed:
            lines.append(_("Privacyconvenant getekend") + "\n")
        else:
            lines.append(_("Privacyconvenant NIET getekend") + "\n", style="bold")
        if not partner.active:
            lines.append(_("Gedeactiveerd: blijft leesbaar in de casussen") + "\n", style="italic")
        if partner.notes:
            lines.append("\n" + partner.notes + "\n")
        summary.update(lines)
        for contact in partners.contacts_of(partner, include_inactive=True):
            name = contact.name if contact.active else f"{contact.name} ({tr(partner_overview.INACTIVE)})"
            contacts.add_row(cell(name), cell(contact.function), cell(contact.phone),
                             cell(contact.availability))

    @on(DataTable.RowHighlighted, "#roster-table")
    def _highlighted(self) -> None:
        self.show_side()

    @on(DataTable.RowSelected, "#roster-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_detail()

    @on(Input.Changed, "#roster-search")
    def _search_changed(self) -> None:
        self.refilter()
        if self.shown:
            self.query_one("#roster-table", DataTable).move_cursor(row=0)

    @on(Input.Submitted, "#roster-search")
    def _search_submitted(self) -> None:
        self.set_focus(self.query_one("#roster-table", DataTable))

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        search = self.query_one("#roster-search", Input)
        if self.focused is search and key in ("down", "escape"):
            if key == "escape" and search.value:
                search.value = ""
            else:
                self.set_focus(self.query_one("#roster-table", DataTable))
            event.stop()  # type: ignore[attr-defined]

    # -- actions ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs_row = {"detail", "edit_partner", "toggle_active", "new_contact", "delete_partner"}
        if action in needs_row and self.is_mounted and self.current() is None:
            return None
        if action == "toggle_active" and self.is_mounted:
            row = self.current()
            if row is not None and row.is_own:
                return None
        return True

    def action_search(self) -> None:
        # at once (Widget.focus waits a turn): letters typed right after / go to the search
        self.set_focus(self.query_one("#roster-search", Input))

    def action_next_domain(self) -> None:
        position = DOMAIN_CYCLE.index(self.domain)
        self.domain = DOMAIN_CYCLE[(position + 1) % len(DOMAIN_CYCLE)]
        self.refilter()

    def action_toggle_inactive(self) -> None:
        self.include_inactive = not self.include_inactive
        self.refilter()

    def action_detail(self) -> None:
        row = self.current()
        if row is None:
            return
        from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen

        self.app.push_screen(PartnerDetailScreen(row.id))

    def action_new_partner(self) -> None:
        from zvh_tui.screens.partners.partner_form import PartnerForm

        form = PartnerForm()

        def done(saved: bool | None) -> None:
            if saved and form.result_id is not None:
                self.notify(_("Organisatie opgeslagen."), markup=False)
                self.domain = None
                with self.prevent(Input.Changed):
                    self.query_one("#roster-search", Input).value = ""
                self.reload(form.result_id)
                self.query_one("#roster-table", DataTable).focus()

        self.app.push_screen(form, done)

    def action_edit_partner(self) -> None:
        row = self.current()
        if row is None:
            return
        from zvh_tui.screens.partners.partner_form import PartnerForm

        def done(saved: bool | None) -> None:
            if saved:
                self.notify(_("Opgeslagen."), markup=False)
            self.reload(row.id)

        self.app.push_screen(PartnerForm(row.id), done)

    def action_new_contact(self) -> None:
        row = self.current()
        if row is None:
            return
        from zvh_tui.screens.partners.partner_form import ContactForm

        def done(saved: bool | None) -> None:
            if saved:
                self.notify(_("Contactpersoon opgeslagen."), markup=False)
            self.reload(row.id)

        self.app.push_screen(ContactForm(row.id), done)

    def action_toggle_active(self) -> None:
        """d: deactivating asks first (the partner leaves the lists at once); reactivating not."""
        row = self.current()
        if row is None:
            return
        try:
            partner = partners.get_partner(row.id)
        except ZvhError as error:
            self.app.show_refusal(error)
            return
        if not partner.active:
            self._set_active(row.id, True)
            return
        from zvh_tui.screens.partners.partner_form import DeactivateConfirm

        self.app.push_screen(DeactivateConfirm(
            "Partner",  # i18n: a key of DeactivateConfirm.TITLES
            _("'{name}' verdwijnt uit de lijsten en keuzes; in de casussen blijft de partner "
              "leesbaar. Weer activeren kan later: g toont de gedeactiveerde partners, d activeert.").format(
                name=partner.name)),
            lambda yes: self._set_active(row.id, False) if yes else None)

    def _set_active(self, partner_id: int, active: bool) -> None:
        try:
            partner = partners.get_partner(partner_id)
            partners.deactivate_partner(partner, active=active)
        except ZvhError as error:
            self.app.show_refusal(error)
            return
        if partner.active:
            self.notify(_("{name} is weer actief.").format(name=partner.name), markup=False)
        else:
            self.notify(
                _("{name} is gedeactiveerd; blijft leesbaar in de casussen. "
                  "Tonen: g, weer activeren: d.").format(name=partner.name), markup=False)
        self.reload(partner_id)

    def action_delete_partner(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            partner = partners.get_partner(row.id)
        except ZvhError as error:
            self.app.show_refusal(error)
            return
        if partner.is_own or partners.is_referenced(partner):
            try:
                partners.delete_partner(partner)  # refuses with the rule's Dutch message
            except ZvhError as error:
                self.app.show_refusal(error, _("Niet te verwijderen"))
            return
        from zvh_tui.widgets.dialogs import ConfirmDialog

        count = len(partners.contacts_of(partner, include_inactive=True))
        if count:
            question = ngettext(
                "'{name}' en haar contactpersoon definitief verwijderen? Geen casus, plan of "
                "overleg verwijst ernaar. Dit kan niet ongedaan worden gemaakt.",
                "'{name}' en haar {n} contactpersonen definitief verwijderen? Geen casus, plan of "
                "overleg verwijst ernaar. Dit kan niet ongedaan worden gemaakt.", count).format(
                    name=partner.name, n=count)
        else:
            question = _("'{name}' definitief verwijderen? Geen casus, plan of overleg verwijst "
                         "ernaar. Dit kan niet ongedaan worden gemaakt.").format(name=partner.name)

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                partners.delete_partner(partners.get_partner(row.id))
            except ZvhError as error:
                self.app.show_refusal(error)
                return
            self.notify(_("Organisatie verwijderd."), markup=False)
            self.reload()

        self.app.push_screen(ConfirmDialog(_("Organisatie verwijderen?"), question,
                                           yes=_("Verwijderen"), no=_("Bewaren")), done)

    def action_import_csv(self) -> None:
        from zvh_tui.screens.partners.csv_import import CsvImportScreen
        from zvh_tui.widgets.dialogs import PathDialog

        def chosen(path: str | None) -> None:
            if path:
                self.app.push_screen(CsvImportScreen(path), lambda _applied: self.reload())

        self.app.push_screen(PathDialog(
            _("CSV-bestand inlezen"), _("Welk bestand? (zoals Excel het opslaat: ; of , als scheiding)"),
            str(Path.home()) + "/", draft="csv_import:path"), chosen)

    def action_export_csv(self) -> None:
        from zvh_tui.widgets.dialogs import PathDialog

        default = Path.home() / f"ketenpartners-{context.today().isoformat()}.csv"  # i18n: a file name

        def chosen(path: str | None) -> None:
            if path:
                self.export(path)

        self.app.push_screen(PathDialog(
            _("Ketenpartners exporteren"), _("Naar welk bestand? (CSV met ; voor Excel)"),
            str(default), draft="csv_export:path"), chosen)

    @workers.thread_worker(group="partners-export", title=N_("Export mislukt"))
    def export(self, path: str) -> Exported:
        return Exported(partner_csv.export_partners(path), path)

    def on_exported(self, done: Exported) -> None:
        self.notify(ngettext("{n} regel geschreven naar {path}.", "{n} regels geschreven naar {path}.",
                             done.rows).format(n=format_number(done.rows), path=Path(done.path).expanduser()), markup=False)
