"""Choose a partner (and contact) by typing a few letters: arrows move, Enter chooses.

    picker = PartnerPicker(case_id=case.id, id="owner")
    ...
    def on_partner_picker_picked(self, event: PartnerPicker.Picked) -> None:
        event.partner_id, event.contact_id

Partners already at the table in `case_id` come first (marked "aan tafel"). The list opens
while typing and closes on Enter, Escape or leaving the field. `value` is the chosen
(partner_id, contact_id), or None while nothing (or something else than a choice) is typed.
Names are shown as plain text, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from zvh_tui.core.i18n import N_, _, tr
from zvh_tui.services.partners import pickers
from zvh_tui.services.partners.pickers import PartnerChoice
from zvh_tui.services.shared.text import visible

PLACEHOLDER = N_("Typ een paar letters van organisatie of contactpersoon")


class PartnerPicker(Vertical):
    DEFAULT_CSS = """
    PartnerPicker { height: auto; }
    PartnerPicker > OptionList {
        display: none;
        max-height: 8;
        border: none;
        background: $panel;
    }
    PartnerPicker.-open > OptionList { display: block; }
    """

    BINDINGS = [
        Binding("down", "move(1)", N_("Volgende"), show=False, id="picker.down"),
        Binding("up", "move(-1)", N_("Vorige"), show=False, id="picker.up"),
        Binding("escape", "close_list", N_("Lijst sluiten"), show=False, id="picker.close"),
    ]

    class Picked(Message):
        """A partner (and maybe a contact) was chosen."""

        def __init__(self, picker: PartnerPicker, partner_id: int, contact_id: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.partner_id = partner_id
            self.contact_id = contact_id

        @property
        def control(self) -> PartnerPicker:
            return self.picker

    def __init__(
        self,
        case_id: int | None = None,
        *,
        placeholder: str = PLACEHOLDER,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.case_id = case_id
        self._placeholder = placeholder
        self._choices: list[PartnerChoice] = []
        self._picked: PartnerChoice | None = None
        self._put_text: str | None = None  # the text we put in the input ourselves (a choice)

    def compose(self) -> ComposeResult:
        yield Input(placeholder=tr(self._placeholder), classes="picker-input")
        option_list = OptionList(classes="picker-options")
        option_list.can_focus = False
        yield option_list

    # -- public -----------------------------------------------------------------------------
    @property
    def input(self) -> Input:
        return self.query_one(".picker-input", Input)

    @property
    def value(self) -> tuple[int, int | None] | None:
        if self._picked is None:
            return None
        return self._picked.partner_id, self._picked.contact_id

    @property
    def choice(self) -> PartnerChoice | None:
        return self._picked

    @property
    def text(self) -> str:
        return self.input.value

    def focus(self, scroll_visible: bool = True) -> PartnerPicker:
        self.input.focus(scroll_visible)
        return self

    def set_choice(self, partner_id: int | None, contact_id: int | None = None) -> None:
        """Show an earlier choice (or clear with None) without posting Picked."""
        choice = pickers.choice_for(partner_id, contact_id) if partner_id else None
        self._picked = choice
        self._put(choice.label if choice else "")

    def set_text(self, text: str) -> None:
        """Put typed text back without a choice and without opening the list (a restored
        draft whose partner was not chosen yet: Enter on it still has to choose)."""
        self._picked = None
        self._put(text)

    def clear(self) -> None:
        self.set_choice(None)

    # -- behaviour --------------------------------------------------------------------------
    def _put(self, text: str) -> None:
        self._put_text = text  # Input.Changed arrives later: recognise it as ours
        self.input.value = text
        self.input.cursor_position = len(text)

    @property
    def _options(self) -> OptionList:
        return self.query_one(".picker-options", OptionList)

    def _fill(self, query: str) -> None:
        self._choices = pickers.partner_choices(query, self.case_id)
        options = []
        for choice in self._choices:
            prompt = Text(visible(choice.label))  # stored names: control characters as symbols
            if choice.in_case:
                prompt.append("  (" + _("aan tafel") + ")", style="italic")
            if not choice.convenant_signed:
                prompt.append("  " + _("geen convenant"), style="bold")
            options.append(Option(prompt))
        option_list = self._options
        option_list.set_options(options)
        if not options:
            option_list.add_option(Option(Text(_("Geen partner gevonden")), disabled=True))
        else:
            option_list.highlighted = 0
        self.set_class(True, "-open")

    @on(Input.Changed, ".picker-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._put_text is not None and event.value == self._put_text:
            return
        self._put_text = None
        self._picked = None
        if event.value.strip():
            self._fill(event.value)
        else:
            self.set_class(False, "-open")

    @on(Input.Submitted, ".picker-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.has_class("-open") and self._choices:
            event.stop()
            index = self._options.highlighted
            self._pick(index if index is not None else 0)

    @on(Input.Blurred, ".picker-input")
    def _blurred(self, event: Input.Blurred) -> None:
        self.set_class(False, "-open")

    @on(OptionList.OptionSelected, ".picker-options")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)
        self.input.focus()

    def _pick(self, index: int) -> None:
        if not 0 <= index < len(self._choices):
            return
        choice = self._choices[index]
        self._picked = choice
        self._put(choice.label)
        self.set_class(False, "-open")
        self.post_message(self.Picked(self, choice.partner_id, choice.contact_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move", "close_list"):
            return self.has_class("-open")  # otherwise the keys go on to the form or list
        return True

    def action_move(self, step: int) -> None:
        if not self._choices:
            return
        option_list = self._options
        current = option_list.highlighted or 0
        option_list.highlighted = max(0, min(len(self._choices) - 1, current + step))

    def action_close_list(self) -> None:
        self.set_class(False, "-open")
