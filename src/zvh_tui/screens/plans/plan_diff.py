"""What changed between two versions of the plan van aanpak, to read aloud at a meeting.

`PlanDiffScreen(case_id)` compares the previous version with the newest; `new_plan_id` picks the
version to compare with its predecessor. Two selectors choose any two versions. The sentences
come from `plans.diff(old, new).lines()`: goals added or dropped, owners and deadlines moved,
statuses, afspraken, opgave, casusregisseur and evaluation date, numbered so they can be read
out one by one.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Select, Static

from zvh_tui.core import i18n
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.core.vocab import PlanStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import projector
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import disclosure
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.safe_text import SafeText


def version_label(plan: plans.Plan) -> str:
    if plan.adopted_on:
        return _("versie {version} · {status} op {date}").format(
            version=plan.version, status=PlanStatus.label_of(plan.status), date=i18n.format_date(plan.adopted_on))
    return _("versie {version} · {status}").format(version=plan.version, status=PlanStatus.label_of(plan.status))


class PlanDiffScreen(Screen[None]):
    """Two versions side by side in words: numbered sentences of what changed."""

    CSS_PATH = "plan_editor.tcss"

    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("plan_diff.swap", "plan_diff.back")
    BINDINGS = [
        Binding("escape", "back", N_("Terug"), id="plan_diff.back"),
        Binding("s", "swap", N_("Omwisselen"), id="plan_diff.swap"),
    ]

    def __init__(self, case_id: int, *, old_plan_id: int | None = None, new_plan_id: int | None = None) -> None:
        super().__init__()
        self.case_id = case_id
        self._old_id = old_plan_id
        self._new_id = new_plan_id
        self._versions: list[plans.Plan] = []

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        yield Static("", id="diff-title", markup=False)
        with Horizontal(id="diff-choose"):
            yield Label(_("Van"), classes="diff-label")
            yield Select([], id="diff-old", allow_blank=True, prompt=_("versie"))
            yield Label(_("naar"), classes="diff-label")
            yield Select([], id="diff-new", allow_blank=True, prompt=_("versie"))
        with VerticalScroll(id="diff-body"):
            yield Static("", id="diff-summary", markup=False)
            yield Static("", id="diff-lines", markup=False)
        yield Static(_("Tab: naar de keuze van de versies · s: omwisselen · Esc: terug"),
                     id="diff-hint", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        if hasattr(self.app, "projector"):  # projector mode on or off: the lines drawn again
            self.watch(self.app, "projector", lambda _on: self._show(), init=False)
        self._mount_versions()

    def _mount_versions(self) -> None:
        try:
            case = cases.get_case(self.case_id)
        except ZvhError as error:
            self.query_one("#diff-title", Static).update(Text(str(error)))
            return
        self._versions = plans.versions(case)
        self.query_one("#diff-title", Static).update(
            Text(_("Wat is er veranderd? · plan van aanpak · casus {reference}").format(reference=case.reference)))
        options = [(version_label(p), p.id) for p in self._versions]
        ids = [p.id for p in self._versions]
        new_id = self._new_id if self._new_id in ids else (ids[-1] if ids else None)
        old_id = self._old_id if self._old_id in ids else None
        if old_id is None and new_id is not None:
            index = ids.index(new_id)
            if index > 0:
                old_id = ids[index - 1]
            elif len(ids) > 1:  # the first version shown: compare it with the next
                old_id, new_id = new_id, ids[1]
        for selector, value in (("#diff-old", old_id), ("#diff-new", new_id)):
            select = self.query_one(selector, Select)
            select.set_options(options)
            if value is not None:
                select.value = value
        self._show()
        self.query_one("#diff-body").focus()

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        self._show()

    def _selected(self, selector: str) -> plans.Plan | None:
        value = self.query_one(selector, Select).value
        if value is Select.BLANK or value is None:
            return None
        return next((p for p in self._versions if p.id == value), None)

    def _show(self) -> None:
        summary = self.query_one("#diff-summary", Static)
        body = self.query_one("#diff-lines", Static)
        if len(self._versions) < 2:
            summary.update(Text(_("Er is nog maar één versie van het plan: er valt niets te vergelijken. "
                                  "Bijstellen maakt een nieuwe versie.")))
            body.update("")
            return
        old, new = self._selected("#diff-old"), self._selected("#diff-new")
        if old is None or new is None:
            summary.update(Text(_("Kies twee versies.")))
            body.update("")
            return
        if old.id == new.id:
            summary.update(Text(_("Kies twee verschillende versies.")))
            body.update("")
            return
        result = plans.diff(old, new)  # in the direction chosen: swapping swaps the sentences
        count = len(result.changes)
        changes = (_("geen wijzigingen.") if count == 0
                   else ngettext("{n} wijziging.", "{n} wijzigingen.", count).format(n=count))
        if old.version > new.version:
            wording = _("Van {old} naar {new} (terug naar de eerdere versie): {changes}")
        else:
            wording = _("Van {old} naar {new}: {changes}")
        summary.update(Text(wording.format(old=version_label(old), new=version_label(new), changes=changes),
                            style="bold"))
        lines = SafeText()  # stored text: control characters as symbols
        # On a projector the plan's free text shows the case's names as initials, and no
        # numbers that could be a BSN, phone or e-mail (disclosure.mask_text).
        names = projector.case_names(self.case_id) if disclosure.projecting() else ()
        for number, line in enumerate(result.lines() if count else [], start=1):
            lines.append(f"{number}. ", style="bold")
            lines.append(disclosure.mask_text(line, names) + "\n\n")
        body.update(lines)

    def action_swap(self) -> None:
        old_select = self.query_one("#diff-old", Select)
        new_select = self.query_one("#diff-new", Select)
        old_value, new_value = old_select.value, new_select.value
        if old_value is Select.BLANK or new_value is Select.BLANK:
            return
        old_select.value, new_select.value = new_value, old_value

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
