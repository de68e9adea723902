"""The minutes in English (issue 17): every document written after /einde of a meeting like the
demo's (tests/kits/minuteskit.py: two cases, four partners, a school without a convenant) reads
in English, headings, labels, vocabulary and dates included; only what was typed (names, notes,
actions) stays as typed. A Dutch export of the same meeting stays Dutch, and both languages can
be written into one folder without one overwriting the other."""

from __future__ import annotations

import html
import re
from pathlib import Path

import icalendar
import pytest
from i18nkit import dutch_words_in, set_language
from minuteskit import Closed, closed_meeting

from zvh_tui.core import i18n
from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.services.meetings import minutes
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Agreement,
    Case,
    Contact,
    Escalation,
    Goal,
    MeetingNote,
    Partner,
    Person,
    Plan,
)


@pytest.fixture
def closed(build) -> Closed:
    return closed_meeting(build)


def typed_texts() -> list[str]:
    """Everything a user typed (stays as typed in either language): names, notes, actions …"""
    texts: list[str] = []
    texts += [n.text for n in MeetingNote.select()]
    texts += [a.text for a in Action.select()] + [a.text for a in Agreement.select()]
    texts += [p.name for p in Partner.select()] + [c.name for c in Contact.select()]
    texts += [p.name for p in Person.select()] + [c.title for c in Case.select()]
    texts += [p.shared_task for p in Plan.select()] + [g.intent for g in Goal.select()]
    texts += [r.reason for r in ActionReview.select()] + [e.trigger for e in Escalation.select()]
    names = [p.name for p in Person.select()]
    texts += [minutes.redact(t, names) for t in texts]  # as the table reads them: initials
    return sorted({t for t in texts if t}, key=len, reverse=True)


def readable(path: Path) -> str:
    """What a reader sees of a written file: the HTML body's text, the events' summaries and
    descriptions of an .ics, a Markdown file as it is."""
    content = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html.unescape(re.sub(r"<[^>]+>", " ", content.split("<body>", 1)[1]))
    if path.suffix == ".ics":
        events = icalendar.Calendar.from_ical(content).walk("VEVENT")
        return "\n".join(f"{e['summary']} {e['description']}" for e in events)
    return content


def test_every_document_after_the_meeting_is_in_english(closed: Closed, tmp_path: Path) -> None:
    written = minutes.after_close(closed.meeting, tmp_path, confirmed_partners=[closed.school.id],
                                  language="en")
    assert written and all(path.stem.endswith("-en") for path in written)
    kinds = {path.suffix for path in written}
    assert kinds == {".md", ".html", ".ics"}
    allowed = typed_texts()
    for path in written:
        shown = readable(path)
        assert dutch_words_in(shown, allowed) == [], path.name
    assert i18n.current() == "nl"  # the export's language was for the export only


def test_the_english_minutes_have_english_headings_and_dates(closed: Closed) -> None:
    set_language("en")
    record = minutes.read_minutes(closed.meeting)
    verslag = minutes.render(minutes.verslag_view(record), "md")
    assert verslag.startswith(f"# Minutes · Meeting {closed.meeting.id} · MDO 23/11/2026")
    for heading in ("### Present", "### Joint task", "### Review of last time's actions", "### Contributions",
                    "### Decisions", "### Actions", "### Agreements", "### Who holds the overview",
                    "### Next date"):
        assert heading in verslag, heading
    assert "Date: 23/11/2026" in verslag and "Confidentiality: stated at" in verslag
    assert "evaluation on 04/01/2027" not in verslag and "review on 04/01/2027" in verslag
    decisions = minutes.render(minutes.decisions_view(record), "html")
    assert '<html lang="en">' in decisions and "Decision list" in decisions
    assert 'content: "page " counter(page) " of " counter(pages)' in decisions
    assert "<th>Action</th><th>Owner</th><th>Deadline</th><th>Status</th>" in decisions
    school = minutes.render(minutes.partner_view(record, closed.school), "md")
    assert "Your organisation has not signed the covenant" in school
    client = minutes.render(minutes.client_view(record, closed.item.id), "md")
    assert client.startswith(f"# Outcome of the meeting about case {closed.table.case.reference}")
    assert "On Monday 23 November 2026 there was a meeting about your situation." in client
    assert "## Whom can you call?" in client


def test_a_dutch_export_of_the_same_meeting_stays_dutch(closed: Closed, tmp_path: Path) -> None:
    english = minutes.write_minutes(closed.meeting, tmp_path, confirmed_partners=[closed.school.id],
                                    language="en")
    dutch = minutes.write_minutes(closed.meeting, tmp_path, confirmed_partners=[closed.school.id],
                                  language="nl")
    assert len(english) == len(dutch)
    assert not set(english) & set(dutch)  # one folder, no file overwritten
    assert all(path.exists() for path in english + dutch)
    assert {p.name.replace("-en.", ".") for p in english} == {p.name for p in dutch}
    verslag = next(p for p in dutch if p.name.endswith("-verslag.md")).read_text(encoding="utf-8")
    assert verslag.startswith(f"# Verslag · Overleg {closed.meeting.id} · MDO 23-11-2026")
    assert "### Gezamenlijke opgave" in verslag and "Joint task" not in verslag
    english_verslag = next(p for p in english if p.name.endswith("-verslag-en.md")).read_text(encoding="utf-8")
    assert "### Joint task" in english_verslag and "Gezamenlijke opgave" not in english_verslag
    assert minutes.export_minutes(closed.meeting.id, "md").startswith("# Besluitenlijst")
    assert minutes.export_minutes(closed.meeting.id, "md", language="en").startswith("# Decision list")


def test_the_refusals_of_the_minutes_in_english(closed: Closed, tmp_path: Path) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as caught:
        minutes.export_minutes(closed.meeting.id, "pdf")
    assert (caught.value.msgid, str(caught.value)) == ("meetings.minutes.format", "Choose the format md, html or ics.")
    with pytest.raises(ValidationError) as caught:
        minutes.get_meeting("x")
    assert caught.value.msgid == "meetings.minutes.not_a_meeting_number"
    assert str(caught.value) == "'x' is not the number of a meeting."
    with pytest.raises(RuleError) as caught:
        minutes.export_minutes(closed.meeting.id, "md", kind=minutes.PARTNER, partner=closed.school.name)
    assert caught.value.msgid == "meetings.minutes.unsigned_confirm"
    assert str(caught.value).startswith(f"{closed.school.name} has not signed the covenant")
    with pytest.raises(ValidationError) as caught:
        minutes.export_minutes(closed.meeting.id, "md", kind=minutes.CLIENT)
    assert caught.value.msgid == "meetings.minutes.client.which_case"
    assert "choose one with --casus REFERENCE" in str(caught.value)
