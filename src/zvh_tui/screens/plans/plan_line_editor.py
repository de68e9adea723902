"""The editor that opens in place of an outline line: one or a few labelled one-line fields.

It does not save anything itself. It tells the screen what is typed (`Typed`, on every change),
when the edit is finished (`Finished`: Enter, or focus leaving the editor) and when it is
cancelled (`Cancelled`: Escape). The screen saves as it goes and shows a refusal with
`show_error`. Tab and Shift+Tab move between the fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from zvh_tui.core.i18n import N_, _
from zvh_tui.services.shared.text import visible


@dataclass(frozen=True)
class EditField:
    name: str
    label: str
    value: str
    placeholder: str = ""
    live: bool = True  # saved while typing (debounced); dates only when the field is left


class PlanLineEditor(Vertical):
    DEFAULT_CSS = """
    PlanLineEditor {
        height: auto;
        border: round $accent;
        padding: 0 1;
        margin: 0 0 0 2;
        background: $panel;
    }
    PlanLineEditor > .editor-title { text-style: bold; }
    PlanLineEditor > Horizontal { height: auto; margin-top: 1; }
    PlanLineEditor > Horizontal > Label { width: 16; padding: 0 1 0 0; }
    PlanLineEditor > Horizontal > Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $boost; }
    PlanLineEditor > Horizontal > Input:focus { background: $surface-lighten-1; border: none; }
    PlanLineEditor > .editor-error { color: $text-error; text-style: bold; height: auto; }
    PlanLineEditor > .editor-error.-empty { display: none; }
    PlanLineEditor > .editor-hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", N_("Bewerken annuleren"), id="plan_editor.cancel_edit"),
    ]

    class Typed(Message):
        def __init__(self, editor: PlanLineEditor, field_name: str, value: str, live: bool) -> None:
            super().__init__()
            self.editor = editor
            self.field_name = field_name
            self.value = value
            self.live = live

    class Finished(Message):
        def __init__(self, editor: PlanLineEditor, reason: str) -> None:
            super().__init__()
            self.editor = editor
            self.reason = reason  # "submit" or "blur"

    class Cancelled(Message):
        def __init__(self, editor: PlanLineEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, title: str, fields: list[EditField], *, focus_field: str | None = None,
                 hint: str = N_("Enter: klaar · Tab: volgend veld · Esc: annuleren")) -> None:
        super().__init__(classes="plan-line-editor")
        self.heading = title
        self.fields = fields
        self.focus_field = focus_field or fields[0].name
        self.hint = hint
        self._done = False

    def compose(self) -> ComposeResult:
        yield Static(Text(visible(self.heading)), classes="editor-title")
        for item in self.fields:
            with Horizontal():
                yield Label(Text(visible(item.label)))
                yield Input(item.value, placeholder=item.placeholder, id=f"edit-{item.name}",
                            select_on_focus=False, classes="editor-input")
        yield Static("", classes="editor-error -empty", markup=False)
        yield Static(Text(_(self.hint)), classes="editor-hint")

    def on_mount(self) -> None:
        self.focus_input(self.focus_field)

    # -- for the screen ---------------------------------------------------------------------
    def focus_input(self, name: str) -> None:
        field_input = self.query_one(f"#edit-{name}", Input)
        field_input.focus()
        field_input.cursor_position = len(field_input.value)

    def values(self) -> dict[str, str]:
        return {item.name: self.query_one(f"#edit-{item.name}", Input).value for item in self.fields}

    def show_error(self, message: str, field: str | None = None) -> None:
        line = self.query_one(".editor-error", Static)
        line.update(Text(visible(message)))
        line.set_class(not message, "-empty")
        if field and any(item.name == field for item in self.fields) and self.is_attached:
            self.focus_input(field)

    def clear_error(self) -> None:
        self.show_error("")

    def mark_closing(self) -> None:
        self._done = True

    # -- events -----------------------------------------------------------------------------
    def _field(self, field_input: Input) -> EditField:
        name = (field_input.id or "").removeprefix("edit-")
        return next(item for item in self.fields if item.name == name)

    @on(Input.Changed, ".editor-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        item = self._field(event.input)
        self.post_message(self.Typed(self, item.name, event.value, item.live))

    @on(Input.Submitted, ".editor-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._done:
            self.post_message(self.Finished(self, "submit"))

    @on(Input.Blurred, ".editor-input")
    def _blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self.call_after_refresh(self._check_left)

    def _check_left(self) -> None:
        if self._done or not self.is_attached:
            return
        focused = self.screen.focused if self.screen is not None else None
        if focused is not None and self in focused.ancestors:
            return  # Tab to another field of this editor
        if self.app.screen is not self.screen:
            return  # a dialog or the command palette opened on top: the edit goes on after it
        self.post_message(self.Finished(self, "blur"))

    def action_cancel(self) -> None:
        if not self._done:
            self.post_message(self.Cancelled(self))
