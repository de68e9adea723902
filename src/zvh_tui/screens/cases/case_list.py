"""Casussen: the regisseur's daily overview, the first screen after unlocking.

All cases load once in a thread worker (one aggregated query, `services.case_list.load_rows`);
before that query has run, the same worker shows the first screenful in the list's first order
(`first_rows`, a few indexed lookups at any size), so the list appears as soon as the screen
does (issue 16); the counts and filters follow with the whole list. After that every keystroke in the search and every filter change runs on the UI thread in a few
milliseconds: FTS5 gives the matching ids, the rows (sorted once per sort order) are filtered
in memory, and the table draws only the visible lines. Returning from a dossier refreshes that
one case at once; returning from another area keeps the rows on screen and reloads them in the
background. No garbage collection runs on the UI thread.
"""

from __future__ import annotations

import bisect
import gc
import shlex
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult, ScreenStackError
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from zvh_tui import workers
from zvh_tui.core.i18n import N_, _, tr
from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import case_list
from zvh_tui.services.cases.case_list import (
    COLUMN_LABELS,
    QUICK_FILTERS,
    SORTABLE,
    CaseRow,
    ListQuery,
    QuickFilter,
    Stats,
)
from zvh_tui.services.shared import disclosure
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.case_table import CaseTable
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.search_input import SearchInput
from zvh_tui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from zvh_tui.screens.cases.dossier import DossierScreen

WORKER_GROUP = "caselist"
EMPTY_TEXT = N_("Nog geen casussen. Druk op n voor een nieuwe aanmelding.")  # shown as _(EMPTY_TEXT)


def zvh_command(argv0: str | None = None) -> str:
    """The command as this user starts zvh: `zvh` when that is on the PATH, else the path it
    was started by (e.g. `.venv/bin/zvh`), so a hint can be typed as it stands."""
    path = sys.argv[0] if argv0 is None else argv0
    if Path(path).name != "zvh":
        return "zvh"
    found = shutil.which("zvh")
    if found and Path(found).resolve() == Path(path).resolve():
        return "zvh"
    return shlex.quote(path)


def demo_hint(argv0: str | None = None) -> str:
    """How to look around with demo data: in a throw-away profile, never in this one."""
    command = zvh_command(argv0)
    folder = shlex.quote(str(Path(tempfile.gettempdir()) / "zvh-demo"))
    return _(
        "Eerst rondkijken met verzonnen voorbeeldgegevens? Doe dat in een apart proefprofiel, "
        "niet in dit profiel: sluit af met Ctrl+Q en typ {command} demo --data-dir {folder} "
        "en daarna {command} --data-dir {folder}"
    ).format(command=command, folder=folder)


NO_MATCH_TEXT = N_("Geen casussen gevonden met deze zoekterm en filters. Druk 0 om alle filters te wissen.")
LOADING_TEXT = N_("Casussen laden…")  # shown as _(LOADING_TEXT)
FIRST_FRAME_WAIT = 1.0  # seconds the whole list waits at most for the first screenful's frame


class CaseListScreen(Screen[None]):
    """One row per case; `/` searches, f/1-6/a filter, s/S sort, Enter opens the dossier."""

    CSS_PATH = "case_list.tcss"
    AUTO_FOCUS = "CaseTable"

    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("cases.open", "cases.search", "cases.new_case", "cases.phase_filter")
    BINDINGS = [
        Binding("slash", "search", N_("Zoeken"), id="cases.search"),
        Binding("n", "new_case", N_("Nieuw"), id="cases.new_case"),
        Binding("f", "phase_filter", N_("Fase"), id="cases.phase_filter"),
        Binding("a", "toggle_closed", N_("Afgesloten"), id="cases.toggle_closed"),
        Binding("s", "sort", N_("Sorteren"), id="cases.sort"),
        Binding("S", "reverse", N_("Sortering omdraaien"), show=False, id="cases.reverse"),
        Binding("1", "quick('overdue')", N_("Filter: acties te laat"), show=False, id="cases.quick_1"),
        Binding("2", "quick('no_director')", N_("Filter: geen casusregisseur"), show=False,
                id="cases.quick_2"),
        Binding("3", "quick('no_plan')", N_("Filter: geen vastgesteld plan"), show=False,
                id="cases.quick_3"),
        Binding("4", "quick('stagnating')", N_("Filter: stilstand"), show=False, id="cases.quick_4"),
        Binding("5", "quick('informed_review')", N_("Filter: heroverweeg informeren"), show=False,
                id="cases.quick_5"),
        Binding("6", "quick('retention_passed')", N_("Filter: bewaartermijn verlopen"), show=False,
                id="cases.quick_6"),
        Binding("0", "clear_filters", N_("Alle filters wissen"), show=False, id="cases.clear"),
        Binding("r", "reload", N_("Lijst verversen"), show=False, id="cases.reload"),
        Binding("m", "mirror", N_("Spiegel"), show=False, id="cases.mirror"),
    ]

    @workers.message
    class RowsLoaded(Message):
        rows: list[CaseRow]
        select_id: int | None
        load: int = 0  # which load (a later one makes this one stale)

    @workers.message
    class FirstRowsLoaded(Message):
        """The first screenful, while the whole list is still being aggregated."""

        rows: list[CaseRow]
        load: int = 0

    @workers.message
    class MirrorLine(Message):
        text: str

    def __init__(self) -> None:
        super().__init__()
        self.query_state = ListQuery()
        self._rows: list[CaseRow] | None = None  # every case, reference order
        self._sorted: list[CaseRow] = []
        self._sorted_for: tuple[str, bool] | None = None
        self._search: tuple[str, set[int] | None] = ("", None)
        self._stats: Stats | None = None
        self._returning_id: int | None = None
        self._dossier: DossierScreen | None = None
        self._audited_search = ""  # the last search written to the audit log
        self._in_menu = False  # the sort menu is open over the list
        self._loads = 0  # loads started: a result of an earlier one is dropped
        self._first_shown = False  # the first screenful shows, the whole list not yet
        self._first_drawn = threading.Event()  # its frame is drawn: the rest may load now
        # For the benchmark: when the list was last redrawn after a change of query or data.
        self.refreshed_at = 0.0
        self.refresh_count = 0

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Horizontal(id="case-search-bar"):
            yield Static(_("Casussen"), id="case-title", markup=False)
            yield Static(_("Zoeken:"), id="case-search-label", markup=False)
            yield SearchInput(placeholder=_("/ nummer, naam of aanleiding"), id="case-search")
            yield TextLine(_(LOADING_TEXT), id="case-count")
        yield TextLine("", id="case-filters")
        yield TextLine("", id="case-state")
        yield TextLine("", id="case-mirror")  # the Spiegel in one line (m opens it)
        yield CaseTable(id="case-table")
        yield TextLine(_(LOADING_TEXT), id="case-empty")
        yield TextLine("", id="case-detail")
        yield QuickFooter()

    def on_mount(self) -> None:
        self.query_one(CaseTable).display = False
        # A keystroke in the search applies at once, in the same frame as the field's own
        # change (the Changed message would come a turn of the loop, and often a frame, later).
        self.watch(self.query_one("#case-search", Input), "value", self._search_value, init=False)
        self.load()
        if hasattr(self.app, "projector"):  # projector mode: names as initials, drawn afresh
            self.watch(self.app, "projector", self._projector_changed, init=False)

    def _projector_changed(self, _on: bool) -> None:
        table = self.query_one(CaseTable)
        table.redraw()
        self._show_detail(table.current)

    def on_screen_resume(self) -> None:
        if self._rows is None:
            return
        if self._in_menu:  # back from the sort menu: nothing changed
            self._in_menu = False
            return
        if self._returning_id is not None:
            # Back from a dossier (or a new aanmelding): only that case can have changed.
            self.refresh_case(self._returning_id)
            self._returning_id = None
        else:  # back from another area (mode), which may have changed any case
            self.load()

    # -- loading ----------------------------------------------------------------------------
    @property
    def stagnation_days(self) -> int:
        return int(self.app.profile.settings.stagnation_days)

    def load(self, select_id: int | None = None) -> None:
        if not self.app.profile.unlocked:
            return
        self._loads += 1
        # The first screenful first, only while nothing shows yet and the list would show it.
        first = 0
        if self._rows is None and case_list.is_first_order(self.query_state):
            first = max(self.app.size.height, 40)
        self._load_rows(self._loads, select_id, self.stagnation_days,
                        self.app.profile.settings.minutes_terms(), first)

    @workers.thread_worker(group=WORKER_GROUP, title=N_("De casussen konden niet worden geladen"),
                           hint=N_("Druk r om het opnieuw te proberen."))
    def _load_rows(self, load: int, select_id: int | None, stagnation_days: int,
                   terms: dict[str, int], first: int) -> RowsLoaded:
        if first:
            rows = case_list.first_rows(first, stagnation_days=stagnation_days, minutes_terms=terms)
            self._first_drawn.clear()
            workers.post(self, self.app, self.FirstRowsLoaded(rows, load))
            # Building 10,000 rows holds the interpreter: only once the first frame is drawn.
            self._first_drawn.wait(FIRST_FRAME_WAIT)
        return self.RowsLoaded(case_list.load_rows(stagnation_days=stagnation_days, minutes_terms=terms),
                               select_id, load)

    def on_case_list_screen_first_rows_loaded(self, message: FirstRowsLoaded) -> None:
        """Show the first screenful (Volgende, soonest first) until the whole list is there;
        the count says it is still loading. A search or filter typed meanwhile waits for it."""
        if (message.load != self._loads or self._rows is not None or not message.rows
                or not case_list.is_first_order(self.query_state)):
            self._first_drawn.set()
            return
        q = self.query_state
        table = self.query_one(CaseTable)
        table.set_sort(q.sort, q.descending)
        table.set_rows(message.rows)
        self.query_one("#case-empty", TextLine).display = False
        table.display = True
        if self.focused is None and self.is_current:
            table.focus()
        self._first_shown = True
        self._show_detail(table.current)
        self.refresh_count += 1
        self.call_after_refresh(self._first_frame_drawn)

    def _first_frame_drawn(self) -> None:
        self._mark_refreshed()
        self._first_drawn.set()

    def on_case_list_screen_rows_loaded(self, message: RowsLoaded) -> None:
        if message.load != self._loads:
            return  # a later load is under way; its rows come next
        select_id = message.select_id
        if select_id is None and self._first_shown:  # the cursor stays where it was moved to
            current = self.query_one(CaseTable).current
            select_id = current.id if current is not None else None
        self._first_shown = False
        self.set_rows(message.rows, select_id)
        # The rows live until the next load: keep the garbage collector from walking through
        # them (and everything else alive now) again and again; a full collection over 10,000
        # rows would stall a keystroke or the opening of a dossier. Freezing is cheap; rows
        # replaced later are freed by their reference counts (they hold no cycles), and
        # `on_unmount` unfreezes. Never `gc.collect()` here: on the UI thread it stalls a key.
        gc.freeze()

    def set_rows(self, rows: list[CaseRow], select_id: int | None = None) -> None:
        self._rows = rows
        self._sorted_for = None
        self._stats = case_list.stats(rows)
        self._load_mirror_line()
        self._search = ("\0", None)  # the index may have changed: search again
        self.apply(keep_id=select_id)

    def refresh_case(self, case_id: int) -> None:
        """Re-read one case (a few ms) and put it in place, e.g. after its dossier closed.

        Only that row changes: it is replaced where it stands (the reference order and the
        sorted order are kept unless its place in them changed), and the counts are corrected
        for it; the other rows are not touched (issue 16: F2 back within 50 ms)."""
        if self._rows is None:
            return
        fresh = case_list.load_rows(stagnation_days=self.stagnation_days, case_ids=[case_id],
                                    minutes_terms=self.app.profile.settings.minutes_terms())
        new = fresh[0] if fresh else None
        old_index = next((i for i, r in enumerate(self._rows) if r.id == case_id), None)
        old = self._rows[old_index] if old_index is not None else None
        if old is None and new is None:
            return
        if old is not None and new is not None and old.reference == new.reference:
            self._rows[old_index] = new
        else:
            rows = [r for r in self._rows if r.id != case_id]
            if new is not None:
                bisect.insort(rows, new, key=lambda r: r.reference)
            self._rows = rows
        self._stats = case_list.stats_changed(self._stats, old, new) if self._stats else case_list.stats(self._rows)
        self._replace_sorted(old, new)
        self._load_mirror_line()  # in the background, as after a whole load
        self._search = ("\0", None)  # the index may have changed: search again
        self.apply(keep_id=case_id if new is not None else None)

    def _replace_sorted(self, old: CaseRow | None, new: CaseRow | None) -> None:
        """The changed row in the sorted rows: in its place when its sort key is the same."""
        if self._sorted_for is None:
            return
        if old is not None and new is not None:
            for i, row in enumerate(self._sorted):
                if row.id == old.id:
                    if case_list.same_place(old, new, self._sorted_for[0]):
                        self._sorted[i] = new
                        return
                    break
        self._sorted_for = None  # sorted again at the next apply (a few ms)

    def action_reload(self) -> None:
        self.load()

    # -- the Spiegel's line (services/cases/caseload.py; screens/cases/caseload.py) ---------
    @workers.thread_worker(group="caselist-mirror", title=N_("De spiegel kon niet worden geladen"))
    def _load_mirror_line(self) -> MirrorLine:
        from zvh_tui.services.cases import caseload

        return self.MirrorLine(caseload.summary())

    def on_case_list_screen_mirror_line(self, message: MirrorLine) -> None:
        line = self.query_one("#case-mirror", TextLine)
        line.set(Text(_("m Spiegel: {summary}").format(summary=message.text) if message.text else ""))
        line.display = bool(message.text)

    def action_mirror(self) -> None:
        """m: the caseload mirror (eigen last, kikker-radar, petten-spiegel, nazorg)."""
        from zvh_tui.screens.cases.caseload import CaseloadScreen

        self.app.push_screen(CaseloadScreen())

    # -- the query --------------------------------------------------------------------------
    def _ids(self) -> set[int] | None:
        text = self.query_state.text
        if self._search[0] != text:
            self._search = (text, case_list.search_ids(text) if text.strip() else None)
        return self._search[1]

    def apply(self, keep_id: int | None = None) -> None:
        """Search, filter and sort the loaded rows and show them (fast: see the module doc)."""
        if self._rows is None:
            return
        q = self.query_state
        if self._sorted_for != (q.sort, q.descending):
            self._sorted = case_list.sort_rows(self._rows, q.sort, q.descending)
            self._sorted_for = (q.sort, q.descending)
        visible = case_list.filter_rows(self._sorted, q, self._ids())
        table = self.query_one(CaseTable)
        table.set_sort(q.sort, q.descending)
        table.set_rows(visible, keep_id)
        self._show_counts(len(visible))
        self._show_state()
        self._show_detail(table.current)
        self.refresh_count += 1
        self.call_after_refresh(self._mark_refreshed)

    def _mark_refreshed(self) -> None:
        self.refreshed_at = time.perf_counter()

    def _show_counts(self, count: int) -> None:
        total = len(self._rows or [])
        empty = self.query_one("#case-empty", TextLine)
        table = self.query_one(CaseTable)
        if total == 0:
            empty.set(f"{_(EMPTY_TEXT)}\n\n{demo_hint()}")
        elif count == 0:
            empty.set(_(NO_MATCH_TEXT))
        if empty.display != (count == 0):
            empty.display = count == 0
        if table.display != (count > 0):
            table.display = count > 0
        if count > 0 and self.focused is None and self.is_current:
            table.focus()  # hiding the empty table took the cursor away
        self.query_one("#case-count", TextLine).set(case_list.count_text(count, total))

    def _show_state(self) -> None:
        q = self.query_state
        stats = self._stats
        line = Text()
        for n, quick in enumerate(QUICK_FILTERS, start=1):
            on_ = quick in q.quick
            count = stats.per_filter[quick] if stats else 0
            label = f" {n} {quick.label} ({case_list.number(count)}) "
            line.append("[x]" if on_ else "[ ]", style="bold" if on_ else "")
            line.append(label, style="reverse bold" if on_ else "")
        self.query_one("#case-filters", TextLine).set(line)
        phase = Phase.label_of(q.phase) if q.phase else _("alle")
        arrow = _("aflopend") if q.descending else _("oplopend")
        closed = _("getoond") if q.shows_closed() else _("verborgen")
        state = Text(_(
            "f Fase: {phase}   s Sortering: {column} ({direction}; S draait om)   "
            "a Afgesloten: {closed}   0 wist filters"
        ).format(phase=phase, column=tr(COLUMN_LABELS[q.sort]), direction=arrow, closed=closed))
        self.query_one("#case-state", TextLine).set(state)

    def _show_detail(self, row: CaseRow | None) -> None:
        detail = self.query_one("#case-detail", TextLine)
        if row is None:
            detail.set("")
            return
        text = Text(visible(f"{row.reference}  {disclosure.case_name(row.title)}"))  # stored text: controls as symbols
        text.append("  ·  " + visible(_("casusregisseur: {name}").format(name=row.director or _("geen"))))
        if row.badges:
            text.append("  ·  " + ", ".join(tr(badge) for badge in row.badges), style="bold")
        detail.set(text)

    @on(CaseTable.Highlighted)
    def _highlighted(self, event: CaseTable.Highlighted) -> None:
        self._show_detail(event.row)

    # -- search -----------------------------------------------------------------------------
    def action_search(self) -> None:
        # At once, not on the next turn of the loop (`focus()`): letters typed right after `/`
        # must land in the search.
        self.set_focus(self.query_one("#case-search", Input))

    @on(CaseTable.TypeAhead)
    def _type_ahead(self, event: CaseTable.TypeAhead) -> None:
        search = self.query_one("#case-search", Input)
        if self.focused is not search:
            self.set_focus(search)
        if event.text == "":
            return
        if event.text == "\n":
            self._search_done(None)
            return
        if event.text == "\b":
            search.action_delete_left()
        else:
            search.insert_text_at_cursor(event.text)
        # Applied already: `_search_value` watches the field's value (now, not a turn later).

    def _search_value(self, value: str) -> None:
        if value != self.query_state.text:
            self.query_state.text = value
            self.apply()

    @on(Input.Changed, "#case-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != event.input.value:
            return  # a late message about an earlier value (keys typed ahead were applied already)
        if event.value != self.query_state.text:
            self.query_state.text = event.value
            self.apply()

    @on(Input.Submitted, "#case-search")
    def _search_done(self, event: Input.Submitted | None) -> None:
        """Enter in the search opens the case under the cursor (the top one): `/`, a few
        letters, Enter. Escape or ↓ go to the list instead."""
        table = self.query_one(CaseTable)
        self.set_focus(table)
        self._audit_search()
        if table.current is not None:
            self.open_case(table.current.id)

    def _audit_search(self) -> None:
        """A search is logged once it is finished (leaving the field), not per keystroke."""
        text = self.query_state.text.strip()
        if text and text != self._audited_search:
            self._audited_search = text
            case_list.record_search(len(self.query_one(CaseTable).rows))

    def on_key(self, event) -> None:  # textual.events.Key
        search = self.query_one("#case-search", Input)
        if event.key in ("escape", "down") and self.focused is search:
            event.stop()
            self.set_focus(self.query_one(CaseTable))  # at once: the next key is for the list
            self._audit_search()

    # -- filters and sorting ----------------------------------------------------------------
    def action_phase_filter(self) -> None:
        self.query_state.phase = case_list.next_phase_filter(self.query_state.phase)
        self.apply()

    def action_quick(self, code: str) -> None:
        quick = QuickFilter(code)
        self.query_state.quick ^= {quick}
        self.apply()

    def action_toggle_closed(self) -> None:
        self.query_state.show_closed = not self.query_state.show_closed
        self.apply()

    def action_sort(self) -> None:
        """s: a short menu of the columns, each with its letter (`s l` sorts on Laat)."""
        from zvh_tui.widgets.dialogs import ChoiceDialog

        menu = case_list.sort_menu()
        current = SORTABLE.index(self.query_state.sort)

        def chosen(code: str | None) -> None:
            if code is not None:
                self.sort_by(code)

        self._in_menu = True
        self.app.push_screen(
            ChoiceDialog(_("Sorteren op"), _("Typ de letter van een kolom, of kies met de pijltjes "
                                             "en Enter. S draait de volgorde om."),
                         [(label, code) for _key, label, code in menu],
                         keys=[key for key, _label, _code in menu], highlight=current,
                         hint=_("Letter of Enter: sorteren · Escape: niets veranderen")),
            chosen)

    def sort_by(self, code: str) -> None:
        """Sort on this column, in its first direction (worst first where that means something)."""
        q = self.query_state
        q.sort = code
        q.descending = case_list.default_descending(code)
        self.apply()

    def action_reverse(self) -> None:
        self.query_state.descending = not self.query_state.descending
        self.apply()

    def action_clear_filters(self) -> None:
        q = self.query_state
        q.phase, q.quick, q.show_closed = None, set(), False
        search = self.query_one("#case-search", Input)
        if search.value:
            search.value = ""  # posts Changed, which applies
            q.text = ""
        self.apply()

    # -- opening ----------------------------------------------------------------------------
    @on(CaseTable.Selected)
    def _open(self, event: CaseTable.Selected) -> None:
        self.open_case(event.case_id)

    def open_case(self, case_id: int) -> None:
        """Show the dossier. One DossierScreen is made once and then reused (installed, so
        Textual keeps it when it is closed): building a new screen costs 3-4 times more than
        filling the existing one, and opening must stay under 100 ms."""
        from zvh_tui.screens.cases.dossier import DossierScreen

        self._returning_id = case_id
        if self._dossier is None:
            self._dossier = DossierScreen(case_id)
            self.app.install_screen(self._dossier, f"dossier-{id(self)}")
        elif not self._dossier.show_case(case_id):
            return  # the case is gone; the dossier said so
        self.app.push_screen(self._dossier)

    def on_unmount(self) -> None:
        """Leaving for good (lock, quit): drop the rows, and the reused dossier goes too."""
        self._rows, self._sorted = None, []
        self._first_drawn.set()  # a worker still waiting for the first frame goes on
        gc.unfreeze()  # everything frozen at the last load may be collected again
        dossier, self._dossier = self._dossier, None
        if dossier is None:
            return
        try:
            self.app.uninstall_screen(dossier)
        except ScreenStackError:
            return  # still in a stack: Textual removes it with that stack
        if dossier.is_attached:
            dossier.remove()

    def action_new_case(self) -> None:
        from zvh_tui.screens.cases.new_case import NewCaseScreen

        def created(case_id: int | None) -> None:
            if case_id is not None:
                self.refresh_case(case_id)  # the new case appears at once, with the cursor on it

        self.app.push_screen(NewCaseScreen(), created)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("sort", "reverse", "phase_filter", "quick", "toggle_closed", "search",
                      "clear_filters") and self._rows is not None and not self._rows:
            return None  # greyed while there are no cases (while loading they work already)
        return True
