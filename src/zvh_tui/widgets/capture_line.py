"""The capture line of a live meeting: everything said at the table, typed as one line.

`CaptureLine` is the line (`CaptureInput`, a Textual `Input`) with the answer under it. The
grammar is the service's (`services/meetings/capture.py`); this widget only types, completes,
submits and shows:

- completion as you type (`CaptureSuggester`, over `capture.suggest`): Tab, or Right at the end
  of the line, takes it; Enter always submits the line exactly as typed, as in a shell;
- Enter runs `capture.execute(line, item, today=, now=)`, which stores (committed) before it
  returns; the answer (`Outcome.message`) shows under the line, in the error style when not ok;
  the field is cleared only when the line was taken (`keep_line` keeps it for correcting);
- a `Question` (an owner or casusregisseur to pick, a reason) shows its prompt, and the next
  line is the answer (`capture.answer`); Escape cancels it and puts the original line back;
- Up and Down recall the earlier lines of this meeting (in memory only, like a shell history);
- every outcome goes to the screen's `on_outcome` in the same handler as the answer (not as a
  posted message, which Textual handles a frame later): the screen redraws the panels the
  outcome names, or moves to another agenda item, so the answer and the panels show in one frame.

The draft of the half-typed line (key `capture:<meeting id>`) is kept by the screen
(`widgets.drafts.DraftForm`): `draft_line` is what it keeps (the original line while a question
is asked, so a lock in the middle of a question loses nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from zvh_tui.core import crash
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, tr
from zvh_tui.services.meetings import capture
from zvh_tui.services.shared import context
from zvh_tui.widgets.safe_text import SafeText

CAPTURE_INPUT_ID = "capture-input"
PLACEHOLDER = N_("b besluit · a actie @eigenaar datum · n notitie · /volgende · /sluit · F1: alles")
ANSWER_PLACEHOLDER = N_("Uw antwoord (een nummer of tekst); Esc annuleert de vraag")
HISTORY_MAX = 500


class CaptureSuggester(Suggester):
    """Completion of the whole line (`capture.suggest`): `/vo` -> `/volgende`, `@pol` -> `@politie`.

    No cache: the names change with the agenda item. Case-sensitive: the line is passed as
    typed; the service decides how to match."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names: Sequence[str] = ()

    async def get_suggestion(self, value: str) -> str | None:
        suggestion = capture.suggest(value, self.names)
        if not suggestion or suggestion == value or not suggestion.startswith(value):
            return None  # the Input can only show what extends the line as typed
        return suggestion


class CaptureInput(Input):
    """The line itself: Tab takes the completion, Up/Down go through the earlier lines."""

    BINDINGS = [
        Binding("tab", "complete", N_("Aanvullen"), show=False, id="capture.complete"),
        Binding("up", "history(-1)", N_("Vorige ingevoerde regel"), show=False, id="capture.history_back"),
        Binding("down", "history(1)", N_("Volgende ingevoerde regel"), show=False,
                id="capture.history_forward"),
    ]

    def action_complete(self) -> None:
        """Tab: take the completion shown after the cursor (nothing when there is none)."""
        if self._suggestion and self._suggestion != self.value:
            self.value = self._suggestion
            self.cursor_position = len(self.value)

    async def action_submit(self) -> None:
        """Enter: handled here, in the order of the keys (a line typed right after Enter is
        never cleared with the one before); stored before the next key is read."""
        line = self.parent_line
        if line is not None:
            line.submit(self.value)

    def action_history(self, step: int) -> None:
        line = self.parent_line
        if line is not None:
            line.recall(step)

    @property
    def parent_line(self) -> CaptureLine | None:
        for node in self.ancestors:
            if isinstance(node, CaptureLine):
                return node
        return None


@dataclass
class _Asked:
    question: capture.Question
    restore: str  # in the field again when the question is cancelled (or refused)
    after: str = ""  # in the field again once it is answered (a key's command kept the line)


class CaptureLine(Vertical):
    """The capture line and its answer; the screen sets `item` (the current agenda item)."""

    DEFAULT_CSS = """
    CaptureLine {
        height: auto;
    }
    CaptureLine > #capture-prompt {
        height: auto;
        max-height: 4;
        padding: 0 1;
        color: $text-warning;
        display: none;
    }
    CaptureLine > #capture-answer {
        height: auto;
        max-height: 3;
        padding: 0 1;
    }
    CaptureLine > #capture-answer.-error {
        color: $text-error;
    }
    CaptureLine > #capture-answer.-ok {
        color: $text-success;
    }
    """

    def __init__(self, *, now: Callable[[], dt.datetime], id: str | None = None) -> None:
        super().__init__(id=id)
        self.item: Any = None  # the MeetingItem lines are about; set by the screen
        self.now = now  # naive UTC, as stored
        self.history: list[str] = []
        self._recall_at: int | None = None  # index into history while going through it
        self._scratch = ""  # the half-typed line from before Up was pressed
        self._asked: _Asked | None = None
        self.suggester = CaptureSuggester()
        # Called the moment the line changed because of Enter or Escape (the screen keeps the
        # draft): a kill -9 right after Enter must not bring back a line that was stored.
        self.keep_draft: Callable[[], None] | None = None
        # The screen's redraw, called in the same handler as the answer, so both show in one
        # frame (issue 16: a posted message was handled a frame later).
        self.on_outcome: Callable[[capture.Outcome], None] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="capture-prompt", markup=False)
        yield CaptureInput(placeholder=_(PLACEHOLDER), suggester=self.suggester, id=CAPTURE_INPUT_ID,
                           select_on_focus=False)
        yield Static("", id="capture-answer", markup=False)

    # -- what the screen uses ---------------------------------------------------------------
    @property
    def input(self) -> CaptureInput:
        return self.query_one(f"#{CAPTURE_INPUT_ID}", CaptureInput)

    @property
    def question(self) -> capture.Question | None:
        return self._asked.question if self._asked is not None else None

    @property
    def draft_line(self) -> str:
        """What the draft keeps: the line typed, or the line a pending question came from."""
        return self._asked.restore if self._asked is not None else self.input.value

    def set_names(self, names: Sequence[str]) -> None:
        self.suggester.names = tuple(names)

    def say(self, message: object, *, ok: bool = True) -> None:
        """A message under the line (stored text possible: shown literally); a service's
        `Message` is read in the language of the moment."""
        answer = self.query_one("#capture-answer", Static)
        answer.update(SafeText(message if isinstance(message, str) else tr(message)))
        answer.set_class(not ok, "-error")
        answer.set_class(ok and bool(message), "-ok")

    def cancel_question(self) -> bool:
        """Escape: forget the question and put its line back; False when none was asked."""
        if self._asked is None:
            return False
        line = self._asked.restore
        self._set_question(None)
        self.input.value = line
        self.input.cursor_position = len(line)
        self.say(_("Vraag geannuleerd: de regel staat er weer."), ok=True)
        if self.keep_draft is not None:
            self.keep_draft()
        return True

    def close(self, message: str) -> None:
        """The meeting ended: no more lines."""
        self._set_question(None)
        self.input.value = ""
        self.input.placeholder = message
        self.input.disabled = True
        self.say(message, ok=True)

    # -- typing -----------------------------------------------------------------------------
    def recall(self, step: int) -> None:
        """Up (-1) / Down (+1): an earlier line of this meeting; past the newest, what was typed."""
        if not self.history or self._asked is not None:
            return
        field = self.input
        if self._recall_at is None:
            if step > 0:
                return
            self._scratch = field.value
            index = len(self.history) - 1
        else:
            index = self._recall_at + step
        if index >= len(self.history):
            self._recall_at = None
            field.value = self._scratch
        else:
            self._recall_at = max(0, index)
            field.value = self.history[self._recall_at]
        field.cursor_position = len(field.value)

    def _remember(self, line: str) -> None:
        if line.strip() and (not self.history or self.history[-1] != line):
            self.history.append(line)
            del self.history[:-HISTORY_MAX]
        self._recall_at = None
        self._scratch = ""

    def submit(self, typed: str) -> None:
        """Enter on the line: execute it (or answer the question asked), show the outcome."""
        if self.item is None or self.input.disabled:
            return
        asked = self._asked
        if asked is None:
            if not typed.strip():
                return
            self._remember(typed)
            outcome = self._handle(typed)
            if outcome is not None:
                self._show(outcome, _Asked(outcome.question, typed) if outcome.question else None,
                           kept=typed if outcome.keep_line else "")
            return
        outcome = self._handle(typed, asked.question)
        if outcome is None:
            return
        if outcome.question is not None:  # asked again (not understood) or a next question
            self._show(outcome, _Asked(outcome.question, asked.restore, asked.after), kept="")
        else:
            self._show(outcome, None, kept=asked.restore if outcome.keep_line else asked.after)

    def submit_command(self, line: str) -> None:
        """A key that stands for a line of the grammar (PgDn: /volgende): run it without
        touching what is being typed; a question it asks is answered in the line as usual."""
        if self.item is None or self.input.disabled:
            return
        if self._asked is not None:
            self.say(_("Beantwoord eerst de vraag, of annuleer die met Esc."), ok=False)
            return
        outcome = self._handle(line)
        if outcome is None:
            return
        typed = self.input.value
        if outcome.question is not None:
            self._show(outcome, _Asked(outcome.question, typed, typed), kept="")
        else:
            self._show(outcome, None, kept=typed)

    def _handle(self, line: str, question: capture.Question | None = None) -> capture.Outcome | None:
        """The service's answer to a line; a refusal it raised shown as one (line kept)."""
        now, today = self.now(), context.today()
        try:
            if question is None:
                return capture.execute(line, self.item, today=today, now=now)
            return capture.answer(question, line, self.item, today=today, now=now)
        except ZvhError as error:
            self.say(str(error), ok=False)
        except Exception as error:  # never a crash in the middle of a meeting; the id in the log
            code = crash.report(error, getattr(self.app, "crash_log_file", None))
            self.say(crash.worker_failure_message(code), ok=False)
        return None

    def _show(self, outcome: capture.Outcome, asked: _Asked | None, *, kept: str) -> None:
        """Show what the service said; the field holds `kept` (empty when the line was taken)
        or, while a question is asked, the answer being typed."""
        field = self.input
        self._set_question(asked)
        field.value = "" if asked is not None else kept
        field.cursor_position = len(field.value)
        self.say(outcome.message, ok=outcome.ok)
        if self.keep_draft is not None:
            self.keep_draft()
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def _set_question(self, asked: _Asked | None) -> None:
        self._asked = asked
        prompt = self.query_one("#capture-prompt", Static)
        prompt.update(SafeText(str(asked.question.prompt)) if asked is not None else "")
        prompt.display = asked is not None
        self.input.placeholder = _(ANSWER_PLACEHOLDER) if asked is not None else _(PLACEHOLDER)
