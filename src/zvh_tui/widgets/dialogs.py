"""The dialog family: confirm, message, choice, path and forms, with one stylesheet and one set of keys.

    ok = await self.app.push_screen_wait(ConfirmDialog("Doel verwijderen?", "…"))     # bool
    value = await self.app.push_screen_wait(ChoiceDialog("Kies", "…", [(label, value), …]))
    path = await self.app.push_screen_wait(PathDialog("Inlezen", "Welk bestand?"))    # str | None

The same keys in every dialog: Escape cancels or closes (answers "no", chooses nothing, keeps
nothing), Enter confirms or chooses (the focused button, the highlighted option, the typed
path). Letters answer only where the keys of screens.md allow it: the plan editor's
PlanConfirm (j or y ja, n nee; `LETTERS`), never the shared ConfirmDialog, whose yes is often
"Weggooien". Feature dialogs (the partner forms, the plan's owner chooser) live beside their screens and are built
on `DialogBase` or `FormDialog`, so they look and behave the same.

A form dialog is given an `on_submit` callable that does the real work (a service call). If
that raises a `ZvhError`, the Dutch message shows at the field it names (`error.field`) and the
dialog stays open with everything typed; on success the dialog closes with True. Escape closes
with False at once when nothing was typed, and otherwise asks before throwing the text away.
A caller names a draft (`keep_draft`, widgets/drafts.py) to keep what is typed through a lock,
a crash or a kill -9; saving or throwing the text away ends the draft.
Every text shown from the user's data is plain text (never markup).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from zvh_tui.core import i18n
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.core.vocab import AvePhase, Hat, Level, TriageOutcome
from zvh_tui.services.cases import ave
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.shared import context
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.checkbox import TickBox
from zvh_tui.widgets.date_input import DateInput, today_word
from zvh_tui.widgets.drafts import DraftForm, form_fields
from zvh_tui.widgets.safe_text import plain

T = TypeVar("T")
F = TypeVar("F", bound="FormDialog")

DIALOG_CSS = (  # i18n: a stylesheet, no text for the user
"""
ModalScreen.zvh-dialog { align: center middle; background: $background 60%; }
.zvh-dialog > .dialog-box {
    width: 76;
    max-width: 95%;
    height: auto;
    max-height: 90%;
    border: round $accent;
    background: $surface;
    padding: 1 2;
}
.zvh-dialog .dialog-title { text-style: bold; margin-bottom: 1; }
.zvh-dialog > .dialog-box > .dialog-title { dock: top; }
.zvh-dialog > .dialog-box > .dialog-head { dock: top; height: auto; }
.zvh-dialog .dialog-text { margin-bottom: 1; }
.zvh-dialog .field-label { margin-top: 1; }
.zvh-dialog .field-error { color: $text-error; text-style: bold; height: auto; }
.zvh-dialog .field-error.-empty { display: none; }
.zvh-dialog TextArea { height: 6; }
/* The body scrolls (Textual keeps the focused field in view); the foot with the buttons is
   docked, so Opslaan is always on screen, also at 80x24. */
.zvh-dialog .dialog-body { height: auto; max-height: 1fr; }
.zvh-dialog .dialog-foot { dock: bottom; height: auto; }
.zvh-dialog .dialog-buttons { height: auto; margin-top: 1; align-horizontal: right; }
.zvh-dialog .dialog-buttons Button { margin-left: 2; }
.zvh-dialog .dialog-note { color: $text-muted; margin-top: 1; }
.zvh-dialog .dialog-group { height: auto; }
.zvh-dialog .dialog-emphasis { text-style: bold; margin-top: 1; }
/* A choice: the list takes what is left between the docked head and the docked hint. */
.zvh-dialog #choice-list { height: auto; max-height: 1fr; }
.zvh-dialog .dialog-hint { color: $text-muted; margin-top: 1; dock: bottom; }
"""
)


def dialog_body(*, focusable: bool = False, id: str | None = None) -> VerticalScroll:
    """The scrolling part of a dialog, between its title and its docked buttons.

    Form bodies are not focusable (Tab goes from field to field and Textual scrolls the
    focused field into view); a body of text only is, so its arrows scroll a long message.
    """
    body = VerticalScroll(classes="dialog-body", id=id)
    body.can_focus = focusable
    return body


def dialog_foot() -> Vertical:
    """The docked bottom of a dialog: the form's error line and the buttons."""
    return Vertical(classes="dialog-foot")


class DialogBase(ModalScreen):
    """Shared look of the dialogs (global CSS rules on the `zvh-dialog` class)."""

    DEFAULT_CSS = DIALOG_CSS
    SCOPED_CSS = False

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"zvh-dialog {classes}".strip())


class ConfirmDialog(DialogBase, ModalScreen[bool]):
    """A yes/no question. Escape answers no; Enter presses the focused button, which is "no"
    unless `focus_yes` (for a step that is the point of the key, such as vaststellen). A
    subclass with `LETTERS` also answers to letters (its bindings) and shows them on the
    buttons."""

    BINDINGS = [Binding("escape", "answer(False)", N_("Nee"), id="dialog.no")]
    LETTERS: ClassVar[bool] = False

    def __init__(self, title: str, message: str, *, yes: str | None = None, no: str | None = None,
                 focus_yes: bool = False) -> None:
        super().__init__()
        self._title, self._message = title, message
        self._yes = _("Ja") if yes is None else yes
        self._no = _("Nee") if no is None else no
        self._focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain(self._title), classes="dialog-title")
            with dialog_body(focusable=True):  # arrows scroll a long message
                yield Static(plain(self._message), classes="dialog-text")
            with dialog_foot(), Horizontal(classes="dialog-buttons"):
                no, yes = ((_("{no} (n)").format(no=self._no), _("{yes} (j)").format(yes=self._yes))
                           if self.LETTERS else (self._no, self._yes))
                yield Button(no, id="dialog-no")
                yield Button(yes, id="dialog-yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#dialog-yes" if self._focus_yes else "#dialog-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "dialog-yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class MessageDialog(DialogBase, ModalScreen[None]):
    """A plain message (for instance why a step is refused); Enter or Escape closes it."""

    BINDINGS = [Binding("escape", "close", N_("Sluiten"), id="dialog.close")]

    def __init__(self, title: str, lines: Iterable[str]) -> None:
        super().__init__()
        self._title = title
        self._lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain(self._title), classes="dialog-title")
            with dialog_body(focusable=True):
                for line in self._lines:
                    yield Static(plain(f"• {line}"), classes="dialog-text refusal")
            with dialog_foot(), Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="dialog-ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#dialog-ok", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ChoiceDialog(DialogBase, ModalScreen["T | None"], Generic[T]):
    """Choose one of a short list with arrows and Enter; Escape chooses nothing (None)."""

    BINDINGS = [Binding("escape", "cancel", N_("Annuleren"), id="dialog.choice_cancel")]
    HINT = N_("Pijltjes: kiezen · Enter: bevestigen · Escape: annuleren")

    def __init__(self, title: str, message: str, options: Sequence[tuple[str, T]],
                 *, hint: str | None = None,
                 keys: Sequence[str] = (), highlight: int = 0) -> None:
        """`keys`: one letter per option; typing it chooses that option at once (shown
        before its label). `highlight`: the option the cursor starts on."""
        super().__init__()
        self._title, self._message = title, message
        self._hint = _(self.HINT) if hint is None else hint
        self._values = [value for _, value in options]
        self._keys = list(keys)
        padded = [*keys, *[""] * (len(options) - len(self._keys))]
        self._labels = [f"{key}  {label}" if key else label
                        for (label, _), key in zip(options, padded, strict=True)]
        self._highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            with Vertical(classes="dialog-head"):
                yield Static(plain(self._title), classes="dialog-title")
                if self._message:
                    yield Static(plain(self._message), classes="dialog-text")
            # the list takes what is left between the docked head and hint, and scrolls itself
            yield OptionList(*[Option(Text(visible(label))) for label in self._labels],
                             id="choice-list")
            yield Static(Text(self._hint), classes="dialog-hint")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.focus()
        if self._labels:
            option_list.highlighted = min(max(0, self._highlight), len(self._labels) - 1)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in self._keys:
            event.stop()
            event.prevent_default()
            self.dismiss(self._values[self._keys.index(event.character)])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._values[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathDialog(DraftForm, DialogBase, ModalScreen[str | None]):
    """Ask for a file path (`~` allowed); Enter or "Verder" confirms, Escape cancels. With
    `draft`, a half-typed path is kept as that draft (widgets/drafts.py) through a lock;
    confirming or cancelling ends it."""

    BINDINGS = [Binding("escape", "cancel", N_("Annuleren"), id="path.cancel")]
    DRAFT_FIELDS = ("path-input",)

    def __init__(self, title: str, question: str, value: str = "", *,
                 draft: str | None = None) -> None:
        super().__init__()
        self._draft_name = draft
        self.title_text = title
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="path-box"):
            yield Static(plain(self.title_text), classes="dialog-title")
            with dialog_body():
                yield Label(plain(self.question))
                yield Input(self.value, id="path-input")
                yield Static("", id="path-error", classes="field-error -empty", markup=False)
            with dialog_foot(), Horizontal(classes="dialog-buttons"):
                yield Button(_("Annuleren"), id="path-cancel")
                yield Button(_("Verder"), id="path-ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#path-input", Input).focus()

    def _confirm(self) -> None:
        value = self.query_one("#path-input", Input).value.strip()
        if not value or value.endswith("/"):
            error = self.query_one("#path-error", Static)
            error.update(_("Vul de naam van een bestand in."))
            error.remove_class("-empty")
            return
        self.draft_discard()
        self.dismiss(str(Path(value).expanduser()))

    @on(Input.Submitted, "#path-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._confirm()

    @on(Button.Pressed, "#path-ok")
    def _ok(self) -> None:
        self._confirm()

    @on(Button.Pressed, "#path-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.draft_discard()
        self.dismiss(None)

    def draft_key(self) -> str | None:
        return self._draft_name


class FormDialog(DraftForm, DialogBase, ModalScreen[bool]):
    """Base for short forms: fields with an error line each, Opslaan (F5) and Annuleren (Esc).

    `dialog.keep_draft("journal:7", case_id=7)` keeps its fields as a draft (widgets/drafts.py).
    """

    BINDINGS = [
        Binding("f5,ctrl+s", "save", N_("Opslaan"), id="dialog.save"),  # F2 is Casussen (screens.md)
        Binding("escape", "cancel", N_("Annuleren"), id="dialog.cancel"),
    ]
    # Marked with N_() where a subclass sets them (or set translated); shown through `tr()`.
    TITLE_TEXT = ""
    SAVE_LABEL = N_("Opslaan")
    # Enter in a one-line field saves the whole form (short forms of one or two lines); a form
    # whose fields are filled one after another leaves it False, and Enter stays the field's.
    SAVE_ON_ENTER: ClassVar[bool] = False

    _draft_name: str | None = None
    _draft_case: int | None = None

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        if self.SAVE_ON_ENTER:
            event.stop()
            self.action_save()

    def keep_draft(self: F, key: str, *, case_id: int | None = None) -> F:
        """Keep what is typed as the draft `key` (about case `case_id`: it goes with the case)."""
        self._draft_name, self._draft_case = key, case_id
        return self

    def draft_key(self) -> str | None:
        return self._draft_name

    def draft_case_id(self) -> int | None:
        return self._draft_case

    def draft_fields(self) -> list[str]:
        return form_fields(self.query_one("#dialog-fields"))

    # subclasses: fields() yields the widgets; values() returns the kwargs for on_submit
    def intro(self) -> Iterable[Widget]:
        return []

    def fields(self) -> Iterable[Widget]:
        return []

    def values(self) -> dict[str, object]:
        return {}

    def submit(self, values: dict[str, object]) -> object:
        raise NotImplementedError

    def is_empty(self) -> bool:
        return True

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            # The title and the intro (what the form is about, warnings) stay in view above
            # the fields, which scroll.
            with Vertical(classes="dialog-head"):
                yield Static(plain(tr(self.TITLE_TEXT)), classes="dialog-title")
                yield from self.intro()
            with dialog_body(id="dialog-fields"):  # Tab goes from field to field
                yield from self.fields()
            with dialog_foot():
                yield Static("", id="err-form", classes="field-error -empty", markup=False)
                with Horizontal(classes="dialog-buttons"):
                    yield Button(_("Annuleren"), id="dialog-cancel")
                    yield Button(f"{tr(self.SAVE_LABEL)} (F5)", id="dialog-save", variant="primary")

    def on_mount(self) -> None:
        for widget in self.query("Input, TextArea, Select"):
            if widget.focusable:
                widget.focus()
                break

    @staticmethod
    def label(text: str) -> Label:
        return Label(plain(text), classes="field-label")

    @staticmethod
    def error_line(field: str) -> Static:
        return Static("", id=f"err-{field}", classes="field-error -empty", markup=False)

    def clear_errors(self) -> None:
        for widget in self.query(".field-error"):
            if isinstance(widget, Static):
                widget.update("")
                widget.add_class("-empty")

    def show_error(self, error: ZvhError) -> None:
        key = (error.field or "").replace(".", "-")
        target = self.query(f"#err-{key}") if key else None
        line = target.first(Static) if target else self.query_one("#err-form", Static)
        line.update(visible(str(error)))  # may quote what was typed
        line.remove_class("-empty")
        if key:
            for widget in self.query(f"#{key}"):
                widget.focus()
                break
        # In a small terminal the message may be below the part shown: bring it into view
        # too (after the layout that gives it its height).
        self.call_after_refresh(line.scroll_visible, animate=False)

    def action_save(self) -> None:
        self.clear_errors()
        try:
            self.submit(self.values())
        except ZvhError as error:
            self.show_error(error)
            return
        self.draft_discard()
        self.dismiss(True)

    def action_cancel(self) -> None:
        if self.is_empty():
            self.draft_discard()
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.draft_discard()
                self.dismiss(False)

        self.app.push_screen(
            ConfirmDialog(_("Niet opslaan?"), _("Wat u typte in dit venster gaat verloren."),
                          yes=_("Weggooien"), no=_("Verder invullen")),
            answered,
        )

    @on(Button.Pressed, "#dialog-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


class TextDialog(FormDialog):
    """One text with a reason or note, for instance the reason to reopen a case."""

    def __init__(self, title: str, label: str, on_submit: Callable[[str], object], *,
                 field: str = "text", intro: str = "", multiline: bool = True) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self._label, self._on_submit, self._field = label, on_submit, field
        self._intro, self._multiline = intro, multiline

    def intro(self) -> Iterable[Widget]:
        if self._intro:
            yield Static(plain(self._intro), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        yield self.label(self._label)
        if self._multiline:
            yield TextArea("", id=self._field, soft_wrap=True)
        else:
            yield Input("", id=self._field)
        yield self.error_line(self._field)

    def _text(self) -> str:
        widget = self.query_one(f"#{self._field}")
        return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]

    def values(self) -> dict[str, object]:
        return {"text": self._text()}

    def is_empty(self) -> bool:
        return not self._text().strip()

    def submit(self, values: dict[str, object]) -> object:
        return self._on_submit(str(values["text"]))

    @on(Input.Submitted)
    def _enter(self) -> None:
        self.action_save()


class JournalDialog(FormDialog):
    """A journal entry: text, and optionally one of the six hats."""

    TITLE_TEXT = N_("Journaal: nieuwe notitie")

    def __init__(self, on_submit: Callable[[str, str | None], object]) -> None:
        super().__init__()
        self._on_submit = on_submit

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Wat deed of zag u?"))
        yield TextArea("", id="journal", soft_wrap=True)
        yield self.error_line("journal")
        yield self.label(_("Welke pet had u op? (mag leeg)"))
        yield Select([(h.label, h.value) for h in Hat], prompt=_("geen pet"), id="hat")
        yield self.error_line("hat")

    def values(self) -> dict[str, object]:
        hat = self.query_one("#hat", Select).value
        return {"text": self.query_one("#journal", TextArea).text,
                "hat": None if hat is Select.NULL else str(hat)}

    def is_empty(self) -> bool:
        return not self.query_one("#journal", TextArea).text.strip()

    def submit(self, values: dict[str, object]) -> object:
        return self._on_submit(str(values["text"]), values["hat"])  # type: ignore[arg-type]


def language_dialog(title: str) -> ChoiceDialog[str]:
    """Which language a document is made in (issue 17.5): chosen per export, so a Dutch partner
    gets Dutch while the user works in English. Starts on the language of the screen; `n` and
    `e` choose at once."""
    codes = list(i18n.LANGUAGES)
    return ChoiceDialog(
        title,
        _("In welke taal wordt het gemaakt? De app zelf blijft in haar eigen taal."),
        [(i18n.LANGUAGE_NAMES[code], code) for code in codes],
        keys=[code[0] for code in codes], highlight=codes.index(i18n.current()))


def ave_choices() -> list[tuple[str, str]]:
    """The AVE phases as a Select lists them: '3 oranje'."""
    return [(f"{a.value} {a.label}", a.value) for a in AvePhase]


def level_choices() -> list[tuple[str, str]]:
    return [(lv.label, lv.value) for lv in Level]


class AveWarning(Static):
    """The warning line under an AVE phase and level (services/cases/ave.py: a contradiction is
    a warning, never a refusal); empty and hidden when the combination fits."""

    def __init__(self, *, zvh_role: str | None = None, id: str = "ave-warning") -> None:
        super().__init__("", id=id, classes="dialog-emphasis", markup=False)
        self._role = zvh_role

    def show_for(self, ave_phase: object, level: object) -> None:
        warnings = (ave.contradictions(str(ave_phase), str(level), self._role)
                    if isinstance(ave_phase, str) and isinstance(level, str) else [])
        self.update("\n".join(_("Let op: {warning}").format(warning=w) for w in warnings))
        self.display = bool(warnings)


class TriageDialog(FormDialog):
    """The outcome of the triage (oppakken, doorverwijzen, advies) and the reason, with the AVE
    phase and level the case is placed at (a contradiction is warned about, not refused)."""

    TITLE_TEXT = N_("Uitkomst van de triage")

    def __init__(self, outcome: str, reason: str, on_submit: Callable[[str, str, str, str], object], *,
                 ave_phase: str = "", level: str = "", zvh_role: str | None = None) -> None:
        super().__init__()
        self._outcome, self._reason, self._on_submit = outcome, reason, on_submit
        self._ave = ave_phase or cases.NEW_CASE_AVE.value
        self._level = level or cases.NEW_CASE_LEVEL.value
        self._role = zvh_role

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(
            _("Kies ook waar de casus in het AVE-model staat. Een ZVH-casus staat meestal in "
              "AVE-fase {phase} ({colour}) op procesniveau.").format(
                phase=cases.NEW_CASE_AVE.value, colour=cases.NEW_CASE_AVE.label)),
            classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Uitkomst"))
        yield Select([(o.label, o.value) for o in TriageOutcome], prompt=_("kies een uitkomst"),
                     value=self._outcome or Select.NULL, id="triage_outcome")
        yield self.error_line("triage_outcome")
        yield self.label(_("Reden (verplicht bij doorverwijzen of advies)"))
        yield TextArea(self._reason, id="triage_reason", soft_wrap=True)
        yield self.error_line("triage_reason")
        yield self.label(_("AVE-fase"))
        yield Select(ave_choices(), value=self._ave, allow_blank=False, id="ave_phase")
        yield self.error_line("ave_phase")
        yield self.label(_("Niveau"))
        yield Select(level_choices(), value=self._level, allow_blank=False, id="level")
        yield self.error_line("level")
        yield AveWarning(zvh_role=self._role)

    def on_mount(self) -> None:  # FormDialog.on_mount (Textual calls it too) focuses the first field
        self._warn()

    @on(Select.Changed, "#ave_phase, #level")
    def _warn(self) -> None:
        self.query_one(AveWarning).show_for(self.query_one("#ave_phase", Select).value,
                                            self.query_one("#level", Select).value)

    def values(self) -> dict[str, object]:
        outcome = self.query_one("#triage_outcome", Select).value
        return {"outcome": None if outcome is Select.NULL else str(outcome),
                "reason": self.query_one("#triage_reason", TextArea).text,
                "ave_phase": str(self.query_one("#ave_phase", Select).value),
                "level": str(self.query_one("#level", Select).value)}

    def is_empty(self) -> bool:
        v = self.values()
        return (str(v["reason"]).strip() == self._reason.strip() and (v["outcome"] or "") == self._outcome
                and v["ave_phase"] == self._ave and v["level"] == self._level)

    def submit(self, values: dict[str, object]) -> object:
        if not values["outcome"]:
            raise ZvhError(_("Kies een uitkomst van de triage."), field="triage_outcome")
        return self._on_submit(str(values["outcome"]), str(values["reason"]), str(values["ave_phase"]),
                               str(values["level"]))


class EscalateDialog(FormDialog):
    """Op- of afschalen: the new level and AVE phase, why, who decided, and when. A proposal
    (services/cases/ave.py) opens it filled in: the proposed level and phase, and the evidence
    as the aanleiding; the user names who decided and saves, or changes it."""

    TITLE_TEXT = N_("Op- of afschalen")

    def __init__(self, level: str, ave_phase: str,
                 on_submit: Callable[[str, str, str, str, str], object], *,
                 to_level: str = "", to_ave: str = "", trigger: str = "", proposal: str = "",
                 zvh_role: str | None = None) -> None:
        super().__init__()
        self._level, self._ave, self._on_submit = level, ave_phase, on_submit
        self._to_level, self._to_ave = to_level or level, to_ave or ave_phase
        self._trigger, self._proposal, self._role = trigger, proposal, zvh_role

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_("Nu: niveau {level}, AVE-fase {phase} ({colour}).").format(
            level=Level.label_of(self._level), phase=self._ave, colour=AvePhase.label_of(self._ave))),
            classes="dialog-text")
        if self._proposal:
            yield Static(plain(_("Voorstel: {proposal}. Vul in wie besloot en sla op, of pas aan.").format(
                proposal=self._proposal)),
                         classes="dialog-emphasis", id="escalate-proposal")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Niveau"))
        yield Select(level_choices(), value=self._to_level, allow_blank=False, id="to_level")
        yield self.label(_("AVE-fase"))
        yield Select(ave_choices(), value=self._to_ave, allow_blank=False, id="to_ave")
        yield self.error_line("to_level")
        yield AveWarning(zvh_role=self._role)
        yield self.label(_("Aanleiding (waarom?)"))
        yield TextArea(self._trigger, id="trigger", soft_wrap=True)
        yield self.error_line("trigger")
        yield self.label(_("Wie besloot?"))
        yield Input("", id="decided_by")
        yield self.error_line("decided_by")
        yield self.label(_("Datum van het besluit"))
        yield DateInput(today_word(), label=_("Datum van het besluit"), id="decided_on")
        yield self.error_line("decided_on")

    def on_mount(self) -> None:
        if self._proposal:  # the rest is filled in; after FormDialog.on_mount's first field
            self.call_after_refresh(self.query_one("#decided_by", Input).focus)
        self._warn()

    @on(Select.Changed, "#to_level, #to_ave")
    def _warn(self) -> None:
        self.query_one(AveWarning).show_for(self.query_one("#to_ave", Select).value,
                                            self.query_one("#to_level", Select).value)

    def values(self) -> dict[str, object]:
        return {
            "level": str(self.query_one("#to_level", Select).value),
            "ave": str(self.query_one("#to_ave", Select).value),
            "trigger": self.query_one("#trigger", TextArea).text,
            "decided_by": self.query_one("#decided_by", Input).value,
            "decided_on": self.query_one("#decided_on", DateInput).value,
        }

    def is_empty(self) -> bool:
        v = self.values()
        return str(v["trigger"]).strip() == self._trigger.strip() and not str(v["decided_by"]).strip()

    def submit(self, values: dict[str, object]) -> object:
        try:
            return self._on_submit(*(str(values[k]) for k in ("level", "ave", "trigger", "decided_by",
                                                               "decided_on")))
        except ZvhError as error:
            if error.field is None:
                error.field = "to_level"
            raise


class CloseCaseDialog(FormDialog):
    """Afsluiten: reason, who was informed, nazorg date; shows the retention end before saving.
    With the case's level and AVE phase given it offers an afschaling to the local team (an
    escalation row down, with who decided and why), hidden until its box is ticked."""

    TITLE_TEXT = N_("Casus afsluiten")
    SAVE_LABEL = N_("Afsluiten")

    def __init__(self, reference: str, retention_years: int,
                 on_submit: Callable[[str, str, str, str | None, dict[str, str] | None], object],
                 open_actions: int = 0, *, level: str = "", ave_phase: str = "") -> None:
        super().__init__()
        self._reference, self._years, self._on_submit = reference, retention_years, on_submit
        self._open_actions = open_actions
        self._level, self._ave = level, ave_phase
        self._can_afschalen = bool(level) and not (level == Level.CASE.value and ave_phase == AvePhase.GREEN.value)

    def retention_end(self) -> dt.date:
        return cases.retention_end_for(context.today(), self._years)

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(ngettext(
            "Casus {reference} wordt vandaag afgesloten. Bewaartermijn {n} jaar: "
            "de gegevens worden bewaard tot {day} en daarna voorgesteld voor vernietiging.",
            "Casus {reference} wordt vandaag afgesloten. Bewaartermijn {n} jaar: "
            "de gegevens worden bewaard tot {day} en daarna voorgesteld voor vernietiging.",
            self._years).format(reference=self._reference, n=self._years,
                                day=i18n.format_date(self.retention_end(), "short"))),
            classes="dialog-text", id="retention-end")
        if self._open_actions:
            # i18n: {open_actions} is "Er staan nog 3 open acties" (services/cases/lifecycle.py)
            yield Static(plain(_("{open_actions} in het plan van aanpak.").format(
                open_actions=cases.open_actions_text(self._open_actions))),
                         classes="dialog-emphasis", id="open-actions-warning")

    def fields(self) -> Iterable[Widget]:
        if self._open_actions:
            count = self._open_actions
            yield self.label(ngettext("Wat gebeurt er met die actie?",
                                      "Wat gebeurt er met die acties?", count))
            yield Select([(ngettext("Laten vervallen (status vervallen)",
                                    "Alle laten vervallen (status vervallen)", count),
                           cases.CANCEL_OPEN_ACTIONS),
                          (_("Open laten staan"), cases.KEEP_OPEN_ACTIONS)],
                         prompt=_("Kies…"), id="open_actions")
            yield self.error_line("open_actions")
        yield self.label(_("Reden van afsluiten"))
        yield TextArea("", id="closing_reason", soft_wrap=True)
        yield self.error_line("closing_reason")
        yield self.label(_("Wie is geïnformeerd?"))
        yield Input("", id="closing_informed")
        yield self.error_line("closing_informed")
        yield self.label(_("Nazorg tot (mag leeg)"))
        yield DateInput("", label=_("Nazorg tot"), future=True, id="watch_until")
        yield self.error_line("watch_until")
        if self._can_afschalen:
            yield Static(plain(_("Nu {level}, AVE-fase {phase}. Gaat de regie terug naar het lokale "
                                 "team?").format(level=ave.level_name(self._level), phase=self._ave)),
                         classes="field-label")
            yield TickBox(_("Afschalen naar casusniveau"), value=False, id="afschalen")
            with Vertical(id="afschaling", classes="dialog-group"):
                yield self.label(_("AVE-fase na afschalen (casusniveau)"))
                yield Select([c for c in ave_choices() if c[1] <= self._ave],
                             value=min(self._ave, AvePhase.YELLOW.value), allow_blank=False,
                             id="afschaling_ave")
                yield self.error_line("afschaling_ave")
                yield self.error_line("afschaling_to_level")
                yield self.label(_("Wie besloot tot afschalen?"))
                yield Input("", id="afschaling_decided_by")
                yield self.error_line("afschaling_decided_by")
                yield self.label(_("Waarom kan de regie terug naar het lokale team?"))
                yield TextArea("", id="afschaling_trigger", soft_wrap=True)
                yield self.error_line("afschaling_trigger")

    def on_mount(self) -> None:
        self.query_one("#closing_reason", TextArea).focus()  # the choice is asked on saving
        if self._can_afschalen:
            self.query_one("#afschaling").display = False

    @on(Checkbox.Changed, "#afschalen")
    def _afschalen_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#afschaling").display = event.value

    def afschaling(self) -> dict[str, str] | None:
        if not self._can_afschalen or not self.query_one("#afschalen", Checkbox).value:
            return None
        return {"to_ave": str(self.query_one("#afschaling_ave", Select).value),
                "decided_by": self.query_one("#afschaling_decided_by", Input).value,
                "trigger": self.query_one("#afschaling_trigger", TextArea).text}

    def values(self) -> dict[str, object]:
        choice = self.query_one("#open_actions", Select).value if self._open_actions else None
        return {
            "reason": self.query_one("#closing_reason", TextArea).text,
            "informed": self.query_one("#closing_informed", Input).value,
            "watch_until": self.query_one("#watch_until", DateInput).value,
            "open_actions": choice if isinstance(choice, str) else None,
        }

    def is_empty(self) -> bool:
        typed = self.afschaling() or {}
        return (not any(str(v or "").strip() for v in self.values().values())
                and not typed.get("decided_by", "").strip() and not typed.get("trigger", "").strip())

    def submit(self, values: dict[str, object]) -> object:
        choice = values["open_actions"]
        return self._on_submit(str(values["reason"]), str(values["informed"]),
                               str(values["watch_until"]), choice if isinstance(choice, str) else None,
                               self.afschaling())
