"""Hypothesis over the capture line: whatever is typed, `execute` answers (never raises), a
refusal keeps the line or asks a question, and `suggest` only ever extends the line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from meetingkit import TODAY, at, make_table

from zvh_tui.services.meetings import capture, live
from zvh_tui.store.models import MeetingItem

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

heads = st.sampled_from(["b ", "a ", "n ", "n! ", "af ", "r ", "n @", "a x @", "", *[c + " " for c in capture.COMMANDS]])
lines = st.one_of(
    st.text(max_size=80),
    st.builds(lambda h, t: h + t, heads, st.text(max_size=60)),
    st.builds(lambda h, t: h + t, heads, st.sampled_from(["[/b]", "\x1b[2J", "\u202e", "0", "99", "@", "/", "vr",
                                                          "31-02", "+99999w", "politie/bakker", "@ggz!", "²", "1²"])),
)


@pytest.fixture
def table(build):
    t = make_table(build)
    live.start_meeting(t.meeting, now=at(9))
    return t


@FAST
@given(line=lines)
def test_execute_always_answers(table, line: str) -> None:
    item = MeetingItem.get_by_id(table.item.id)
    outcome = capture.execute(line, item, today=TODAY, now=at(9, 30))
    assert isinstance(outcome.message, str)
    if not outcome.ok and outcome.question is None and line.strip():
        assert outcome.keep_line, (line, outcome.message)
    if outcome.question is not None:
        again = capture.answer(outcome.question, "1", MeetingItem.get_by_id(table.item.id), today=TODAY,
                               now=at(9, 31))
        assert isinstance(again.message, str)


@settings(max_examples=300, deadline=None)
@given(line=lines, names=st.lists(st.text(min_size=1, max_size=20), max_size=8))
def test_suggest_only_extends_the_line(line: str, names: list[str]) -> None:
    suggestion = capture.suggest(line, names + ["Politie", "GGZ Noord"])
    assert suggestion is None or (suggestion.startswith(line) and len(suggestion) > len(line))
