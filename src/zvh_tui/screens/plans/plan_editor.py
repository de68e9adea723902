"""The plan van aanpak of one case, written and kept up by keyboard: `PlanEditorScreen(case_id)`.

The plan is an outline (screens/plans/plan_outline.py): gezamenlijke opgave, the client's view,
each partner's perspective, krachten en zorgen per leefgebied, goals with their actions,
afspraken, casusregisseur and evaluation date. Enter edits the selected line in place; the quick
entry line at the bottom (`a` or `+`) adds an action the way people say it in a meeting
(`huisbezoek plannen @wijkteam vr`, services/plans/quick_entry.py). The checklist beside the outline
shows what still blocks *vaststellen*, after every change.

Never lose a keystroke: what is typed is saved while typing (300 ms after the last key), when the
field is left or submitted, when the screen is left or suspended and when the app quits or locks.
A half-typed line in the quick entry is kept as a draft ("plan_quick:<case id>",
widgets/drafts.py) and is back in the line when the plan is opened again after a lock or a kill.
There is no save key and no "save changes?" question; "Opgeslagen" shows briefly. `u` / Ctrl+Z
takes back the changes of this editing session one by one, `U` / Ctrl+Y redoes them
(services/plans/plan_undo.py). An adopted version is read-only except the
monitoring of its actions (status and terugkoppeling); a refused change says why.

All rules live in services/plans/versions.py; this screen shows them and sends the user's intent there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from zvh_tui import workers
from zvh_tui.core import i18n
from zvh_tui.core.errors import RuleError, ZvhError
from zvh_tui.core.i18n import N_, _, tr
from zvh_tui.core.vocab import ActionStatus, LifeDomain, Phase, PlanStatus
from zvh_tui.screens.plans.plan_dialogs import OwnerChoice, OwnerDialog, PlanConfirm
from zvh_tui.screens.plans.plan_line_editor import EditField, PlanLineEditor
from zvh_tui.screens.plans.plan_outline import PlanOutline, RowKey
from zvh_tui.screens.plans.plan_rows import Projected, day_text, outline_rows
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.meetings import projector
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import plan_export, plan_undo, quick_entry
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.plans.plan_export import PlanView
from zvh_tui.services.shared import context, dates, disclosure
from zvh_tui.widgets.dialogs import ChoiceDialog, ConfirmDialog, language_dialog
from zvh_tui.widgets.drafts import DraftForm
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.safe_text import SafeText

SAVE_DELAY = 0.3  # seconds after the last key before what is typed is saved
SAVED_SHOWN = 2.0  # seconds "Opgeslagen" stays visible
STATUS_CYCLE = [s.value for s in ActionStatus]  # open → bezig → gereed → vervallen → open
QUICK_PLACEHOLDER = N_("Nieuwe actie (a): huisbezoek plannen @wijkteam vr  ·  uitkering regelen @gemeente/Jansen +2w")

MOVABLE = ("goal", "action", "agreement")
DELETABLE = ("goal", "action", "agreement")
# Keys that write in the version itself: greyed at once on an adopted or superseded version
# (issue 11.10), not refused after typing. Status and terugkoppeling (monitoring) stay.
WRITING_ACTIONS = ("quick_entry", "add_goal", "add_agreement", "owner", "life_domain", "move",
                   "delete", "accept_nobody")


class PreviewLine(Widget):
    """One line of text that repaints without a new layout (it changes on every key)."""

    DEFAULT_CSS = "PreviewLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def show(self, text: Text | str) -> None:
        self._text = text if isinstance(text, Text) else SafeText(text)
        self.refresh()

    @property
    def text(self) -> str:
        return self._text.plain

    def render(self) -> Text:
        return self._text


@dataclass
class EditSession:
    """One edit in place: what was there, what is typed, what has been saved."""

    kind: str  # shared_task, client_view, perspective, assessment, goal, action, agreement, evaluation
    key: RowKey  # the outline line it replaces
    target_id: int | str | None  # row id, partner id, leefgebied code; None: a new row not yet stored
    label: str  # for undo: "de gezamenlijke opgave" (marked N_(), shown with _())
    original: dict[str, str]
    live: dict[str, bool]
    current: dict[str, str] = field(default_factory=dict)
    saved: dict[str, str] = field(default_factory=dict)
    remembered: bool = False  # the undo snapshot for this edit has been taken

    def __post_init__(self) -> None:
        self.current = dict(self.original)
        self.saved = dict(self.original)


class PlanEditorScreen(DraftForm, Screen[None]):
    """Plan van aanpak: outline, quick entry, the adoption checklist, versions, diff and export."""

    CSS_PATH = "plan_editor.tcss"
    DRAFT_FIELDS = ("quick-entry",)  # a half-typed action (the outline saves its own edits)

    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("plan.edit", "plan.quick_entry", "plan.status", "plan.adopt")
    BINDINGS = [
        Binding("enter", "edit", N_("Bewerken"), id="plan.edit"),
        Binding("a,plus", "quick_entry", N_("Actie"), id="plan.quick_entry"),
        Binding("space,s", "cycle_status", N_("Status"), id="plan.status"),
        Binding("u,ctrl+z", "undo", N_("Ongedaan"), id="plan.undo"),
        Binding("U,shift+u,ctrl+y", "redo", N_("Opnieuw"), show=False, id="plan.redo"),
        Binding("v", "adopt", N_("Vaststellen"), id="plan.adopt"),
        Binding("g", "add_goal", N_("Doel toevoegen"), show=False, id="plan.add_goal"),
        Binding("A,shift+a", "add_agreement", N_("Afspraak toevoegen"), show=False, id="plan.add_agreement"),
        Binding("o", "owner", N_("Eigenaar of partner kiezen"), show=False, id="plan.owner"),
        Binding("d", "edit_field('deadline')", N_("Deadline"), show=False, id="plan.deadline"),
        Binding("t", "edit_field('feedback')", N_("Terugkoppeling"), show=False, id="plan.feedback"),
        Binding("n", "accept_nobody", N_("Niemands taak accepteren"), show=False, id="plan.accept_nobody"),
        Binding("l", "life_domain", N_("Leefgebied kiezen"), show=False, id="plan.life_domain"),
        Binding("shift+up,K", "move(-1)", N_("Verplaats omhoog"), show=False, id="plan.move_up"),
        Binding("shift+down,J", "move(1)", N_("Verplaats omlaag"), show=False, id="plan.move_down"),
        Binding("delete,x", "delete", N_("Verwijderen"), show=False, id="plan.delete"),
        Binding("b", "revise", N_("Bijstellen"), show=False, id="plan.revise"),
        Binding("w", "versions", N_("Versie kiezen"), show=False, id="plan.versions"),
        Binding("c", "diff", N_("Vergelijken"), show=False, id="plan.diff"),
        Binding("e", "export", N_("Exporteren"), show=False, id="plan.export"),
        Binding("escape", "back", N_("Terug"), show=False, id="plan.back"),
    ]

    def __init__(self, case_id: int, plan_id: int | None = None) -> None:
        super().__init__()
        self.case_id = case_id
        self._plan_id = plan_id
        self.case: plans.Case | None = None
        self.plan: plans.Plan | None = None
        self.view: PlanView | None = None
        self.undo = plan_undo.UndoHistory()
        self._session: EditSession | None = None
        self._editor: PlanLineEditor | None = None
        self._save_timer: Timer | None = None
        self._saved_timer: Timer | None = None
        self._candidates: list[quick_entry.Candidate] = []
        self._goal_of_action: dict[int, int | None] = {}
        self._version_count = 0
        self._is_newest = False
        self._binding_state: tuple[object, ...] = ()
        # Read again on a resume only after a suspend: the ScreenResume of the push itself comes
        # right after on_mount has read the plan (issue 16: the editor loaded its data twice).
        self._stale = False

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Horizontal(id="plan-title-bar"):
            yield Static("", id="plan-title", markup=False)
            yield Static("", id="plan-saved", markup=False)
        with Horizontal(id="plan-body"):
            yield PlanOutline(id="plan-outline")
            with VerticalScroll(id="plan-side"):
                yield Static("", id="plan-state", markup=False)
                yield Static("", id="plan-checklist", markup=False)
                yield Static("", id="plan-breda", markup=False)
                yield Static("", id="plan-detail", markup=False)
        with Vertical(id="plan-quick"):
            yield Input(placeholder=_(QUICK_PLACEHOLDER), id="quick-entry", select_on_focus=False)
            yield PreviewLine(id="quick-preview")
        yield QuickFooter()

    @property
    def outline(self) -> PlanOutline:
        return self.query_one("#plan-outline", PlanOutline)

    @property
    def quick(self) -> Input:
        return self.query_one("#quick-entry", Input)

    def on_mount(self) -> None:
        try:
            self.case = cases.get_case(self.case_id)
            if self._plan_id is not None:
                self.plan = plans.get_plan(self._plan_id)
            else:
                self.plan = plans.current(self.case) or plans.start_plan(self.case)
        except ZvhError as error:
            self.query_one("#plan-title", Static).update(Text(str(error)))
            self.quick.disabled = True
            return
        self._candidates = quick_entry.candidates_for(self.case)
        self.refresh_plan()
        self.set_focus(self.outline)
        if hasattr(self.app, "projector"):  # projector mode: draw the outline again
            self.watch(self.app, "projector", self._projector_changed, init=False)

    def draft_key(self) -> str | None:
        """One quick line per case, in the editor of its current plan (not of a chosen version)."""
        return f"plan_quick:{self.case_id}" if self._plan_id is None else None

    def draft_case_id(self) -> int | None:
        return self.case_id

    def on_screen_resume(self) -> None:
        if not self._stale:  # the push's own resume: on_mount has just read the plan
            return
        self._stale = False
        if self.plan is not None and self.case is not None and self._session is None:
            self.case = cases.get_case(self.case_id, audit_view=False)
            self._candidates = quick_entry.candidates_for(self.case)
            self.refresh_plan()

    def on_screen_suspend(self) -> None:
        self._stale = True  # a dialog or another screen on top: the plan may change meanwhile
        self._flush()

    def on_unmount(self) -> None:
        """Leaving, locking or quitting: what is still being typed is saved."""
        self._flush(final=True)

    # -- showing the plan -------------------------------------------------------------------
    def refresh_plan(self, select: RowKey | None = None) -> None:
        if self.plan is None:
            return
        self.plan = plans.get_plan(self.plan.id)
        self.case = self.plan.case
        self.view = plan_export.read_plan(self.plan, with_empty=True)
        self._goal_of_action = {
            item.action.id: item.action.goal_id for goal in self.view.goals for item in goal.actions
        }
        all_versions = plans.versions(self.case)
        self._version_count = len(all_versions)
        self._is_newest = bool(all_versions) and all_versions[-1].id == self.plan.id
        self.outline.set_rows(outline_rows(self.view, self.read_only, projected=self._projected()), select)
        self.quick.disabled = self.read_only  # no new actions in an adopted version (b: bijstellen)
        self._refresh_title()
        self._refresh_side()
        self._update_bindings()

    def _projected(self) -> Projected | None:
        """On a projector: the case's names to mask and the partners at the table (None: off)."""
        if not disclosure.projecting():
            return None
        return Projected(names=projector.case_names(self.case_id),
                         present=projector.present_for_case(self.case_id))

    def _projector_changed(self, _on: bool) -> None:
        if self.plan is not None and self._session is None:
            self.refresh_plan(self.outline.selected_key)

    @property
    def read_only(self) -> bool:
        return self.plan is None or self.plan.status != PlanStatus.CONCEPT.value

    def _refresh_title(self) -> None:
        assert self.plan is not None and self.case is not None
        title = _("Plan van aanpak · casus {reference} · {status}").format(
            reference=self.case.reference, status=plans.status_label(self.plan))
        if self.plan.adopted_on:
            title += " " + _("op {date}").format(date=i18n.format_date(self.plan.adopted_on))
        if self.plan.superseded:
            title += " · " + _("vervangen door een nieuwere versie")
        self.query_one("#plan-title", Static).update(Text(title))

    def _refresh_side(self) -> None:
        assert self.plan is not None and self.view is not None
        state = self.query_one("#plan-state", Static)
        checklist = self.query_one("#plan-checklist", Static)
        breda = self.query_one("#plan-breda", Static)
        if self.read_only:
            status = PlanStatus.label_of(self.plan.status)
            if self.plan.superseded:
                wording = _("Versie {version} is {status} en vervangen door een nieuwere versie. Alleen lezen.")
            else:
                wording = _("Versie {version} is {status}. Doelen, acties en afspraken liggen vast; status "
                            "(spatie) en terugkoppeling (t) van acties kunnen nog. Bijstellen (b) maakt een "
                            "nieuwe versie.")
            text = Text(wording.format(version=self.plan.version, status=status), style="bold")
            state.update(text)
            checklist.update("")
        else:
            state.update(Text(_("Concept, versie {version}: wordt opgeslagen terwijl u typt.").format(
                version=self.plan.version), style="bold"))
            blockers = plans.adoption_blockers(self.plan)
            lines = SafeText()  # blockers may name stored text
            if blockers:
                lines.append(_("Nog nodig om vast te stellen:") + "\n", style="bold")
                for blocker in blockers:
                    lines.append("✗ ", style="bold")
                    lines.append(blocker.line + "\n")
            else:
                lines.append("✓ " + _("Alles is klaar: vaststellen met v."), style="bold")
            slices = plans.taartpunten(self.plan)  # named, not blocking: adopting asks to accept them
            if slices:
                lines.append("\n" + _("Let op bij vaststellen:") + "\n", style="bold")
                for line in slices:
                    lines.append(f"! {line}\n")
            checklist.update(lines)
        if not self.view.director:
            text = Text(_("Geen casusregisseur") + "\n", style="bold reverse")
            text.append(tr(cases.DIRECTOR_QUESTION))
            text.append("\n" + _("(Enter op 'Casusregisseur' kiest er een.)"), style="italic")
            breda.update(text)
            breda.display = True
        else:
            breda.update("")
            breda.display = False
        self._refresh_detail()

    def _refresh_detail(self) -> None:
        kind = self._kind()
        hints = {
            "action": _("Enter bewerken · spatie status · o eigenaar · d deadline · t terugkoppeling · "
                        "n niemands taak accepteren · Shift+↑/↓ verplaatsen · x verwijderen"),
            "goal": _("Enter bewerken · l leefgebied · a actie eronder · Shift+↑/↓ verplaatsen · x verwijderen"),
            "agreement": _("Enter bewerken · o voor welke partner · Shift+↑/↓ verplaatsen · x verwijderen"),
            "director": _("Enter: casusregisseur kiezen"),
        }
        if self.read_only:
            hints = {"action": _("spatie status · t terugkoppeling"),
                     "director": _("De casusregisseur van deze versie ligt vast.")}
        default = _("Alleen lezen.") if self.read_only else _("Enter bewerken · a actie · g doel · A afspraak")
        text = Text(hints.get(kind or "", default), style="italic")
        text.append("\n" + _("w versies · c vergelijken · e exporteren · F1 alle toetsen"), style="italic")
        self.query_one("#plan-detail", Static).update(text)

    @on(PlanOutline.Highlighted)
    def _highlighted(self, event: PlanOutline.Highlighted) -> None:
        if self.view is not None:
            self._refresh_detail()
        self._update_bindings()

    # -- helpers ----------------------------------------------------------------------------
    def _kind(self) -> str | None:
        try:
            key = self.outline.selected_key if self.is_mounted else None
        except NoMatches:  # the screen is being taken down (F2, lock) while the footer asks
            return None
        return str(key[0]) if key else None

    def _selected_id(self) -> int | str | None:
        key = self.outline.selected_key
        return key[1] if key and len(key) > 1 else None  # type: ignore[return-value]

    def _selected_action(self) -> plans.Action | None:
        if self._kind() != "action":
            return None
        return plans.find_action(self._selected_id())

    def _notify_error(self, error: ZvhError, title: str = N_("Niet gelukt")) -> None:
        self.app.show_refusal(error, _(title))  # type: ignore[attr-defined]

    def _flash_saved(self, text: str = N_("Opgeslagen")) -> None:
        label = self.query_one("#plan-saved", Static)
        label.update(Text(f"✓ {_(text)}"))
        if self._saved_timer is not None:
            self._saved_timer.stop()
        self._saved_timer = self.set_timer(SAVED_SHOWN, lambda: label.update(""))

    def _check_editable(self) -> bool:
        """The plan's own rule (plans.check_editable): refuse here with its message and the key
        that helps."""
        try:
            plans.check_editable(self.plan)
        except RuleError as error:
            self._notify_error(RuleError(f"{error} {self._read_only_hint()}".strip()), N_("Alleen lezen"))
            return False
        return True

    def _read_only_hint(self) -> str:
        """The key that helps on a version that cannot be written in."""
        if self.plan is None or self.case is None or self.case.phase == Phase.CLOSED.value:
            return ""
        if self._is_newest and not self.plan.superseded:
            return _("Druk b om bij te stellen.")
        return _("Kies met w de nieuwste versie om daarin te werken.")

    def _change(self, label: str, do: object, select: RowKey | None = None) -> bool:
        """Run one change through the services with an undo snapshot; show refusals."""
        assert self.plan is not None
        snapshot = plan_undo.take(self.plan, label)
        try:
            result = do()  # type: ignore[operator]
        except ZvhError as error:
            self._notify_error(error)
            self.refresh_plan()
            return False
        self.undo.keep(snapshot)
        if callable(select):
            select = select(result)
        self.refresh_plan(select)
        self._flash_saved()
        return True

    def _target_goal_id(self) -> int | None:
        """The goal a new action goes under: the selected one (or the selected action's goal);
        elsewhere in the outline the last goal. None: the action goes without a goal."""
        kind, ident = self._kind(), self._selected_id()
        if kind == "goal":
            return int(ident)  # type: ignore[arg-type]
        if kind == "action":
            return self._goal_of_action.get(int(ident))  # type: ignore[arg-type]
        if self.view is not None:
            real = [g.goal for g in self.view.goals if g.goal is not None]
            return real[-1].id if real else None
        return None

    def _target_goal(self) -> plans.Goal | None:
        goal_id = self._target_goal_id()
        return plans.find_goal(goal_id) if goal_id else None

    # -- keys: greyed when they do not apply to the selected line -------------------------
    def _update_bindings(self) -> None:
        """Refresh the footer only when what the keys depend on has changed (it is costly)."""
        state = (self._kind(), self.undo.available, self.undo.redo_available, self.read_only, self._version_count,
                 self._is_newest, self._session is not None)
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.plan is None:
            return action == "back"
        if self._session is not None:
            return False  # while editing in place, keys belong to the editor
        kind = self._kind()
        if self.read_only and action in WRITING_ACTIONS:
            return None
        if action in ("edit", "edit_field") and disclosure.projecting() and kind not in (
                "add_goal", "add_agreement", "director", "add_assessment"):
            return None  # an editor shows the stored text whole: not on a projector
        superseded = bool(self.plan.superseded)
        if action in ("cycle_status", "accept_nobody"):
            return True if kind == "action" and not superseded else None
        if action == "edit_field":
            allowed = not superseded if parameters[:1] == ("feedback",) else not self.read_only
            return True if kind == "action" and allowed else None
        if action == "owner":
            return True if kind in ("action", "agreement") else None
        if action == "life_domain":
            return True if kind == "goal" else None
        if action == "move":
            return True if kind in MOVABLE else None
        if action == "delete":
            return True if kind in DELETABLE else None
        if action in ("undo", "redo"):
            return True  # also at the end of the history: it says there is nothing more
        if action == "revise":
            return True if self.read_only and self._is_newest else None
        if action == "adopt":
            return True if not self.read_only else None
        if action == "diff":
            return True if self._version_count > 1 else None
        if action == "edit":
            if self.read_only:  # only the terugkoppeling of an action (monitoring) and the diff
                return True if kind == "action" and not superseded else None
            return True if kind not in (None, "heading", "note", "sub") else None
        return True

    # -- editing in place ---------------------------------------------------------------------
    def action_edit(self) -> None:
        key = self.outline.selected_key
        if key is None or self.plan is None:
            return
        kind = str(key[0])
        if kind == "add_goal":
            self.action_add_goal()
        elif kind == "add_agreement":
            self.action_add_agreement()
        elif kind == "director":
            self._choose_director()
        elif kind == "add_assessment":
            self._choose_life_domain_to_assess()
        else:
            self._open_edit(key)

    def action_edit_field(self, name: str) -> None:
        key = self.outline.selected_key
        if key is not None and key[0] == "action":
            self._open_edit(key, focus=name)

    def _spec(self, key: RowKey) -> tuple[str, list[EditField], str] | None:
        """Title, fields and undo label of the editor for this line."""
        assert self.plan is not None and self.view is not None
        kind = key[0]
        # The undo labels are marked, in Dutch (the snapshot keeps them): shown with _().
        if kind == "shared_task":
            return _("Gezamenlijke opgave"), [EditField("shared_task", _("Opgave"), self.plan.shared_task,
                                                        _("De ene opgave waar alle partners zich aan verbinden"))], \
                N_("de gezamenlijke opgave")
        if kind == "client_view":
            return _("Visie en wensen van de cliënt"), [EditField(
                "client_view", _("Cliënt"), self.plan.client_view, _("Wat wil de cliënt zelf?"))], \
                N_("de visie van de cliënt")
        if kind == "perspective":
            item = next(p for p in self.view.perspectives if p.partner_id == key[1])
            return _("Perspectief van {partner}").format(partner=item.partner), [EditField(
                "text", _("Perspectief"), item.text, _("Hoe kijkt deze partner naar de casus?"))], \
                N_("een perspectief")
        if kind == "assessment":
            row = next(a for a in self.view.assessments if a.domain == key[1])
            return _("Krachten en zorgen: {domain}").format(domain=row.label), [
                EditField("strengths", _("Krachten"), row.strengths),
                EditField("concerns", _("Zorgen"), row.concerns),
            ], N_("krachten en zorgen")
        if kind in ("goal", "new_goal"):
            goal = plans.find_goal(key[1]) if kind == "goal" else None
            return (_("Doel") if goal else _("Nieuw doel")), [EditField(
                "intent", _("Doel"), goal.intent if goal else "", _("De bedoeling, bijvoorbeeld: stabiel wonen"))], \
                N_("een doel")
        if kind == "action":
            action = plans.get_action(key[1])
            feedback = EditField("feedback", _("Terugkoppeling"), action.feedback, _("Laatste terugkoppeling"))
            if self.read_only:
                return _("Terugkoppeling op de actie"), [feedback], N_("terugkoppeling")
            fields = [
                EditField("text", _("Actie"), action.text),
                EditField("deadline", _("Deadline"), dates.format_date(action.deadline), _("vr, +2w, 15-12"),
                          live=False),
                feedback,
            ]
            if plans.is_own_action(action):  # taak overgenomen? the reason adoption asks for
                fields.append(EditField("own_reason", _("Reden eigen taak"), action.own_reason,
                                        _("Waarom draagt het eigen huis deze taak?")))
            return _("Actie"), fields, N_("een actie")
        if kind in ("agreement", "new_agreement"):
            row = plans.find_agreement(key[1]) if kind == "agreement" else None
            return (_("Afspraak") if row else _("Nieuwe afspraak")), [EditField(
                "text", _("Afspraak"), row.text if row else "",
                _("Bijvoorbeeld: bij een incident belt de politie binnen 24 uur de casusregisseur"))], \
                N_("een afspraak")
        if kind == "evaluation":
            return _("Evaluatiedatum"), [EditField("evaluation_on", _("Datum"),
                                                   dates.format_date(self.plan.evaluation_on),
                                                   _("15-01, +6w"), live=False)], N_("de evaluatiedatum")
        return None

    def _open_edit(self, key: RowKey, *, focus: str | None = None, place: RowKey | None = None,
                   error: str | None = None) -> None:
        if self._session is not None or self.plan is None:
            return
        kind = str(key[0])
        if kind not in ("action",) and not self._check_editable():
            return
        if kind == "action" and self.read_only and self.plan.superseded:
            self._notify_error(RuleError(_("Deze versie van het plan is vervangen door een nieuwere; alleen lezen.")),
                               N_("Alleen lezen"))
            return
        spec = self._spec(key)
        if spec is None:
            return
        title, fields, label = spec
        if focus and not any(f.name == focus for f in fields):
            focus = None
        target: int | str | None = key[1] if len(key) > 1 else None
        self._session = EditSession(
            kind=kind.removeprefix("new_"), key=key, target_id=target, label=label,
            original={f.name: f.value for f in fields}, live={f.name: f.live for f in fields},
        )
        self._editor = PlanLineEditor(title, fields, focus_field=focus)
        self.outline.open_editor(place or key, self._editor)
        if error:
            self.call_after_refresh(self._editor.show_error, error, focus)
        self._update_bindings()

    @on(PlanLineEditor.Typed)
    def _typed(self, event: PlanLineEditor.Typed) -> None:
        if self._session is None or event.editor is not self._editor:
            return
        self._session.current[event.field_name] = event.value
        if event.live:
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(SAVE_DELAY, self._save_live)

    def _save_live(self) -> None:
        self._save_timer = None
        self._save(final=False)

    def _save(self, *, final: bool) -> ZvhError | None:
        """Store what changed in the open edit; return the refusal, if any."""
        session = self._session
        if session is None or self.plan is None:
            return None
        changed = {
            name: value for name, value in session.current.items()
            if value != session.saved.get(name) and (final or session.live.get(name, True))
        }
        if not changed:
            return None
        if not session.remembered:
            snapshot = plan_undo.take(self.plan, session.label)
        try:
            self._apply(session, changed)
        except ZvhError as error:
            if self._editor is not None and self._editor.is_attached:
                self._editor.show_error(str(error))
            return error
        if not session.remembered:
            self.undo.keep(snapshot)
            session.remembered = True
        session.saved.update(changed)
        if self._editor is not None and self._editor.is_attached:
            self._editor.clear_error()
            self._flash_saved()
            self._refresh_side()
        return None

    def _apply(self, session: EditSession, changed: dict[str, str]) -> None:
        """Send one edit to the services (the rules and checks are theirs)."""
        assert self.plan is not None
        plan = plans.get_plan(self.plan.id)
        values = session.current
        kind = session.kind
        if kind in ("shared_task", "client_view", "evaluation"):
            name = "evaluation_on" if kind == "evaluation" else kind
            value = values[name]
            if name == "evaluation_on":
                value = value.strip() or None  # type: ignore[assignment]
            plans.update_plan(plan, **{name: value})
        elif kind == "perspective":
            plans.set_perspective(plan, int(session.target_id), values["text"])  # type: ignore[arg-type]
        elif kind == "assessment":
            plans.set_assessment(plan, str(session.target_id), values["strengths"], values["concerns"])
        elif kind == "goal":
            if session.target_id is None:
                if not values["intent"].strip():
                    return
                goal = plans.add_goal(plan, values["intent"])
                session.target_id = goal.id
                session.key = ("goal", goal.id)
            else:
                plans.update_goal(plans.get_goal(session.target_id), intent=values["intent"])
        elif kind == "agreement":
            if session.target_id is None:
                if not values["text"].strip():
                    return
                row = plans.add_agreement(plan, values["text"])
                session.target_id = row.id
                session.key = ("agreement", row.id)
            else:
                plans.update_agreement(plans.get_agreement(session.target_id), body=values["text"])
        elif kind == "action":
            action = plans.get_action(session.target_id)
            updates: dict[str, object] = {}
            if "text" in changed:
                updates["text"] = values["text"]
            if "deadline" in changed:
                updates["deadline"] = values["deadline"].strip() or None
            if "own_reason" in changed:
                updates["own_reason"] = values["own_reason"]
            if updates:
                plans.update_action(action, **updates)
                action = plans.get_action(action.id)
            if "feedback" in changed:
                plans.set_feedback(action, values["feedback"])

    @on(PlanLineEditor.Finished)
    def _finished(self, event: PlanLineEditor.Finished) -> None:
        if event.editor is not self._editor or self._session is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        session = self._session
        error = self._save(final=True)
        if error is not None and event.reason == "submit":
            self._editor.show_error(str(error), error.field if error.field in session.current else None)
            return  # the editor stays open with what was typed
        if error is not None:
            self._notify_error(error, N_("Niet opgeslagen"))
        self._close_editor(select=session.key)

    @on(PlanLineEditor.Cancelled)
    def _cancelled(self, event: PlanLineEditor.Cancelled) -> None:
        if event.editor is not self._editor or self._session is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        session = self._session
        if session.remembered:
            try:
                self.undo.undo(redoable=False)  # this edit's own snapshot: back to what was there
            except ZvhError as error:
                self._notify_error(error)
        self._close_editor(select=session.key)
        self.notify(_("Bewerking geannuleerd."), timeout=2)

    def _close_editor(self, select: RowKey | None = None) -> None:
        editor, self._editor, self._session = self._editor, None, None
        if editor is not None:
            editor.mark_closing()
            self.outline.close_editor(editor)
        self.refresh_plan(select)
        if self.app.screen is self:
            self.outline.focus()

    def _flush(self, final: bool = False) -> None:
        """Save what is typed now (screen suspended, left, app quitting or locking)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self._session is None:
            return
        try:
            self._save(final=final)
        except Exception:  # never let a last save turn a quit into a crash
            pass

    # -- adding ---------------------------------------------------------------------------------
    def action_add_goal(self) -> None:
        if self.plan is not None and self._check_editable():
            self._open_edit(("new_goal", None), place=("add_goal",))

    def action_add_agreement(self) -> None:
        if self.plan is not None and self._check_editable():
            self._open_edit(("new_agreement", None), place=("add_agreement",))

    def action_quick_entry(self) -> None:
        if self.plan is not None:
            self.set_focus(self.quick)  # at once, so the next keys already land in the line

    @on(Input.Changed, "#quick-entry")
    def _quick_preview(self, event: Input.Changed) -> None:
        preview = self.query_one("#quick-preview", PreviewLine)
        if not event.value.strip():
            preview.show("")
            return
        entry = quick_entry.parse_quick_entry(event.value, today=context.today(), candidates=self._candidates)
        preview.show(self._preview_text(entry))

    def _preview_text(self, entry: quick_entry.QuickEntry) -> Text:
        names = {c.id: c for c in self._candidates}
        text = SafeText("→ ")  # what was typed and stored names: controls as symbols
        text.append(entry.text or _("(nog geen tekst)"), style="bold")
        if entry.partner_id is not None:
            owner = names[entry.partner_id].name if entry.partner_id in names else "?"
            if entry.contact_id is not None and entry.partner_id in names:
                contact = next((k.name for k in names[entry.partner_id].contacts if k.id == entry.contact_id), "")
                owner += f" / {contact}"
            text.append(" · " + _("eigenaar: {owner}").format(owner=owner))
        elif entry.has("no_owner"):
            text.append(" · " + _("[niemands taak] (wordt gevraagd)"), style="bold")
        else:
            text.append(" · " + _("eigenaar: ? (wordt gevraagd)"), style="bold")
        if entry.deadline is not None:
            text.append(" · " + _("deadline: {date}").format(date=day_text(entry.deadline)))
        elif entry.deadline_problem is not None:
            text.append(" · " + _("deadline: '{token}' onleesbaar").format(token=entry.deadline_token), style="bold")
        goal_id = self._target_goal_id()
        intent = next((g.title for g in self.view.goals if g.goal is not None and g.goal.id == goal_id), "") \
            if self.view is not None and goal_id else ""
        text.append(" · " + (_("onder: {goal}").format(goal=intent[:30]) if intent else _("zonder doel")),
                    style="italic")
        return text

    @on(Input.Submitted, "#quick-entry")
    def _quick_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self._quick_add(event.value)

    @workers.dialog_worker(group="plan-quick", exclusive=False)
    async def _quick_add(self, line: str) -> None:
        if self.plan is None:
            return
        entry = quick_entry.parse_quick_entry(line, today=context.today(), candidates=self._candidates)
        if entry.has("text_empty"):
            self.app.show_refusal(_("Wat moet er gebeuren? Typ eerst de actie, dan @eigenaar en een "  # type: ignore[attr-defined]
                                    "deadline."), _("Nog geen actie"))
            return
        goal = self._target_goal()
        created: list[plans.Action] = []

        def add() -> plans.Action:
            action = plans.add_action(self.plan, entry.text, goal=goal, owner_partner_id=entry.partner_id,
                                      owner_contact_id=entry.contact_id, deadline=entry.deadline)
            created.append(action)
            return action

        if not self._change(N_("een nieuwe actie"), add, select=lambda a: ("action", a.id)):
            return  # refused (read-only version, text too long): the line stays in the field
        if self.quick.value == line:
            self.quick.value = ""
        action = created[0]
        problem = entry.owner_problem
        if problem is not None:
            await self._ask_owner(action, problem)
        if entry.deadline_problem is not None:
            self._open_edit(("action", action.id), focus="deadline",
                            error=entry.deadline_problem.message + " " + _("De actie staat nu zonder deadline."))
            return
        self.quick.focus()

    async def _ask_owner(self, action: plans.Action, problem: quick_entry.Problem) -> None:
        """What could not be matched is asked for: pick among the candidates, or accept nobody."""
        options: list[tuple[str, object]] = []
        if problem.code == "no_owner":
            options.append((_("Bewust accepteren als niemands taak"), "accept"))
        options += [(_("Eigenaar: {owner}").format(owner=choice.label), choice) for choice in problem.choices]
        options.append((_("Andere partner zoeken…"), "search"))
        options.append((_("Later beslissen (blijft niemands taak)"), "leave"))
        answer = await self.app.push_screen_wait(ChoiceDialog(
            _("Wie is eigenaar van '{text}'?").format(text=action.text[:60]), problem.message, options))
        if answer == "search":
            picked = await self.app.push_screen_wait(OwnerDialog(self.case_id))
            answer = quick_entry.Choice(picked.partner_id, picked.contact_id, "") if picked and picked.partner_id \
                else ("leave" if picked is None or picked.partner_id is None else answer)
        fresh = plans.find_action(action.id)
        if fresh is None:
            return
        try:
            if isinstance(answer, quick_entry.Choice):
                plans.update_action(fresh, owner_partner_id=answer.partner_id, owner_contact_id=answer.contact_id)
            elif answer == "accept":
                plans.accept_nobody(fresh)
            else:
                self.notify(_("De actie staat als niemands taak in het plan; geef haar later een eigenaar (o) "
                              "of accepteer dat bewust (n)."), title=_("Niemands taak"), severity="warning",
                            markup=False, timeout=6)
        except ZvhError as error:
            self._notify_error(error)
        self.refresh_plan(("action", action.id))
        self._flash_saved()

    # -- one-key changes ------------------------------------------------------------------------
    def action_cycle_status(self) -> None:
        action = self._selected_action()
        if action is None:
            return
        following = STATUS_CYCLE[(STATUS_CYCLE.index(action.status) + 1) % len(STATUS_CYCLE)]
        self._change(N_("de status van een actie"), lambda: plans.set_action_status(action, following))

    def action_accept_nobody(self) -> None:
        action = self._selected_action()
        if action is None:
            return
        self._change(N_("niemands taak accepteren"), lambda: plans.accept_nobody(action, not action.nobody_accepted))

    def action_move(self, offset: int) -> None:
        kind, ident = self._kind(), self._selected_id()
        row = plans.find_line(kind, ident)
        if row is not None:
            self._change(N_("een verplaatsing"), lambda: plans.move(row, offset), select=(kind, ident))

    @workers.dialog_worker(group="plan-dialog")
    async def action_delete(self) -> None:
        kind, ident = self._kind(), self._selected_id()
        if kind not in DELETABLE or not self._check_editable():
            return
        if kind == "goal":
            row = plans.get_goal(ident)
            question = (_("Doel '{text}' verwijderen?").format(text=row.intent[:60]),
                        _("De acties eronder blijven in het plan, zonder doel."), lambda: plans.delete_goal(row))
            label = N_("het verwijderen van een doel")
        elif kind == "action":
            row = plans.get_action(ident)
            question = (_("Actie '{text}' verwijderen?").format(text=row.text[:60]), "",
                        lambda: plans.delete_action(row))
            label = N_("het verwijderen van een actie")
        else:
            row = plans.get_agreement(ident)
            question = (_("Afspraak '{text}' verwijderen?").format(text=row.text[:60]), "",
                        lambda: plans.delete_agreement(row))
            label = N_("het verwijderen van een afspraak")
        title, message, do = question
        # True only while this editing session lasts (the undo history ends when the plan is left).
        message = (message + " " if message else "") + _("Ongedaan maken kan met u, zolang u in dit plan blijft.")
        if await self.app.push_screen_wait(PlanConfirm(title, message, yes=_("Verwijderen"),
                                                       no=_("Niet verwijderen"))):
            self._change(label, do)

    def action_undo(self) -> None:
        """u / Ctrl+Z: take back the newest change of this editing session, one per press."""
        self._step_history(self.undo.undo, N_("Ongedaan gemaakt"), plan_undo.NOTHING_TO_UNDO,
                           self.undo.available)

    def action_redo(self) -> None:
        """U / Ctrl+Y: do again what u took back."""
        self._step_history(self.undo.redo, N_("Opnieuw gedaan"), plan_undo.NOTHING_TO_REDO,
                           self.undo.redo_available)

    def _step_history(self, step: object, done: str, nothing: object, available: bool) -> None:
        if not available:
            self.notify(tr(nothing), markup=False, timeout=3)
            return
        try:
            label = step()  # type: ignore[operator]
        except ZvhError as error:
            self._notify_error(error)
            self.refresh_plan()
            return
        self.refresh_plan()
        self._flash_saved(done)
        self.notify(_("{done}: {change}.").format(done=_(done), change=_(label)), markup=False, timeout=3)

    # -- choices in dialogs -----------------------------------------------------------------
    @workers.dialog_worker(group="plan-dialog")
    async def action_owner(self) -> None:
        kind, ident = self._kind(), self._selected_id()
        if kind not in ("action", "agreement") or not self._check_editable():
            return
        if kind == "action":
            picked: OwnerChoice | None = await self.app.push_screen_wait(OwnerDialog(self.case_id))
            if picked is None:
                return
            action = plans.get_action(ident)
            self._change(N_("de eigenaar van een actie"), lambda: plans.update_action(
                action, owner_partner_id=picked.partner_id, owner_contact_id=picked.contact_id))
            return
        agreement = plans.get_agreement(ident)
        options: list[tuple[str, object]] = [(_("Alle partners"), "all")]
        options += [(p.partner.name, p.partner_id) for p in participants.participants_of(self.case)]
        answer = await self.app.push_screen_wait(ChoiceDialog(
            _("Voor wie geldt deze afspraak?"), agreement.text[:120], options))
        if answer is None:
            return
        partner_id = None if answer == "all" else int(answer)  # type: ignore[arg-type]
        self._change(N_("de partner van een afspraak"),
                     lambda: plans.update_agreement(agreement, partner_id=partner_id))

    @workers.dialog_worker(group="plan-dialog")
    async def action_life_domain(self) -> None:
        if self._kind() != "goal" or not self._check_editable():
            return
        goal = plans.get_goal(self._selected_id())
        options: list[tuple[str, object]] = [(d.label, d.value) for d in LifeDomain]
        options.append((_("Geen leefgebied"), ""))
        answer = await self.app.push_screen_wait(ChoiceDialog(_("Op welk leefgebied ligt dit doel?"),
                                                              goal.intent[:120], options))
        if answer is not None:
            self._change(N_("het leefgebied van een doel"),
                         lambda: plans.update_goal(goal, life_domain=str(answer)))

    @workers.dialog_worker(group="plan-dialog")
    async def _choose_life_domain_to_assess(self) -> None:
        if self.view is None or not self._check_editable():
            return
        options: list[tuple[str, object]] = [
            (row.label + ("  " + _("(ingevuld)") if row.strengths or row.concerns else ""), row.domain)
            for row in self.view.assessments
        ]
        answer = await self.app.push_screen_wait(ChoiceDialog(
            _("Krachten en zorgen"), _("Op welk leefgebied?"), options))
        if answer is None:
            return
        key = ("assessment", str(answer))
        place = key if self.outline.line_for(key) is not None else ("add_assessment",)
        self._open_edit(key, place=place)

    @workers.dialog_worker(group="plan-dialog")
    async def _choose_director(self) -> None:
        """The Breda question: who keeps the overview of this plan?"""
        if self.case is None or not self._check_editable():
            return
        options: list[tuple[str, object]] = []
        for row in participants.participants_of(self.case):
            label = row.partner.name + (f" / {row.contact.name}" if row.contact_id else "")
            options.append((label, OwnerChoice(row.partner_id, row.contact_id)))
        options.append((_("Andere partner zoeken…"), "search"))
        answer = await self.app.push_screen_wait(ChoiceDialog(_("Casusregisseur kiezen"), tr(cases.DIRECTOR_QUESTION),
                                                              options))
        if answer == "search":
            answer = await self.app.push_screen_wait(OwnerDialog(self.case_id, title=N_("Casusregisseur kiezen"),
                                                                 none_label=N_("Annuleren")))
        if not isinstance(answer, OwnerChoice) or answer.partner_id is None:
            return
        try:
            participants.set_director(self.case, answer.partner_id, contact_id=answer.contact_id)
        except ZvhError as error:
            self._notify_error(error)
            return
        self.undo.forget()  # a change of the case, not of this version: not taken back with u
        self._candidates = quick_entry.candidates_for(self.case)
        self.refresh_plan(("director",))
        self._flash_saved()

    # -- versions -----------------------------------------------------------------------------
    @workers.dialog_worker(group="plan-dialog")
    async def action_adopt(self) -> None:
        if self.plan is None or self._session is not None:
            return
        if self.read_only:
            self._check_editable()
            return
        blockers = plans.adoption_blockers(self.plan)
        if blockers:
            pointed = next((b.action_id for b in blockers if b.action_id is not None), None)
            if pointed is not None:  # the cursor on the action that needs a reason (Enter gives it)
                self.outline.select(("action", pointed))
            self.app.show_refusal([b.message for b in blockers], _("Nog niet vast te stellen"))  # type: ignore[attr-defined]
            return
        meeting = meetings.adoption_meeting(self.case)
        today = i18n.format_date(context.today())
        if meeting is not None:
            question = _("Versie {version} vandaag ({date}) in het {meeting} van vandaag vaststellen? Daarna "
                         "liggen opgave, doelen, acties en afspraken vast; alleen status en terugkoppeling van "
                         "acties veranderen nog.").format(version=self.plan.version, date=today,
                                                           meeting=meeting.kind)
        else:
            question = _("Versie {version} vandaag ({date}) vaststellen? Daarna liggen opgave, doelen, acties en "
                         "afspraken vast; alleen status en terugkoppeling van acties veranderen nog.").format(
                version=self.plan.version, date=today)
        slices = plans.taartpunten(self.plan)
        if slices:  # the taartpunt check (seed 003): named, and accepted consciously
            question = _("Let op: {slices}. Geen partner heeft hier een actie voor; neem het niet zelf over, "
                         "maar spreek een partner aan. {question} Dan vaststellen met deze taartpunten bewust "
                         "geaccepteerd?").format(slices="; ".join(slices), question=question)
        if not await self.app.push_screen_wait(PlanConfirm(
                _("Plan vaststellen"), question, yes=_("Toch vaststellen") if slices else _("Vaststellen"),
                no=_("Nog niet"), focus_yes=not slices)):
            return
        try:
            plans.adopt(plans.get_plan(self.plan.id), meeting=meeting,  # type: ignore[arg-type]
                        taartpunten_accepted=bool(slices))
        except ZvhError as error:
            self._notify_error(error, N_("Nog niet vast te stellen"))
            return
        self.undo.forget()
        self.refresh_plan()
        self._flash_saved(_("Versie {version} vastgesteld").format(version=self.plan.version))
        self.notify(_("Versie {version} is vastgesteld.").format(version=self.plan.version), markup=False)

    @workers.dialog_worker(group="plan-dialog")
    async def action_revise(self) -> None:
        if self.plan is None or not self.read_only:
            return
        question = _("Van versie {version} een nieuwe conceptversie {next} maken om bij te stellen? Versie "
                     "{version} blijft zoals hij is vastgesteld.").format(version=self.plan.version,
                                                                         next=self.plan.version + 1)
        if not await self.app.push_screen_wait(PlanConfirm(_("Plan bijstellen"), question, yes=_("Bijstellen"),
                                                           no=_("Niet nu"), focus_yes=True)):
            return
        try:
            new = plans.revise(plans.get_plan(self.plan.id))
        except ZvhError as error:
            self._notify_error(error)
            return
        self.plan = new
        self.undo.forget()
        self.refresh_plan()
        self._flash_saved(_("Versie {version} gemaakt").format(version=new.version))
        self.notify(_("Versie {version} (concept) is gemaakt van versie {previous}. Vergelijk de versies "
                      "met c.").format(version=new.version, previous=new.version - 1), markup=False)

    @workers.dialog_worker(group="plan-dialog")
    async def action_versions(self) -> None:
        if self.case is None or self.plan is None:
            return
        options: list[tuple[str, object]] = []
        for version in reversed(plans.versions(self.case)):
            label = _("Versie {version} · {status}").format(version=version.version,
                                                             status=PlanStatus.label_of(version.status))
            if version.adopted_on:
                label += " " + _("op {date}").format(date=i18n.format_date(version.adopted_on))
            if version.id == self.plan.id:
                label += "  " + _("(nu getoond)")
            options.append((label, version.id))
        answer = await self.app.push_screen_wait(ChoiceDialog(_("Welke versie wilt u zien?"), "", options))
        if answer is None or answer == self.plan.id:
            return
        self.plan = plans.get_plan(int(answer))  # type: ignore[arg-type]
        self.undo.forget()
        self.refresh_plan()

    def action_diff(self) -> None:
        if self.case is None or self.plan is None:
            return
        from zvh_tui.screens.plans.plan_diff import PlanDiffScreen

        self.app.push_screen(PlanDiffScreen(self.case_id, new_plan_id=self.plan.id))

    # -- export -------------------------------------------------------------------------------
    @workers.dialog_worker(group="plan-dialog", title=N_("Export mislukt"))
    async def action_export(self) -> None:
        if self.case is None or self.plan is None:
            return
        self._flush(final=True)
        fmt = await self.app.push_screen_wait(ChoiceDialog(_("Plan exporteren"), _("In welk formaat?"), [
            (_("HTML, om af te drukken (.html)"), "html"), (_("Markdown (.md)"), "md")]))
        if fmt is None:
            return
        language = await self.app.push_screen_wait(language_dialog(_("Taal van het plan")))
        if language is None:
            return
        options: list[tuple[str, object]] = [(_("Het volledige plan"), "all")]
        for row in participants.participants_of(self.case):
            if not row.partner.is_own:
                options.append((_("Alleen voor {partner}").format(partner=row.partner.name), row.partner_id))
        audience = await self.app.push_screen_wait(ChoiceDialog(
            _("Voor wie?"), _("Een versie per partner bevat alleen de opgave, de doelen, de eigen acties en de "
                              "afspraken die die partner aangaan (doelbinding)."), options))
        if audience is None:
            return
        partner_id = None if audience == "all" else int(audience)  # type: ignore[arg-type]
        warnings = plan_export.convenant_warnings(self.case, partner_id)
        if warnings and not await self.app.push_screen_wait(ConfirmDialog(
                _("Geen convenant"), _("Let op: {warnings} Toch exporteren? De verstrekking komt in het "
                                       "verstrekkingenlog.").format(warnings=" ".join(warnings)),
                yes=_("Toch exporteren"), no=_("Niet exporteren"))):
            return
        folder = self.app.profile.paths.exports  # type: ignore[attr-defined]
        try:
            path = plan_export.export_to_folder(folder, self.case, plans.get_plan(self.plan.id), str(fmt), partner_id,
                                                confirmed=bool(warnings), language=language)
        except (ZvhError, OSError) as error:
            message = str(error) if isinstance(error, ZvhError) else _("Het bestand kon niet worden geschreven.")
            self.app.show_refusal(message, _("Export mislukt"))  # type: ignore[attr-defined]
            return
        self.notify(_("Opgeslagen in {path}").format(path=path), title=_("Plan geëxporteerd"), markup=False,
                    timeout=10)

    # -- leaving ------------------------------------------------------------------------------
    def action_back(self) -> None:
        if self.quick.has_focus:
            self.outline.focus()
            return
        self._flush(final=True)
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
