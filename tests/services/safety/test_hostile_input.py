"""Hostile input: random and hostile text through every service that stores user text.

Each value is stored exactly (surrounding spaces trimmed, nothing else changed) or refused
with a ZvhError carrying a Dutch message; never any other exception. Quick entry and Dutch
date parsing never raise at all, or only a ZvhError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import safety_helpers as h
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zvh_tui.core.errors import ZvhError
from zvh_tui.core.vocab import Level
from zvh_tui.services.cases import escalation, journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import quick_entry
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import dates
from zvh_tui.store.models import (
    Action,
    Agreement,
    Case,
    Contact,
    Escalation,
    Goal,
    JournalEntry,
    MeetingNote,
    Partner,
    Person,
    Plan,
)

HOSTILE_SAMPLES = [
    "[/b]", "[bold red]alarm[/]", "[link=file:///etc/passwd]klik[/link]", "[@click=app.quit]x[/]",
    "\x1b[31mrood\x1b[0m", "\x1b]0;titel\x07", "\x1b[2J\x1b[H", "\x00", "a\x00b", "\r\n", "\t",
    "\u202eredro\u202c", "\u2066isolaat\u2069", "\u200f", "\ud800", "x\udfffy", "\ufeff",
    "e\u0301\u0301\u0301", "\U0001F600" * 50, "\u200b\u200d", "Robert'); DROP TABLE case;--",
    "%s%n%x", "{0}{1}", "${jndi:ldap://x}", "<script>alert(1)</script>", "\\", "'" * 300,
    " " * 10 + "ruimte" + " " * 10, "\n\n", "Ω" * 20_001, "x" * 1_000_000,
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE_SAMPLES),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec=None, categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Mn"]),
            max_size=40),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=30), st.sampled_from(HOSTILE_SAMPLES),
              st.text(max_size=30)),
)

FAST = settings(
    max_examples=35,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.large_base_example],
)


def stored_exactly_or_refused(call: Callable[[], object], read: Callable[[object], str],
                              typed: str) -> None:
    try:
        result = call()
    except ZvhError as error:
        assert error.message and isinstance(error.message, str)
        return
    # anything else propagates and fails the test
    assert read(result) == typed.strip()


@pytest.fixture
def case(profile: Profile) -> Case:
    return cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Basis")],
                                           referrer_citizen="buurman", reason="basis"))


@pytest.fixture
def plan(case: Case) -> Plan:
    return plans.start_plan(case)


@FAST
@given(name=hostile_text, reason=hostile_text)
def test_create_case(profile: Profile, name: str, reason: str) -> None:
    data = cases.NewCase(persons=[cases.NewPerson(name=name, address=reason[:300])],
                         referrer_citizen="buurman", reason=reason)
    try:
        made = cases.create_case(data)
    except ZvhError as error:
        assert error.message
        return
    stored = Case.get_by_id(made.id)
    assert stored.reason == reason.strip()
    person = Person.select().join(cases.CasePerson).where(cases.CasePerson.case == made).get()
    assert person.name == name.strip()
    assert person.address == reason[:300].strip()


@FAST
@given(value=hostile_text)
def test_update_case(case: Case, value: str) -> None:
    stored_exactly_or_refused(lambda: cases.update_case(case, referral_goal=value),
                              lambda c: Case.get_by_id(c.id).referral_goal, value)


@FAST
@given(name=hostile_text, notes=hostile_text)
def test_create_partner_and_contact(profile: Profile, name: str, notes: str) -> None:
    try:
        partner = partners.create_partner(name, "zorg", notes=notes)
    except ZvhError as error:
        assert error.message
        return
    stored = Partner.get_by_id(partner.id)
    assert (stored.name, stored.notes) == (name.strip(), notes.strip())
    stored_exactly_or_refused(lambda: partners.add_contact(partner, notes[:200], function=name),
                              lambda c: Contact.get_by_id(c.id).name, notes[:200])


@FAST
@given(body=hostile_text)
def test_journal_entry(case: Case, body: str) -> None:
    stored_exactly_or_refused(lambda: journal.add_entry(case, body),
                              lambda e: JournalEntry.get_by_id(e.id).text, body)


@FAST
@given(body=hostile_text)
def test_plan_texts(plan: Plan, body: str) -> None:
    stored_exactly_or_refused(lambda: plans.add_action(plan, body),
                              lambda a: Action.get_by_id(a.id).text, body)
    stored_exactly_or_refused(lambda: plans.add_goal(plan, body),
                              lambda g: Goal.get_by_id(g.id).intent, body)
    stored_exactly_or_refused(lambda: plans.add_agreement(plan, body),
                              lambda a: Agreement.get_by_id(a.id).text, body)
    stored_exactly_or_refused(lambda: plans.update_plan(plan, shared_task=body),
                              lambda p: Plan.get_by_id(p.id).shared_task, body)


@FAST
@given(body=hostile_text, kind=hostile_text)
def test_meeting_note(case: Case, body: str, kind: str) -> None:
    try:
        meeting = meetings.create_meeting(kind, h.TODAY, title=body[:200], location=kind[:200])
    except ZvhError:
        meeting = meetings.create_meeting("MDO", h.TODAY)
    item = meetings.add_item(meeting, case)
    stored_exactly_or_refused(lambda: live.add_note(item, body),
                              lambda n: MeetingNote.get_by_id(n.id).text, body)


@FAST
@given(trigger=hostile_text, who=hostile_text)
def test_escalation(case: Case, trigger: str, who: str) -> None:
    target = Level.PROCESS if Case.get_by_id(case.id).level == Level.CASE.value else Level.CASE
    stored_exactly_or_refused(
        lambda: escalation.change_level(Case.get_by_id(case.id), to_level=target, trigger=trigger,
                                        decided_by=who),
        lambda e: Escalation.get_by_id(e.id).trigger, trigger)


def test_a_1_mb_paste_is_refused_everywhere_with_a_message(case: Case, plan: Plan) -> None:
    paste = "Plakken " * 131_072  # 1 MB
    meeting = meetings.create_meeting("MDO", h.TODAY)
    item = meetings.add_item(meeting, case)
    calls = [
        lambda: cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="P")],
                                                referrer_citizen="b", reason=paste)),
        lambda: cases.update_case(case, reason=paste),
        lambda: journal.add_entry(case, paste),
        lambda: plans.add_action(plan, paste),
        lambda: plans.update_plan(plan, shared_task=paste),
        lambda: live.add_note(item, paste),
        lambda: live.add_decision(item, paste),
        lambda: partners.create_partner("Partner X", "zorg", notes=paste),
    ]
    for call in calls:
        with pytest.raises(ZvhError, match="te lang"):
            call()
    assert JournalEntry.select().count() == 0


@settings(max_examples=200, deadline=None)
@given(line=hostile_text)
def test_quick_entry_and_dates_never_crash(line: str) -> None:
    entry = quick_entry.parse_quick_entry(line[:5000], today=h.TODAY)
    assert isinstance(entry.problems, list)
    try:
        day = dates.parse_date(line[:200], label="Datum", field="d")
    except ZvhError as error:
        assert error.message
    else:
        assert day is None or isinstance(day, dt.date)
