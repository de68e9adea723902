"""Spiegel: the caseload mirror (issue 15.6) and the nazorg watch (issue 15.7).

Four sections over every case, read in a thread worker through `services.cases.caseload`
(a fixed handful of queries at any size): Eigen last (what the own house carries itself),
Kikker-radar (per partner: te laat, geen terugkoppeling, afwezig of afgemeld op rij, niet
opgepakt; the aanspreken note and, when the pattern holds, the opschaling proposal), the
Petten-spiegel (journal entries per hat per week over the caseload; the line at the bottom
shows the hats of the selected case) and the Nazorg watch. Enter opens the case of the row
under the cursor; r reopens a nazorg case with a reason; Escape goes back to the case list.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from zvh_tui import workers
from zvh_tui.core import i18n
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.core.vocab import Hat
from zvh_tui.services.cases import caseload
from zvh_tui.services.cases.caseload import Mirror
from zvh_tui.services.shared import context, disclosure
from zvh_tui.widgets.dialogs import TextDialog
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import SafeText, cell

WORKER_GROUP = "caseload-mirror"
LOADING = N_("Spiegel laden…")  # shown as _(LOADING)
TABLES = ("mirror-own", "mirror-radar", "mirror-hats", "mirror-nazorg")
# What the keys 1-4 say (the sections' names), shown through _().
SECTIONS = (N_("Naar Eigen last"), N_("Naar Kikker-radar"), N_("Naar Petten-spiegel"), N_("Naar Nazorg"))
CASE_TABLES = ("mirror-own", "mirror-radar", "mirror-nazorg")


def number(n: int) -> str:
    """A count as the language writes it (1.234 / 1,234)."""
    return i18n.format_number(n)


@workers.message
class MirrorLoaded(Message):
    mirror: Mirror


class CaseloadScreen(Screen[None]):
    """The Spiegel: eigen last, kikker-radar, petten-spiegel and nazorg over all cases."""

    CSS_PATH = "caseload.tcss"
    AUTO_FOCUS = "#mirror-own"
    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("mirror.open", "mirror.reopen", "mirror.back")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_case", N_("Open casus"), id="mirror.open"),
        Binding("r", "reopen", N_("Heropenen"), id="mirror.reopen"),
        Binding("escape", "back", N_("Terug"), id="mirror.back"),
        *[
            Binding(str(n), f"section('{table}')", title, show=False,
                    id=f"mirror.section_{n}")
            for n, (table, title) in enumerate(zip(TABLES, SECTIONS, strict=True), start=1)
        ],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.mirror: Mirror | None = None
        self._early_section: str | None = None  # 1-4 pressed before the first load: kept
        self._case_rows: dict[str, list[int]] = {key: [] for key in CASE_TABLES}

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        yield Static(_("Spiegel: uw caseload in één oogopslag"), id="mirror-title", markup=False)
        with VerticalScroll(id="mirror-body"):
            yield Static(_("Eigen last"), classes="mirror-heading", markup=False)
            yield Static(_(LOADING), id="mirror-own-text", markup=False)
            yield ListTable(id="mirror-own", cursor_type="row", zebra_stripes=True)
            yield Static(_("Kikker-radar: partners om aan te spreken"), classes="mirror-heading",
                         markup=False)
            yield Static("", id="mirror-radar-text", markup=False)
            yield ListTable(id="mirror-radar", cursor_type="row", zebra_stripes=True)
            yield Static("", id="mirror-radar-note", markup=False)
            yield Static(_("Petten-spiegel: notities per pet per week"), classes="mirror-heading",
                         markup=False)
            yield ListTable(id="mirror-hats", cursor_type="row", zebra_stripes=True)
            yield Static("", id="mirror-hats-warning", markup=False)
            yield Static(_("Nazorg"), classes="mirror-heading", markup=False)
            yield Static("", id="mirror-nazorg-text", markup=False)
            yield ListTable(id="mirror-nazorg", cursor_type="row", zebra_stripes=True)
        yield Static("", id="mirror-detail", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        own = self.query_one("#mirror-own", DataTable)
        own.add_column(_("Nummer"), width=10)
        own.add_column(_("Naam of alias"), width=28)
        own.add_column(_("Eigen acties"), width=12)
        own.add_column(_("Casusregisseur"), width=14)
        radar = self.query_one("#mirror-radar", DataTable)
        # narrow enough for 80 columns; the note below the table says it in full
        radar.add_column(_("Partner"), width=18)
        radar.add_column(_("Te laat"), width=7)
        radar.add_column(_("Geen terugk."), width=12)
        radar.add_column(_("Afwezig"), width=7)
        radar.add_column(_("Niet opg."), width=9)
        radar.add_column(_("Opschalen"), width=9)
        hats = self.query_one("#mirror-hats", DataTable)
        hats.add_column(_("Week"), width=14)
        for hat in Hat:
            hats.add_column(hat.label, width=max(6, len(hat.label)))
        hats.add_column(_("Zonder pet"), width=10)
        nazorg = self.query_one("#mirror-nazorg", DataTable)
        nazorg.add_column(_("Nummer"), width=10)
        nazorg.add_column(_("Naam of alias"), width=28)
        nazorg.add_column(_("Afgesloten"), width=10)
        nazorg.add_column(_("Nazorg tot"), width=10)
        nazorg.add_column(_("Signaal"), width=28)
        self.load()
        if hasattr(self.app, "projector"):  # projector mode: case names as initials, drawn afresh
            self.watch(self.app, "projector", self._projector_changed, init=False)

    def _projector_changed(self, _on: bool) -> None:
        if self.mirror is not None:
            self.show(self.mirror)

    def on_screen_resume(self) -> None:
        if self.mirror is not None:  # back from a dossier or a dialog: anything may have changed
            self.load()

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        if getattr(self.app, "profile", None) is not None and not self.app.profile.unlocked:
            return
        self._load(context.today())

    @workers.thread_worker(group=WORKER_GROUP, title=N_("De spiegel kon niet worden geladen"),
                           hint=N_("Druk Escape en open hem opnieuw."))
    def _load(self, today) -> MirrorLoaded:
        return MirrorLoaded(caseload.mirror(today))

    def on_mirror_loaded(self, message: MirrorLoaded) -> None:
        self.show(message.mirror)

    def show(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self._show_own(mirror)
        self._show_radar(mirror)
        self._show_hats(mirror)
        self._show_nazorg(mirror)
        self._show_detail()
        self.refresh_bindings()
        if self._early_section is not None:  # typed while loading: done once the tables are filled
            section, self._early_section = self._early_section, None
            self.call_after_refresh(self.action_section, section)

    @staticmethod
    def _fill(table: DataTable, rows: list[list[Text]]) -> None:
        keep = table.cursor_row
        table.clear()
        for row in rows:
            table.add_row(*row)
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1), animate=False)

    def _show_own(self, mirror: Mirror) -> None:
        own = mirror.own
        text = SafeText(own.text() + ".", style="bold")
        if own.advice():
            text.append("\n" + own.advice(), style="")
        self.query_one("#mirror-own-text", Static).update(text)
        table = self.query_one("#mirror-own", DataTable)
        self._case_rows["mirror-own"] = [row.case_id for row in own.cases]
        self._fill(table, [[cell(row.reference), cell(disclosure.case_name(row.title)),
                            cell(number(row.actions) if row.actions else "—"),
                            cell(_("eigen huis") if row.director else "—")] for row in own.cases])
        table.display = bool(own.cases)

    def _show_radar(self, mirror: Mirror) -> None:
        if mirror.radar:
            line = ngettext(
                "{n} partner om aan te spreken. Signalen: acties te laat, {days} dagen of langer geen "
                "terugkoppeling, {missed} keer op rij afwezig of afgemeld, niet opgepakt.",
                "{n} partners om aan te spreken. Signalen: acties te laat, {days} dagen of langer geen "
                "terugkoppeling, {missed} keer op rij afwezig of afgemeld, niet opgepakt.",
                mirror.to_address).format(n=number(mirror.to_address), days=caseload.FEEDBACK_SILENCE_DAYS,
                                          missed=caseload.MISSED_IN_A_ROW)
        else:
            line = _("Geen partner om aan te spreken: geen acties te laat of stil, niemand steeds afwezig.")
        if mirror.quiet_partners:
            line += " " + ngettext("{n} partner zonder signalen.", "{n} partners zonder signalen.",
                                   mirror.quiet_partners).format(n=number(mirror.quiet_partners))
        self.query_one("#mirror-radar-text", Static).update(line)
        table = self.query_one("#mirror-radar", DataTable)
        self._case_rows["mirror-radar"] = [p.case_ids[0] if p.case_ids else 0 for p in mirror.radar]
        self._fill(table, [[
            cell(p.name),
            cell(number(p.overdue) if p.overdue else "—"),
            cell(ngettext("{n} dgn", "{n} dgn", p.silent_days).format(n=number(p.silent_days))
                 if p.silent_actions else "—"),
            cell(f"{number(len(p.missed))}×" if p.missed_in_a_row else "—"),
            cell(f"{number(p.not_taken_up)}×" if p.not_taken_up else "—"),
            cell(_("ja") if p.pattern else _("nee"), "bold" if p.pattern else ""),
        ] for p in mirror.radar])
        table.display = bool(mirror.radar)
        self._show_radar_note()

    def _show_radar_note(self) -> None:
        note = self.query_one("#mirror-radar-note", Static)
        partner = self._selected_partner()
        if partner is None:
            note.update("")
            note.display = False
            return
        text = SafeText(partner.note(), style="bold")
        if partner.proposal():
            text.append("\n" + partner.proposal())
        note.update(text)
        note.display = True

    def _show_hats(self, mirror: Mirror) -> None:
        table = self.query_one("#mirror-hats", DataTable)
        self._fill(table, [[
            cell(week.label, "bold" if week.dominated else ""),
            *(cell(number(week.per_hat[h.value]) if week.per_hat[h.value] else "·") for h in Hat),
            cell(number(week.untagged) if week.untagged else "·"),
        ] for week in reversed(mirror.weeks)])  # this week on top
        warnings = [week.warning() for week in reversed(mirror.weeks) if week.dominated]
        box = self.query_one("#mirror-hats-warning", Static)
        if warnings:
            box.update(SafeText("\n".join(warnings), style="bold"))
        elif any(week.tagged for week in mirror.weeks):
            box.update(_("Geen week waarin de pet hulpverlening of casusregie de overhand had."))
        else:
            box.update(_("Nog geen notities met een pet in deze weken (n in het dossier: Notitie, "
                         "met een van de zes petten)."))

    def _show_nazorg(self, mirror: Mirror) -> None:
        text = self.query_one("#mirror-nazorg-text", Static)
        if mirror.nazorg:
            text.update(ngettext(
                "{n} afgesloten casus in nazorg; een signaal vanaf {days} dagen voor de nazorgdatum. "
                "r heropent de casus met een reden.",
                "{n} afgesloten casussen in nazorg; een signaal vanaf {days} dagen voor de nazorgdatum. "
                "r heropent de casus met een reden.",
                len(mirror.nazorg)).format(n=number(len(mirror.nazorg)), days=caseload.NAZORG_NEAR_DAYS))
        else:
            text.update(_("Geen afgesloten casussen in nazorg."))
        table = self.query_one("#mirror-nazorg", DataTable)
        self._case_rows["mirror-nazorg"] = [row.case_id for row in mirror.nazorg]
        self._fill(table, [[
            cell(row.reference), cell(disclosure.case_name(row.title)),
            cell(i18n.format_date(row.closed_on)), cell(i18n.format_date(row.watch_until)),
            cell(row.signal() or _("loopt"), "bold" if row.signal() else ""),
        ] for row in mirror.nazorg])
        table.display = bool(mirror.nazorg)

    # -- the row under the cursor -----------------------------------------------------------
    def _focused_table(self) -> DataTable | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) and focused.id in TABLES else None

    def selected_case_id(self) -> int | None:
        table = self._focused_table()
        if table is None or table.id not in CASE_TABLES:
            return None
        ids = self._case_rows.get(table.id or "", [])
        row = table.cursor_row
        if not ids or row is None or not 0 <= row < len(ids) or not ids[row]:
            return None
        return ids[row]

    def _selected_partner(self):
        if self.mirror is None or not self.mirror.radar:
            return None
        table = self.query_one("#mirror-radar", DataTable)
        row = table.cursor_row
        return self.mirror.radar[row] if row is not None and 0 <= row < len(self.mirror.radar) else None

    def _selected_nazorg(self):
        table = self._focused_table()
        if self.mirror is None or table is None or table.id != "mirror-nazorg":
            return None
        row = table.cursor_row
        return self.mirror.nazorg[row] if row is not None and 0 <= row < len(self.mirror.nazorg) else None

    def _show_detail(self) -> None:
        """The bottom line: the petten-spiegel of the selected case, or what the row is."""
        detail = self.query_one("#mirror-detail", Static)
        case_id = self.selected_case_id()
        if case_id is None or self.mirror is None:
            detail.update(_("Tab: volgende sectie · Enter: open de casus van de regel · "
                            "r: heropen een nazorgcasus"))
            return
        weeks = caseload.hat_weeks(self.mirror.today, case_id)
        reference = self._reference_of(case_id)
        detail.update(SafeText(_("Petten in casus {reference} (laatste {n} weken): {totals}").format(
            reference=reference, n=len(weeks), totals=caseload.hat_totals(weeks))))

    def _reference_of(self, case_id: int) -> str:
        assert self.mirror is not None
        for row in (*self.mirror.own.cases, *self.mirror.nazorg):
            if row.case_id == case_id:
                return row.reference
        for partner in self.mirror.radar:
            if case_id in partner.case_ids:
                return partner.case_refs[partner.case_ids.index(case_id)]
        return ""

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "mirror-radar":
            self._show_radar_note()
        self._show_detail()
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_case()

    # -- keys -------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "open_case" and self.selected_case_id() is None:
            return None
        if action == "reopen" and self._selected_nazorg() is None:
            return None
        return True

    def action_open_case(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            return
        from zvh_tui.screens.cases.dossier import DossierScreen

        self.app.push_screen(DossierScreen(case_id))

    def action_reopen(self) -> None:
        row = self._selected_nazorg()
        if row is None:
            return

        def save(reason: str) -> object:
            return caseload.reopen_case(row.case_id, reason)

        def done(ok: bool | None) -> None:
            if ok:
                self.notify(_("Casus {reference} heropend.").format(reference=row.reference), markup=False)
            self.load()

        self.app.push_screen(
            TextDialog(_("Casus {reference} heropenen").format(reference=row.reference),
                       _("Waarom wordt de casus heropend?"), save,
                       field="reopen_reason",
                       intro=_("Bijvoorbeeld een terugval of een nieuwe melding. De reden komt in het "
                               "journaal; de nazorgdatum en de bewaartermijn vervallen.")
                       ).keep_draft(f"reopen:{row.case_id}", case_id=row.case_id),
            done,
        )

    def action_section(self, table_id: str) -> None:
        """1-4: the cursor to a section's table (an empty one is hidden: its text comes into view).
        Pressed before the mirror has loaded, the jump waits for it (no key is lost)."""
        if self.mirror is None:
            self._early_section = table_id
            return
        table = self.query_one(f"#{table_id}", DataTable)
        if table.display:
            table.focus()
            # after the layout the focus may cause (a taller table): else it scrolls to where
            # the table was
            self.call_after_refresh(table.scroll_visible, animate=False)
        else:
            index = TABLES.index(table_id)
            self.query(".mirror-heading")[index].scroll_visible(animate=False, top=True)

    def action_back(self) -> None:
        self.dismiss(None)

