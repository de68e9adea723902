"""Plan a meeting, or change its planning: kind, date, start time, place or online, chair,
notulist and a title.

Built on `FormDialog` (widgets/dialogs.py): `services.meetings.meeting` checks what was typed
and its Dutch message shows at the field it names ("Begintijd: 25:00 bestaat niet …"), keeping
everything typed. The kinds come from the house's list (Instellingen, `meeting_types`). What is
typed is kept as a draft ("meeting:new" / "meeting:<id>"), so a lock, crash or kill -9 loses
nothing. `result_id` holds the saved meeting's id.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static

from zvh_tui.core.i18n import N_, _, tr
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.shared import dates
from zvh_tui.widgets.checkbox import TickBox
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import FormDialog
from zvh_tui.widgets.safe_text import plain

TEXT_FIELDS = (
    ("start_time", N_("Begintijd (uu:mm)"), "09:30"),
    ("location", N_("Locatie (of: online)"), N_("bijvoorbeeld Stadhuis, kamer 2.14")),
    ("chair", N_("Voorzitter"), N_("wie zit het overleg voor")),
    ("notulist", N_("Notulist (mag leeg)"), N_("wie notuleert, als dat iemand anders is")),
    ("title", N_("Titel (mag leeg)"), N_("bijvoorbeeld MDO zorg en veiligheid Noord")),
)


class MeetingForm(FormDialog):
    """Plan a new meeting (`meeting_id` None) or change one that is not closed."""

    SAVE_ON_ENTER = True

    def __init__(self, kinds: Iterable[str], meeting_id: int | None = None, *,
                 intro: str = "") -> None:
        super().__init__()
        self.kinds = list(kinds)
        self.meeting_id = meeting_id
        self.result_id: int | None = None
        self._intro = intro
        self._meeting = meetings.get_meeting(meeting_id) if meeting_id is not None else None
        self.TITLE_TEXT = _("Overleg plannen") if self._meeting is None else _("Overleg wijzigen")
        self.keep_draft("meeting:new" if meeting_id is None else f"meeting:{meeting_id}")

    def intro(self) -> Iterable[Widget]:
        if self._intro:
            yield Static(plain(self._intro), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        meeting = self._meeting
        options = list(self.kinds)
        if meeting is not None and meeting.kind not in options:
            options.append(meeting.kind)  # a kind the house no longer lists stays choosable
        yield self.label(_("Soort overleg"))
        yield Select([(kind, kind) for kind in options], allow_blank=False, id="kind",
                     value=meeting.kind if meeting else options[0])
        yield self.error_line("kind")
        yield self.label(_("Datum"))
        yield DateInput(dates.format_date(meeting.held_on) if meeting else "", label=_("Datum"),
                        future=True, id="held_on")
        yield self.error_line("held_on")
        for name, label, placeholder in TEXT_FIELDS:
            yield self.label(tr(label))
            yield Input(str(getattr(meeting, name)) if meeting else "", id=name,
                        placeholder=tr(placeholder))
            yield self.error_line(name)
        yield TickBox(_("Online overleg"), value=bool(meeting.online) if meeting else False,
                      id="online")

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()

    def values(self) -> dict[str, object]:
        kind = self.query_one("#kind", Select).value
        values: dict[str, object] = {
            "kind": kind if isinstance(kind, str) else "",
            "held_on": self.query_one("#held_on", DateInput).value,
            "online": self.query_one("#online", Checkbox).value,
        }
        for name, _label, _placeholder in TEXT_FIELDS:
            values[name] = self.query_one(f"#{name}", Input).value
        return values

    def _stored(self) -> dict[str, object]:
        """The values the form opened with (empty for a new meeting, whose kind is a choice)."""
        meeting = self._meeting
        stored: dict[str, object] = {name: str(getattr(meeting, name)) if meeting else ""
                                     for name, _label, _placeholder in TEXT_FIELDS}
        stored["held_on"] = dates.format_date(meeting.held_on) if meeting else ""
        stored["online"] = bool(meeting.online) if meeting else False
        return stored

    def is_empty(self) -> bool:
        """Nothing typed (a new meeting), or nothing changed (an existing one)."""
        values, stored = self.values(), self._stored()
        changed = [name for name, value in stored.items()
                   if (values[name].strip() if isinstance(values[name], str) else values[name]) != value]
        if self._meeting is not None and values["kind"] != self._meeting.kind:
            changed.append("kind")
        return not changed

    def submit(self, values: dict[str, object]) -> object:
        if self._meeting is None:
            kind = str(values.pop("kind"))
            held_on = str(values.pop("held_on"))
            meeting = meetings.create_meeting(kind, held_on, kinds=self.kinds, **values)  # type: ignore[arg-type]
        else:
            meeting = meetings.update_meeting(meetings.get_meeting(self._meeting.id),
                                              kinds=self.kinds, **values)
        self.result_id = meeting.id
        return meeting

