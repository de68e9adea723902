"""Typed dialogs of the plan editor: confirm, choose from a list, choose an owner.

    ok = await self.app.push_screen_wait(PlanConfirm("Doel verwijderen?", "…"))     # bool
    value = await self.app.push_screen_wait(ChoiceDialog("Kies", "…", [(label, value), …]))
    owner = await self.app.push_screen_wait(OwnerDialog(case_id))                   # OwnerChoice | None

Escape answers "no" / None. Every text is plain (user data never goes through markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from zvh_tui.services.shared.text import visible

T = TypeVar("T")

DIALOG_CSS = """
{cls} { align: center middle; background: $background 60%; }
{cls} > Vertical {
    width: 80;
    max-width: 95%;
    height: auto;
    max-height: 90%;
    border: round $accent;
    background: $surface;
    padding: 1 2;
}
{cls} .dialog-title { text-style: bold; margin-bottom: 1; }
{cls} > Vertical > .dialog-title { dock: top; }
{cls} .dialog-text { margin-bottom: 1; height: auto; }
{cls} .dialog-hint { color: $text-muted; margin-top: 1; dock: bottom; }
/* What can grow (a long message, a list) takes what is left; buttons and hints stay docked
   at the bottom, visible at 80x24 too. */
{cls} .dialog-body { height: auto; max-height: 1fr; }
{cls} .dialog-head { dock: top; height: auto; }
{cls} #choice-list { height: auto; max-height: 1fr; }
{cls} .dialog-buttons { height: auto; align-horizontal: right; margin-top: 1; dock: bottom; }
{cls} .dialog-buttons Button { margin-left: 2; }
"""


class PlanConfirm(ModalScreen[bool]):
    """A yes/no question; Escape and the No button answer False."""

    DEFAULT_CSS = DIALOG_CSS.replace("{cls}", "PlanConfirm")
    BINDINGS = [
        Binding("escape,n", "answer(False)", "Nee", id="plan_dialog.no"),
        Binding("j,y", "answer(True)", "Ja", show=False, id="plan_dialog.yes"),
    ]

    def __init__(self, title: str, message: str, *, yes: str = "Ja", no: str = "Nee",
                 focus_yes: bool = False) -> None:
        super().__init__()
        self._title, self._message, self._yes, self._no = title, message, yes, no
        self._focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(visible(self._title)), classes="dialog-title")
            body = VerticalScroll(classes="dialog-body")
            with body:  # focusable: arrows scroll a long message
                yield Static(Text(visible(self._message, multiline=True)), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._no + " (n)", id="confirm-no")
                yield Button(self._yes + " (j)", id="confirm-yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self._focus_yes else "#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ChoiceDialog(ModalScreen["T | None"], Generic[T]):
    """Choose one of a short list with arrows and Enter; Escape chooses nothing (None)."""

    DEFAULT_CSS = DIALOG_CSS.replace("{cls}", "ChoiceDialog")
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="plan_dialog.cancel")]

    def __init__(self, title: str, message: str, options: Sequence[tuple[str, T]],
                 *, hint: str = "Pijltjes: kiezen · Enter: bevestigen · Escape: annuleren",
                 keys: Sequence[str] = (), highlight: int = 0) -> None:
        """`keys`: one letter per option; typing it chooses that option at once (shown
        before its label). `highlight`: the option the cursor starts on."""
        super().__init__()
        self._title, self._message, self._hint = title, message, hint
        self._values = [value for _, value in options]
        self._keys = list(keys)
        padded = [*keys, *[""] * (len(options) - len(self._keys))]
        self._labels = [f"{key}  {label}" if key else label
                        for (label, _), key in zip(options, padded, strict=True)]
        self._highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical():
            with Vertical(classes="dialog-head"):
                yield Static(Text(visible(self._title)), classes="dialog-title")
                if self._message:
                    yield Static(Text(visible(self._message, multiline=True)), classes="dialog-text")
            # the list takes what is left between the docked head and hint, and scrolls itself
            yield OptionList(*[Option(Text(visible(label))) for label in self._labels], id="choice-list")
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


@dataclass(frozen=True)
class OwnerChoice:
    partner_id: int | None  # None: no owner (niemands taak)
    contact_id: int | None = None


class OwnerDialog(ModalScreen["OwnerChoice | None"]):
    """Choose the owner of an action (or the partner an afspraak concerns) by typing a few letters.

    Uses the roster's PartnerPicker: partners at the table in the case come first.
    """

    DEFAULT_CSS = DIALOG_CSS.replace("{cls}", "OwnerDialog") + """
    OwnerDialog PartnerPicker { margin-bottom: 1; }
    OwnerDialog PartnerPicker > OptionList { max-height: 6; }
    """
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="plan_dialog.owner_cancel")]

    def __init__(self, case_id: int, *, title: str = "Eigenaar kiezen",
                 none_label: str = "Geen eigenaar (niemands taak)") -> None:
        super().__init__()
        self._case_id = case_id
        self._title = title
        self._none_label = none_label

    def compose(self) -> ComposeResult:
        from zvh_tui.widgets.partner_picker import PartnerPicker

        with Vertical():
            yield Static(Text(visible(self._title)), classes="dialog-title")
            body = VerticalScroll(classes="dialog-body")
            body.can_focus = False
            with body:
                yield Static(Text("Typ een paar letters van de organisatie of de contactpersoon; "
                                  "Enter kiest."), classes="dialog-text")
                yield PartnerPicker(case_id=self._case_id, id="owner-picker")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._none_label, id="owner-none")
                yield Button("Annuleren", id="owner-cancel")

    def on_mount(self) -> None:
        self.query_one("#owner-picker").focus()

    def on_partner_picker_picked(self, event: object) -> None:
        self.dismiss(OwnerChoice(event.partner_id, event.contact_id))  # type: ignore[attr-defined]

    @on(Button.Pressed, "#owner-none")
    def _none(self) -> None:
        self.dismiss(OwnerChoice(None, None))

    @on(Button.Pressed, "#owner-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
