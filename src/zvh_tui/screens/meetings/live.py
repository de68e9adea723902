"""Live mode of a casusoverleg: one agenda item at a time, everything captured in one line.

`LiveMeetingScreen(meeting_id)` starts the meeting (`live.start_meeting`: status open, started
now) and opens on its first open agenda item. It shows, compactly enough for 80x24 and large
enough for a projector:

- a title line (meeting, "punt 2 van 3", the case by number and naam of alias through
  `disclosure.case_name`, the phase beeld / oordeel / besluit) and the timers: this item against
  its slot, and the meeting (once a second; running over shows in the warning colour and is
  never enforced);
- the case card (`card.case_card`): phase, gezamenlijke opgave, casusregisseur, open and
  overdue actions, the review list of last time's actions numbered for `/gedaan N`, and what
  changed since the last plan version;
- the attendance of this item (`live.attendance_of`) with arrival and departure, and who has
  not yet heard the confidentiality reminder; the agenda with the current item marked;
- the notes and decisions of this item so far, and the capture line (widgets/capture_line.py),
  which has the focus.

Stored text is shown through `SafeText` (no markup, control characters as symbols). The
half-typed line is a draft (`capture:<meeting id>`, bound to the current item's case): saved on
every change, on a lock and on leaving, given back when the screen opens again, forgotten when
Enter was taken. What Enter stores is committed before the next key is read (capture.execute).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from zvh_tui import workers
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.core.vocab import ItemStatus, MeetingStatus, NoteKind, NoteTag, Presence, ReviewOutcome
from zvh_tui.services.meetings import capture, card, live, minutes, projector
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.shared import clock, context, dates, disclosure
from zvh_tui.widgets.capture_line import CAPTURE_INPUT_ID, CaptureLine
from zvh_tui.widgets.drafts import DraftForm
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.safe_text import SafeText

PANELS = ("card", "attendance", "notes", "agenda")
PHASES = (NoteTag.PICTURE.value, NoteTag.JUDGEMENT.value, NoteTag.DECISION.value)
PHASE_COMMANDS = {NoteTag.PICTURE.value: "/beeld", NoteTag.JUDGEMENT.value: "/oordeel",  # i18n: commands
                  NoteTag.DECISION.value: "/besluit"}
GRAMMAR_TITLE = N_("Invoerregel (typ en Enter)")
ENDED = N_("Het overleg is gesloten. Esc: terug naar Overleggen.")
NO_REMINDER_MARK = "!"
ATTENDANCE_STATES = {Presence.ABSENT.value: ("✗", N_("afwezig")), Presence.EXCUSED.value: ("–", N_("afgemeld"))}


@dataclass(frozen=True)
class Colours:
    """The theme's colours for Rich text (a Rich style cannot name a Textual variable)."""

    warn: str = "bold"
    good: str = "bold"
    accent: str = "bold"

    @classmethod
    def of(cls, variables: dict[str, str]) -> Colours:
        return cls(warn=variables.get("text-warning", "bold"),
                   good=variables.get("text-success", "bold"),
                   accent=variables.get("text-accent", "bold"))


PLAIN = Colours()


def utc_now() -> dt.datetime:
    """Now as the store keeps moments: naive UTC."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def elapsed(since: dt.datetime | None, now: dt.datetime) -> int:
    """Whole seconds from a stored moment to now (0 before it, or without one)."""
    if since is None:
        return 0
    return max(0, int((now - since).total_seconds()))


def clock_text(seconds: int) -> str:
    """'7:05' under an hour, '1:02:05' from an hour on."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def item_timer(seconds: int, slot_minutes: int | None) -> tuple[str, bool]:
    """'Punt 7:05 / 15:00', and whether it runs over its slot (shown, never enforced)."""
    if not slot_minutes:
        return _("Punt {time}").format(time=clock_text(seconds)), False
    slot = slot_minutes * 60
    over = seconds > slot
    text = _("Punt {time}/{slot}").format(time=clock_text(seconds), slot=clock_text(slot))
    if over:
        text += f" (+{clock_text(seconds - slot)})"
    return text, over


def meeting_timer(seconds: int, planned_minutes: int) -> tuple[str, bool]:
    """'Overleg 0:32:10 / 1:30:00' (the planned length is the sum of the slots, when known)."""
    text = _("Overleg {time}").format(time=clock_text(seconds))
    if not planned_minutes:
        return text, False
    planned = planned_minutes * 60
    return f"{text}/{clock_text(planned)}", seconds > planned


def _time(moment: dt.datetime | None) -> str:
    return clock.to_local(moment).strftime("%H:%M") if moment is not None else ""


def _date(day: dt.date | None) -> str:
    return dates.format_date(day) if day else ""


def attendance_text(attendants: Iterable[Any], colours: Colours = PLAIN) -> SafeText:
    """Who is at the table for this item, one line each (cut, never wrapped): a mark, the time
    of arrival (and departure) or the state, the partner and contact; '!' before those present
    who have not heard the confidentiality reminder (/herinnering)."""
    text = SafeText(no_wrap=True, overflow="ellipsis")
    rows = list(attendants)
    if not rows:
        text.append(_("Nog niemand genoteerd: /aanwezig NAAM"), style="dim")
        return text
    unreminded = False
    for row in rows:
        dim = ""
        if row.presence == Presence.PRESENT.value:
            gone = row.left_at is not None
            missed = not row.reminded and not gone
            unreminded = unreminded or missed
            text.append(NO_REMINDER_MARK if missed else " ", style=f"bold {colours.warn}")
            mark = "←" if gone else "✓"
            state = _time(row.arrived_at) + (f"–{_time(row.left_at)}" if gone else "")
            dim = "dim" if gone else ""
        else:
            text.append(" ")
            mark, state = ATTENDANCE_STATES.get(row.presence, ("?", N_("uitgenodigd")))
            state = tr(state)
            dim = "dim"
        text.append(f"{mark} {state:<11} ", style=dim)
        text.append(row.label, style=dim)
        text.append("\n")
    if unreminded:
        text.append(_("{mark} hoorde de geheimhouding nog niet (/herinnering)").format(mark=NO_REMINDER_MARK),
                    style=colours.warn)
    else:
        text.rstrip()
    return text


def card_text(shown: Any, today: dt.date, colours: Colours = PLAIN, *,
              names: tuple[str, ...] = ()) -> SafeText:
    """The compact case card (`card.CaseCard`); in projector mode its free text (opgave, the
    actions under review) with the case's `names` as initials, numbers masked."""
    text = SafeText()

    def field(label: str, value: str, style: str = "") -> None:
        text.append(f"{label}: ", style="bold")
        text.append(value or "—", style=style)
        text.append("\n")

    field(_("Fase"), shown.phase)
    field(_("Opgave"), disclosure.mask_text(shown.shared_task, names) or _("nog niet benoemd"),
          "" if shown.shared_task else "dim")
    if shown.director:
        field(_("Casusregisseur"), shown.director)
    else:
        field(_("Casusregisseur"), _("nog niemand — wie houdt het overzicht? (r @partner/contact)"),
              colours.warn)
    actions = (_("{n} open, {late} te laat").format(n=shown.open_actions, late=shown.overdue_actions)
               if shown.overdue_actions else _("{n} open").format(n=shown.open_actions))
    field(_("Acties"), actions, colours.warn if shown.overdue_actions else "")
    nexts = []
    if shown.next_on:
        nexts.append(_("volgende {date}").format(date=_date(shown.next_on)))
    if shown.evaluation_on:
        nexts.append(_("evaluatie {date}").format(date=_date(shown.evaluation_on)))
    field(_("Datum"), " · ".join(nexts) or _("nog geen vervolgdatum (/datum DATUM)"),
          "" if nexts else "dim")
    if shown.reviews:
        text.append(_("Terugblik (/gedaan N):") + "\n", style="bold")
        for line in shown.reviews:
            late = line.deadline is not None and line.deadline < today and line.outcome is None
            text.append(f" {line.number:>2} ", style="bold")
            text.append(disclosure.mask_text(line.text, names))
            who = " · ".join(part for part in (line.owner, _date(line.deadline)) if part)
            if who:
                text.append(f" — {who}", style=colours.warn if late else "dim")
            if line.outcome:
                text.append(f"  [{ReviewOutcome.label_of(line.outcome)}]", style=colours.good)
            text.append("\n")
    if shown.changes:
        text.append(_("Sinds de vorige versie:") + "\n", style="bold")
        for change in shown.changes:
            text.append(f" · {change}\n")
    text.rstrip()
    return text


def agenda_text(lines: Iterable[Any]) -> SafeText:
    """The agenda: position, case number, naam of alias, slot, status; the current one marked
    (one line each, cut, never wrapped)."""
    text = SafeText(no_wrap=True, overflow="ellipsis")
    for number, line in enumerate(lines, start=1):
        done = line.status in (ItemStatus.CLOSED.value, ItemStatus.CLOSED.label)
        style = "bold reverse" if line.current else ("dim" if done else "")
        text.append("▶" if line.current else ("✓" if done else " "), style=style)
        text.append(f"{number:>2} {line.reference} ", style=style)
        text.append(disclosure.case_name(line.title), style=style)
        if line.slot:
            text.append(f"  {line.slot}", style="dim")
        if done:
            text.append(f"  {line.status}", style="dim")
        text.append("\n")
    text.rstrip()
    return text


def notes_text(notes: Iterable[Any], colours: Colours = PLAIN, *, hidden: int = 0,
               names: tuple[str, ...] = (), actions: Iterable[Any] = ()) -> SafeText:
    """The notes, decisions and actions of this item, oldest first: phase (or BESLUIT / ACTIE),
    source, text (an action with its owner and deadline, as it went into the plan). In
    projector mode the caller passes only what the table may see (`hidden`: how many notes not)
    and the case's `names`, which the text shows as initials (disclosure.mask_text)."""
    text = SafeText()
    rows = sorted([*notes, *actions], key=lambda row: (row.created_at, isinstance(row, live.AgreedAction)))
    if hidden:
        text.append(ngettext("{n} notitie {hidden}", "{n} notities {hidden}", hidden).format(
            n=hidden, hidden=tr(disclosure.HIDDEN)) + "\n", style="dim")
    if not rows:
        text.append(_("Nog niets vastgelegd voor dit punt."), style="dim")
        return text
    for note in rows:
        if isinstance(note, live.AgreedAction):
            text.append(_("ACTIE") + " ", style=f"bold {colours.good}")
            text.append(disclosure.mask_text(note.text, names))
            when = _date(note.deadline) or _("geen deadline")
            text.append(f" — {note.owner} · {when}\n", style="dim")
            continue
        if note.kind == NoteKind.DECISION.value:
            text.append(_("BESLUIT") + " ", style=f"bold {colours.good}")
        else:
            text.append(f"{NoteTag.label_of(note.tag)} ", style="bold")
        source = note.source_partner
        if source is not None:
            text.append(f"({source.name}) ", style="dim")
        text.append(disclosure.mask_text(note.text, names))
        text.append("\n")
    text.rstrip()
    return text


# What each panel shows of an item, read through the services (plain rows and dataclasses).
PANEL_READS: dict[str, Callable[[Any, dt.date], object]] = {
    "card": lambda item, today: card.case_card(item, today),
    "attendance": lambda item, _today: live.attendance_of(item),
    "notes": lambda item, _today: [*live.notes_of(item), *live.decisions_of(item)],
    "actions": lambda item, _today: live.actions_agreed_in(item),
    "names": lambda item, _today: capture.names_for(item),
}
NOTES_PANEL = ("notes", "actions")  # the notes box shows both
NEIGHBOURS = (1, -1)  # read ahead: the items PgDn and PgUp go to


def read_panels(item: Any, today: dt.date, wanted: Iterable[str] = PANEL_READS) -> dict[str, object]:
    return {name: PANEL_READS[name](item, today) for name in wanted}


@workers.message
class PanelsRead(Message):
    """The panels of the agenda items next to the current one, read ahead in a thread, so PgDn
    and PgUp draw from memory (issue 16: the next agenda item within 50 ms)."""

    panels: dict[int, dict[str, object]]
    generation: int
    today: dt.date


@workers.message
class MinutesWritten(Message):
    """The minutes written after /einde: the files, their folder, and the partners without a
    signed convenant whose sheet was left out (made on request, after a warning)."""

    paths: list[Path]
    folder: Path
    unsigned: list[str]


def minutes_text(meeting_id: int, written: MinutesWritten) -> SafeText:
    """What the ended screen says of the minutes: where they are, and what was left out."""
    n = len(written.paths)
    text = SafeText(ngettext(
        "Verslag, besluitenlijst, bladen per partner, cliëntversie en agenda (.ics): "
        "{n} bestand in {folder}.",
        "Verslag, besluitenlijst, bladen per partner, cliëntversie en agenda (.ics): "
        "{n} bestanden in {folder}.", n).format(n=n, folder=written.folder))
    if written.unsigned:
        text.append("\n" + _(
            "Niet gemaakt (geen convenant getekend, alleen dat-informatie na bevestiging): "
            "{partners}. Maak zo'n blad met: zvh export minutes {meeting} --partner NAAM --ja").format(
                partners=", ".join(written.unsigned), meeting=meeting_id))
    return text


class LiveMeetingScreen(DraftForm, Screen[None]):
    """One meeting, live: the current agenda item, its card, the table and the capture line."""

    CSS_PATH = "live.tcss"
    AUTO_FOCUS = f"#{CAPTURE_INPUT_ID}"
    FOOTER_KEYS = ("live.next", "live.previous", "live.close_item", "live.leave")
    BINDINGS = [
        # priority: the capture line (an Input, a scroll view) would take PgUp/PgDn itself
        Binding("pagedown", "step(1)", N_("Volgend punt"), id="live.next", priority=True),
        Binding("pageup", "step(-1)", N_("Vorig punt"), id="live.previous", priority=True),
        Binding("f6", "close_item", N_("Punt sluiten"), id="live.close_item"),
        Binding("f7", "next_phase", N_("Volgende fase"), id="live.next_phase"),
        Binding("escape", "leave", N_("Terug"), id="live.leave"),
    ]

    def __init__(self, meeting_id: int, *, now: Callable[[], dt.datetime] = utc_now) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.now = now
        self.meeting: Any = None  # Meeting
        self.item: Any = None  # the current MeetingItem
        self.items: list[Any] = []
        self.ended = False
        # item id -> panel name -> what the services read (PANEL_READS); what a line changes is
        # dropped (`_forget`) and `_generation` counts the drops, so a read ahead that began
        # before a change is not kept.
        self._panels: dict[int, dict[str, object]] = {}
        self._panels_day: dt.date | None = None
        self._generation = 0
        self._agenda_lines = -1  # lines the agenda panel has, for its layout
        self._timer_lines = -1  # the same for the timers (one or two lines)

    # -- building --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        yield Static("", id="live-title", markup=False)
        with Horizontal(id="live-body"):
            with VerticalScroll(id="live-card-box", can_focus=False):
                yield Static("", id="live-card", markup=False)
            with Vertical(id="live-side"):
                yield Static("", id="live-timer", markup=False)
                yield Static("", id="live-attendance", markup=False)
                yield Static("", id="live-agenda", markup=False)
        with VerticalScroll(id="live-notes-box", can_focus=False):
            yield Static("", id="live-notes", markup=False)
        yield CaptureLine(now=self.now, id="capture")
        yield QuickFooter()

    def on_mount(self) -> None:
        try:
            self.meeting = meetings.get_meeting(self.meeting_id)
            if self.meeting.status == MeetingStatus.CLOSED.value:
                self.items = meetings.items_of(self.meeting)
                self._show_ended()
                return
            self.item = live.start_meeting(self.meeting, now=self.now())
            self.meeting = meetings.get_meeting(self.meeting_id)  # status and start as stored
        except ZvhError as error:
            self.meeting = None
            self.app.pop_screen()
            self.app.show_refusal(error, _("Overleg niet gestart"))
            return
        self.items = meetings.items_of(self.meeting)
        self.capture_line.keep_draft = self.draft_save_now  # the draft follows Enter at once
        self.capture_line.on_outcome = self.show_outcome  # answer and panels in one frame
        # Anchored: the newest line shows in the frame that draws it (the compositor keeps the
        # box at its end while laying out), not one frame later as scroll_end after a refresh.
        self.query_one("#live-notes-box", VerticalScroll).anchor()
        self._enter_item()
        self.call_after_refresh(self.tick)  # once the side column has its width
        self.set_interval(1.0, self.tick, name="live timers")
        if hasattr(self.app, "projector"):  # projector mode: draw again under the new policy
            self.watch(self.app, "projector", self._projector_changed, init=False)

    def _projector_changed(self, _on: bool) -> None:
        if self.ended:
            self._show_ended()
        elif self.item is not None:
            self._draw(PANELS)  # the same data under the other policy

    @property
    def resume_meeting_id(self) -> int | None:
        """The meeting to come back to after a lock (ZvhApp.lock_now): this one while live."""
        return self.meeting_id if self.item is not None and not self.ended else None

    @property
    def capture_line(self) -> CaptureLine:
        return self.query_one(CaptureLine)

    # -- the draft of the capture line (widgets/drafts.py) ----------------------------------
    def draft_key(self) -> str | None:
        return f"capture:{self.meeting_id}" if self.item is not None and not self.ended else None

    def draft_case_id(self) -> int | None:
        return self.item.case_id if self.item is not None else None

    def draft_fields(self) -> tuple[str, ...]:
        return (CAPTURE_INPUT_ID,)

    def draft_values(self) -> dict[str, str]:
        return {CAPTURE_INPUT_ID: self.capture_line.draft_line}

    def on_input_changed(self, event: Input.Changed) -> None:
        """Every change of the line is kept at once (a write takes a few ms, see screens.md)."""
        if event.input.id == CAPTURE_INPUT_ID:
            self.draft_save_now()

    # -- the current item -------------------------------------------------------------------
    def _enter_item(self) -> None:
        """Show the current item afresh: every panel, the names for completion; then read the
        items next to it ahead."""
        self.capture_line.item = self.item
        try:
            names = self._panel("names")
        except ZvhError:
            names = []
        self.capture_line.set_names(names)  # type: ignore[arg-type]
        self._draw(PANELS)
        self._read_ahead()

    def _reload_item(self, item_id: int | None = None) -> None:
        """The item as stored now (after a line changed it), or another item of this meeting."""
        wanted = item_id if item_id is not None else self.item.id
        self.items = meetings.items_of(self.meeting)
        found = next((item for item in self.items if item.id == wanted), None)
        if found is not None:
            self.item = found

    # -- what the panels show, read once per item ----------------------------------------------
    def _panel(self, name: str) -> Any:
        """The current item's panel `name`, from memory when it was read since its last change."""
        today = context.today()
        if self._panels_day != today:  # overdue counts change with the day
            self._panels, self._panels_day = {}, today
        cached = self._panels.setdefault(self.item.id, {})
        if name not in cached:
            cached[name] = PANEL_READS[name](self.item, today)
        return cached[name]

    def _forget(self, changed: Iterable[str]) -> None:
        """A line changed these panels of the current item. Attendance also counts for the
        other items (the confidentiality reminder is heard once per meeting; a new participant
        changes the names), so it is dropped for all of them."""
        self._generation += 1
        changed = set(changed)
        if "notes" in changed:
            changed.update(NOTES_PANEL)
        if "card" in changed:  # an action or afspraak: the card's counts and the agreed actions
            changed.add("actions")
        if "attendance" in changed:
            changed.add("names")
            for panels in self._panels.values():
                panels.pop("attendance", None)
                panels.pop("names", None)
        current = self._panels.get(self.item.id, {})
        for name in changed:
            current.pop(name, None)

    def _read_ahead(self) -> None:
        ids = [item.id for item in self.items]
        if self.item is None or self.item.id not in ids:
            return
        at = ids.index(self.item.id)
        wanted = [self.items[at + step] for step in NEIGHBOURS
                  if 0 <= at + step < len(ids) and len(self._panels.get(ids[at + step], {})) < len(PANEL_READS)]
        if wanted:
            self._read_panels(wanted, self._generation, context.today())

    @workers.thread_worker(group="live-read-ahead", title=N_("Het volgende agendapunt kon niet worden gelezen"))
    def _read_panels(self, items: list[Any], generation: int, today: dt.date) -> PanelsRead:
        return PanelsRead({item.id: read_panels(item, today) for item in items}, generation, today)

    def on_panels_read(self, read: PanelsRead) -> None:
        if read.generation != self._generation or read.today != self._panels_day:
            return  # a line changed something meanwhile: read again when the item is opened
        for item_id, panels in read.panels.items():
            self._panels.setdefault(item_id, {}).update(panels)

    def redraw(self, panels: Iterable[str]) -> None:
        """Read these panels of the current item again and draw them (after a change made
        elsewhere than the capture line)."""
        panels = tuple(panels)
        self._forget(panels)
        self._draw(panels)

    def _draw(self, panels: Iterable[str]) -> None:
        """Draw these panels of the current item, from memory where it holds them."""
        wanted = set(panels)
        today, colours = context.today(), self.colours
        self._draw_title()
        names = projector.case_names(self.item.case_id) if disclosure.projecting() else ()
        if "card" in wanted:
            self.query_one("#live-card", Static).update(
                card_text(self._panel("card"), today, colours, names=names))
        if "attendance" in wanted:  # a panel of fixed height: no new layout
            self.query_one("#live-attendance", Static).update(
                attendance_text(self._panel("attendance"), colours), layout=False)
        if "agenda" in wanted:
            lines = card.agenda(self.meeting, self.item.id if self.item else None)
            # Its height follows its lines: a new layout only when their number changes.
            self.query_one("#live-agenda", Static).update(agenda_text(lines),
                                                          layout=len(lines) != self._agenda_lines)
            self._agenda_lines = len(lines)
        if "notes" in wanted:
            notes = self._panel("notes")
            shown = notes
            if disclosure.projecting():  # only what the table may see (services/meetings/projector)
                present = projector.partners_at_table(self._panel("attendance"))
                shown = projector.notes_for_table(notes, present)
            self.query_one("#live-notes", Static).update(
                notes_text(shown, colours, hidden=len(notes) - len(shown), names=names,
                           actions=self._panel("actions")))
        self.tick()

    @property
    def colours(self) -> Colours:
        return Colours.of(self.app.theme_variables)

    def _draw_title(self) -> None:
        colours = self.colours
        meeting = self.meeting
        title = SafeText(f"{meeting.kind} {_date(meeting.held_on)}", style="bold")
        if self.item is not None and not self.ended:
            number = next((n for n, item in enumerate(self.items, start=1)
                           if item.id == self.item.id), 0)
            title.append(" · " + _("punt {number}/{total}").format(number=number, total=len(self.items))
                         + " · ")
            title.append(NoteTag.label_of(self.item.phase), style=f"bold {colours.accent}")
            if self.item.status == ItemStatus.CLOSED.value:
                title.append(" · " + ItemStatus.CLOSED.label, style=colours.good)
            case = self.item.case
            title.append(f" · {case.reference} ", style="bold")
            title.append(disclosure.case_name(case.title))
        elif self.ended:
            title.append(" · " + _("gesloten"), style=colours.good)
        self.query_one("#live-title", Static).update(title, layout=False)  # always one line

    def tick(self) -> None:
        """Once a second: the timers (the item against its slot, the meeting)."""
        if self.meeting is None or self.ended or self.item is None:
            return
        now, colours = self.now(), self.colours
        until = self.item.closed_at or now  # a closed item's time stands still
        item_text, item_over = item_timer(elapsed(self.item.started_at, until), self.item.slot_minutes)
        planned = sum(item.slot_minutes or 0 for item in self.items)
        meeting_text, meeting_over = meeting_timer(elapsed(self.meeting.started_at, now), planned)
        timer = self.query_one("#live-timer", Static)
        # Each timer stays whole: in a narrow side column (80x24) they go on two lines.
        one_line = len(item_text) + 5 + len(meeting_text) <= timer.content_size.width
        shown = Text(item_text, style=f"bold {colours.warn}" if item_over else "")
        shown.append("  ·  " if one_line else "\n")
        shown.append(meeting_text, style=f"bold {colours.warn}" if meeting_over else "")
        lines = 1 if one_line else 2
        timer.update(shown, layout=lines != self._timer_lines)  # a layout once a second costs
        self._timer_lines = lines
        timer.set_class(item_over or meeting_over, "-over")

    # -- what the line did ------------------------------------------------------------------
    def show_outcome(self, outcome: capture.Outcome) -> None:
        """What a line did, drawn in the same handler as its answer (CaptureLine.on_outcome)."""
        if outcome.projector:  # /projector: the app's one state, which every screen watches
            self.app.action_projector()  # type: ignore[attr-defined]
            return
        if outcome.ended:
            self._show_ended()
            self.query_one("#live-notes", Static).update(
                SafeText(_("Het verslag wordt gemaakt …"), style="dim"))  # written in a thread
            self._write_minutes()
            return
        moved = outcome.item_id is not None and outcome.item_id != self.item.id
        if outcome.changed:
            self._forget(outcome.changed)
        self._reload_item(outcome.item_id)
        if moved:
            self._enter_item()
        elif outcome.changed:
            self._draw(outcome.changed)
            self._read_ahead()
        else:
            self._draw_title()

    def _show_ended(self) -> None:
        """After /einde (or a closed meeting opened): the agenda as it ended, no more lines."""
        self.ended = True
        self.draft_discard()
        self.meeting = meetings.get_meeting(self.meeting_id)
        self.items = meetings.items_of(self.meeting)
        self._draw_title()
        self.query_one("#live-timer", Static).update(
            Text(_("Gesloten {time}").format(time=_time(self.meeting.closed_at)).strip()))
        self.query_one("#live-agenda", Static).update(agenda_text(card.agenda(self.meeting, None)))
        self.query_one("#live-card", Static).update(self._summary())
        self.query_one("#live-attendance", Static).update("")
        self.query_one("#live-notes", Static).update("")
        self.capture_line.close(_(ENDED))
        self.refresh_bindings()

    @workers.thread_worker(group="live-minutes", title=N_("Het verslag kon niet worden gemaakt"))
    def _write_minutes(self) -> MinutesWritten:
        """After /einde, without a dialog (the issue: /einde either closes or answers on
        screen): every document into the profile's exports/ folder; a sheet for a partner
        without a convenant waits for an explicit request."""
        meeting = meetings.get_meeting(self.meeting_id)
        folder = self.app.profile.paths.exports  # type: ignore[attr-defined]
        unsigned = [partner.name for partner in minutes.unsigned_partners(meeting)]
        return MinutesWritten(minutes.after_close(meeting, folder), folder, unsigned)

    def on_minutes_written(self, written: MinutesWritten) -> None:
        self.query_one("#live-notes", Static).update(minutes_text(self.meeting_id, written))
        self.notify(ngettext("{n} bestand in {folder}", "{n} bestanden in {folder}", len(written.paths)).format(
            n=len(written.paths), folder=written.folder), title=_("Verslag gemaakt"), markup=False, timeout=8)

    def _summary(self) -> SafeText:
        """The closed meeting: per item who holds the overview, the next date, what was decided."""
        today = context.today()
        text = SafeText(_(ENDED) + "\n", style="bold")
        for number, item in enumerate(self.items, start=1):
            shown = card.case_card(item, today)
            text.append(f"\n{number} {shown.reference} ", style="bold")
            text.append(disclosure.case_name(shown.title))
            text.append("\n   " + _("Casusregisseur: {name}").format(name=shown.director or "—"))
            text.append("\n   " + _("Vervolg: {date}").format(date=_date(shown.next_on) or "—"))
            decided = len(live.decisions_of(item))
            text.append(" · " + ngettext("{n} besluit", "{n} besluiten", decided).format(n=decided))
        return text

    # -- keys beside the grammar ------------------------------------------------------------
    def _run(self, line: str) -> None:
        """A key that does what a line of the grammar does: the same path, the same answer."""
        if self.item is None or self.ended:
            return
        self.capture_line.submit_command(line)

    def action_step(self, step: int) -> None:
        self._run("/volgende" if step > 0 else "/vorige")  # i18n: command words

    def action_close_item(self) -> None:
        self._run("/sluit")  # i18n: a command word

    def action_next_phase(self) -> None:
        if self.item is None:
            return
        index = PHASES.index(self.item.phase) if self.item.phase in PHASES else -1
        self._run(PHASE_COMMANDS[PHASES[(index + 1) % len(PHASES)]])

    async def action_leave(self) -> None:
        """Escape: cancel a question first; else back to the meetings area (the meeting stays
        open, its items as they are)."""
        if self.capture_line.cancel_question():
            return
        self.draft_save_now()
        await self.app.pop_screen()
        if "meetings" in getattr(self.app, "MODES", {}) and self.app.current_mode != "meetings":
            await self.app.switch_mode("meetings")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("step", "close_item", "next_phase") and (self.ended or self.item is None):
            return None
        return True

    # -- F1 ---------------------------------------------------------------------------------
    def help_topics(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """F1 shows the capture grammar first, then the keys (screens/shell/help.py)."""
        return [(_(GRAMMAR_TITLE), [(tr(form), tr(explanation), "") for form, explanation in capture.GRAMMAR])]

