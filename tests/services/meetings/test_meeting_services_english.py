"""Meetings in English: the refusals of the meeting services as message ids with English text,
the capture line's answers and help in English, and the English command words accepted beside
the Dutch ones (which keep working in either language)."""

from __future__ import annotations

import datetime as dt

import pytest
from i18nkit import dutch_words_in, set_language
from meetingkit import TODAY, at, make_table

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.services.meetings import capture, card, live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.store.models import MeetingItem

PEOPLE = ("Jan Jansen", "Piet Pietersen", "Politie", "GGZ Noord", "Wijkagent Bakker", "Dr. Visser",
          "Anna de Vries", "MDO")


@pytest.fixture
def table(build):
    t = make_table(build, second_case=True)
    live.start_meeting(t.meeting, now=at(9))
    return t


def run(table, line: str, item=None) -> capture.Outcome:
    return capture.execute(line, item or table.fresh(), today=TODAY, now=at(9, 10))


# -- refusals: the id, the parameters, the English text -----------------------------------------

def test_a_time_refused_in_english(build) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as caught:
        meetings.parse_time("25:00")
    assert caught.value.msgid == "meetings.time.no_such_time"
    assert str(caught.value) == "Start time: 25:00 does not exist. Use hh:mm, for example 09:30, 9:30 or 930."
    with pytest.raises(ValidationError) as caught:
        meetings.parse_minutes("veel")
    assert caught.value.msgid == "meetings.minutes.not_a_number"
    assert str(caught.value) == "Length: 'veel' is not a number of minutes. Type for example 20."


def test_the_same_refusal_reads_in_the_language_of_the_moment(build) -> None:
    with pytest.raises(ValidationError) as caught:
        meetings.parse_time("9x")
    error = caught.value
    assert error.msgid == "meetings.time.not_a_time"
    assert str(error).startswith("Begintijd: '9x' is geen tijd.")
    set_language("en")
    assert "'9x' is not a time. Use hh:mm" in str(error)  # the label was read when raised, in Dutch


def test_agenda_refusals_in_english(build) -> None:
    t = make_table(build)
    set_language("en")
    with pytest.raises(RuleError) as caught:
        meetings.add_item(t.meeting, t.case)
    assert caught.value.msgid == "meetings.agenda.already_on"
    assert caught.value.params == {"reference": t.case.reference}
    assert str(caught.value) == f"Case {t.case.reference} is already on the agenda."
    with pytest.raises(NotFound) as caught:
        meetings.get_meeting("999")
    assert (caught.value.msgid, str(caught.value)) == (
        "meetings.meeting.not_found", "There is no meeting with number '999'.")
    with pytest.raises(ValidationError) as caught:
        meetings.check_kind("Wijkoverleg", ["MDO", "ICO"])
    assert caught.value.msgid == "meetings.kind.unknown"
    assert str(caught.value) == ("'Wijkoverleg' is not a kind of meeting of this house. Choose from: MDO, ICO "
                                 "(Settings, F9).")


def test_closing_refusals_in_english(table) -> None:
    set_language("en")
    item = table.fresh()
    with pytest.raises(RuleError) as caught:
        live.close_item(item, at(9, 30))
    assert caught.value.msgid == "meetings.live.close.no_director"
    assert str(caught.value) == ("This item cannot be closed yet. Who holds the overview of this plan of "
                                 "approach, and may I call them?")
    with pytest.raises(RuleError) as caught:
        live.close_meeting(table.meeting, at(9, 30))
    assert caught.value.msgid == "meetings.live.end.items_open"
    assert "Close each item with /close." in str(caught.value)
    assert dutch_words_in(str(caught.value), PEOPLE) == []


# -- the capture line ---------------------------------------------------------------------------

def test_capture_answers_in_english(table) -> None:
    set_language("en")
    decided = run(table, "b Wijkteam wordt casusregisseur")
    assert (decided.ok, decided.message) == (True, "Decision recorded.")
    unknown = run(table, "/onzin")
    assert unknown.keep_line and unknown.message == "Unknown command '/onzin'. F1 shows all commands."
    assert run(table, "hallo").message.startswith("Not understood. Start with b (decision)")
    refused = run(table, "/end")
    assert refused.keep_line and "Still open" in refused.message
    closing = run(table, "/close")
    assert closing.question is not None
    assert dutch_words_in(closing.message + " " + closing.question.prompt, PEOPLE) == []


@pytest.mark.parametrize(("english", "dutch"), [
    ("/next", "/volgende"), ("/previous", "/vorige"), ("/end", "/einde"), ("/close", "/sluit"),
    ("/date", "/datum"), ("/present", "/aanwezig"), ("/leave", "/weg"), ("/done", "/gedaan"),
])
def test_english_command_words_mean_the_dutch_ones(english: str, dutch: str) -> None:
    assert capture.ENGLISH_COMMANDS[dutch] == english
    set_language("en")
    assert capture.command_word(dutch) == english
    set_language("nl")
    assert capture.command_word(dutch) == dutch


@pytest.mark.parametrize("language", ["nl", "en"])
def test_next_works_in_both_languages_with_both_words(table, language: str) -> None:
    set_language(language)
    moved = run(table, "/next")
    assert moved.ok and moved.item_id != table.item.id
    back = run(table, "/vorige", MeetingItem.get_by_id(moved.item_id))
    assert back.ok and back.item_id == table.item.id
    assert run(table, "/present politie").ok


def test_the_date_command_in_english(table) -> None:
    set_language("en")
    asked = run(table, "/date")
    assert asked.keep_line and asked.message.startswith("Type: /date DATE.")
    done = run(table, "/date 14-12-2026")
    assert done.ok and done.message == "Follow-up date (review): 14/12/2026."
    assert table.fresh().next_on == dt.date(2026, 12, 14)


def test_completion_offers_the_english_words_first_in_english() -> None:
    set_language("en")
    assert capture.suggest("/ne", []) == "/next"
    assert capture.suggest("/vo", []) == "/volgende"  # the Dutch words still complete
    set_language("nl")
    assert capture.suggest("/vo", []) == "/volgende"


def test_the_grammar_reads_in_english() -> None:
    set_language("en")
    shown = capture.grammar()
    assert len(shown) == len(capture.GRAMMAR)
    assert ("/next · /previous", "the next or previous agenda item") in shown
    text = " ".join(f"{form} {explanation}" for form, explanation in shown)
    assert dutch_words_in(text) == []
    set_language("nl")
    assert capture.grammar() == list(capture.GRAMMAR)


# -- what the live screen reads of the services -------------------------------------------------

def test_when_and_the_card_in_english(table) -> None:
    set_language("en")
    planned = meetings.create_meeting("MDO", dt.date(2026, 12, 1), start_time="09:30")
    assert meetings.when(planned) == "Tue 01/12/2026 09:30"
    set_language("nl")
    assert meetings.when(planned) == "di 01-12-2026 09:30"
    set_language("en")
    shown = card.case_card(table.fresh(), TODAY)
    assert shown.changes == ("No plan of approach yet.",)
    lines = card.agenda(table.meeting, table.item.id)
    assert all(not dutch_words_in(line.status) for line in lines)
