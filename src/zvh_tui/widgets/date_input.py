"""A date field that reads Dutch dates and says, beside it, what it understood.

Typing `15-12`, `vandaag`, `morgen`, `vr` or `+2w` shows the date it means ("di 15-12-2026");
leaving the field (or Enter) with something unreadable shows the Dutch message of
`services.dates.parse_date` beside it instead. The text typed is never changed or lost.

    DateInput(label=N_("Datum van aanmelding"), future=False, id="received_on")  # translated when shown
    widget.value        # the text as typed
    widget.parse()      # the date (None when empty) or raises ValidationError
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from zvh_tui.core import i18n
from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import N_, tr
from zvh_tui.services.shared import dates

PLACEHOLDER = N_("15-12, vandaag, +2w")


def today_word() -> str:
    """The word a date field starts with for today, as the user would type it: 'vandaag' in
    Dutch, 'today' in English (services/shared/dates.py reads both in either language)."""
    return i18n.pgettext("dates.word", "vandaag")


def describe(day: dt.date) -> str:
    """'di 15-12-2026' / 'Tue 15/12/2026': the weekday and the date in the language of the moment."""
    return f"{i18n.format_date(day, 'EEE')} {i18n.format_date(day)}"


class DateInput(Horizontal):
    DEFAULT_CSS = """
    DateInput { height: auto; }
    DateInput > Input { width: 22; }
    DateInput > .date-feedback {
        width: 1fr;
        height: auto;
        min-height: 3;  /* beside the field; a long message wraps below, never cut off */
        padding: 0 1;
        content-align: left middle;
        color: $text-muted;
    }
    DateInput > .date-feedback.-error { color: $text-error; text-style: bold; }
    """

    class Parsed(Message):
        """The field was left or submitted: the date it holds, or the error."""

        def __init__(self, date_input: DateInput, date: dt.date | None, error: str | None) -> None:
            super().__init__()
            self.date_input = date_input
            self.date = date
            self.error = error

        @property
        def control(self) -> DateInput:
            return self.date_input

    def __init__(
        self,
        value: str = "",
        *,
        label: str = N_("Datum"),
        future: bool = False,
        placeholder: str = PLACEHOLDER,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.future = future
        self._initial = value
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Input(self._initial, placeholder=tr(self._placeholder), classes="date-text")
        yield Static("", classes="date-feedback", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(".date-text", Input)

    @property
    def feedback(self) -> Static:
        return self.query_one(".date-feedback", Static)

    @property
    def value(self) -> str:
        return self.input.value

    @value.setter
    def value(self, text: str) -> None:
        self.input.value = text

    def focus(self, scroll_visible: bool = True) -> DateInput:
        self.input.focus(scroll_visible)
        return self

    def parse(self) -> dt.date | None:
        """The date typed (None when empty); raises ValidationError with a Dutch message."""
        return dates.parse_date(self.value, label=tr(self.label), future=self.future, field=self.id)

    def show_error(self, message: str) -> None:
        self.feedback.update(message)
        self.feedback.add_class("-error")

    def _show(self, day: dt.date | None) -> None:
        self.feedback.update(describe(day) if day else "")
        self.feedback.remove_class("-error")

    @on(Input.Changed, ".date-text")
    def _typed(self, event: Input.Changed) -> None:
        """While typing: show what a readable text means; errors wait until the field is left."""
        event.stop()
        try:
            day = self.parse()
        except ValidationError:
            if not self.feedback.has_class("-error"):
                self._show(None)
            return
        self._show(day)

    @on(Input.Blurred, ".date-text")
    def _left(self, event: Input.Blurred) -> None:
        self.check()

    @on(Input.Submitted, ".date-text")
    def _submitted(self, event: Input.Submitted) -> None:
        self.check()

    def check(self) -> dt.date | None:
        """Parse now and show the result or the error beside the field; post Parsed."""
        try:
            day = self.parse()
        except ValidationError as exc:
            self.show_error(str(exc))
            self.post_message(self.Parsed(self, None, str(exc)))
            return None
        self._show(day)
        self.post_message(self.Parsed(self, day, None))
        return day
