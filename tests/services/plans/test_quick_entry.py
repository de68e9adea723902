"""The one-line quick entry of an action: examples, the rules of the module docstring, Hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zvh_tui.services.plans import quick_entry
from zvh_tui.services.plans.quick_entry import Candidate, ContactCandidate, parse_quick_entry
from zvh_tui.services.shared import dates

TODAY = dt.date(2026, 11, 23)  # a Monday

WIJKTEAM = Candidate(1, "Wijkteam Noord", (ContactCandidate(11, "Fatima El Amrani"),), True)
GEMEENTE = Candidate(2, "Gemeente Breda", (ContactCandidate(21, "P. Jansen"), ContactCandidate(22, "K. Jansma")), True)
POLITIE = Candidate(3, "Politie", (), True)
GGZ = Candidate(4, "GGZ Breburg", (), True)
VEILIG_THUIS = Candidate(5, "Veilig Thuis", (ContactCandidate(51, "Sanne Vos"),), False)
GEMEENTE_TILBURG = Candidate(6, "Gemeente Tilburg", (), False)
WIJKTEAM_ZUID = Candidate(7, "Wijkteam Zuid", (), False)
CANDIDATES = [WIJKTEAM, GEMEENTE, POLITIE, GGZ, VEILIG_THUIS, GEMEENTE_TILBURG, WIJKTEAM_ZUID,
              # the participants also appear in "all partners": that must not make them ambiguous
              Candidate(1, "Wijkteam Noord", (), False), Candidate(2, "Gemeente Breda", (), False)]


def parse(line: str):
    return parse_quick_entry(line, today=TODAY, candidates=CANDIDATES)


# -- the examples of the issue -----------------------------------------------------------------

def test_owner_and_weekday() -> None:
    entry = parse("huisbezoek plannen @wijkteam vr")
    assert entry.text == "huisbezoek plannen"
    assert (entry.owner_query, entry.contact_query) == ("wijkteam", "")
    assert entry.partner_id == WIJKTEAM.id  # the participant, not Wijkteam Zuid from the roster
    assert entry.contact_id is None
    assert entry.deadline == dt.date(2026, 11, 27)  # the next Friday
    assert entry.problems == []


def test_owner_with_contact_and_offset() -> None:
    entry = parse("uitkering regelen @gemeente/Jansen +2w")
    assert entry.text == "uitkering regelen"
    assert (entry.owner_query, entry.contact_query) == ("gemeente", "Jansen")
    assert (entry.partner_id, entry.contact_id) == (GEMEENTE.id, 21)
    assert entry.deadline == dt.date(2026, 12, 7)
    assert entry.problems == []


def test_no_owner_is_reported_not_silently_nobody() -> None:
    entry = parse("ID-kaart aanvragen")
    assert entry.text == "ID-kaart aanvragen"  # "ID-kaart" has no date shape: it stays text
    assert entry.partner_id is None and entry.deadline is None
    assert [p.code for p in entry.problems] == ["no_owner"]
    problem = entry.owner_problem
    assert problem is not None and "niemands taak" in problem.message
    # the user can pick among the participants first, then everyone (each partner once)
    assert [c.partner_id for c in problem.choices] == [1, 2, 3, 4, 5, 6, 7]
    assert problem.choices[0].label == "Wijkteam Noord (aan tafel)"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("ma", dt.date(2026, 11, 30)),  # today is a Monday: the next one
        ("zo", dt.date(2026, 11, 29)),
        ("vrijdag", dt.date(2026, 11, 27)),
        ("morgen", dt.date(2026, 11, 24)),
        ("overmorgen", dt.date(2026, 11, 25)),
        ("vandaag", TODAY),
        ("+3d", dt.date(2026, 11, 26)),
        ("+3", dt.date(2026, 11, 26)),
        ("+2w", dt.date(2026, 12, 7)),
        ("+1m", dt.date(2026, 12, 23)),
        ("15-12", dt.date(2026, 12, 15)),
        ("15-01", dt.date(2027, 1, 15)),  # the next 15 January
        ("15-12-2026", dt.date(2026, 12, 15)),
        ("15/12/2026", dt.date(2026, 12, 15)),
        ("2026-12-15", dt.date(2026, 12, 15)),
        ("15 dec", dt.date(2026, 12, 15)),
        ("3 januari 2027", dt.date(2027, 1, 3)),
    ],
)
def test_deadline_forms(token: str, expected: dt.date) -> None:
    entry = parse(f"bel de huisarts @politie {token}")
    assert entry.deadline == expected
    assert entry.text == "bel de huisarts"
    assert entry.problems == []


def test_deadline_before_the_owner_token_is_also_found() -> None:
    entry = parse("huisbezoek vr @wijkteam")
    assert (entry.text, entry.deadline, entry.partner_id) == ("huisbezoek", dt.date(2026, 11, 27), 1)


@pytest.mark.parametrize(
    "line",
    [
        "bel moeder nu @politie",
        "gesprek van gisteren uitwerken @politie",
        "stap 12 @politie",
        "schuld terugbrengen naar -2d @politie",
        "ID-kaart @politie",
        "zorg voor vr. @politie",  # a dot after the weekday: not the date shape
    ],
)
def test_tokens_that_are_clearly_not_a_date_stay_text(line: str) -> None:
    entry = parse(line)
    assert entry.deadline is None
    assert entry.text == line.replace(" @politie", "")
    assert entry.problems == []


def test_weekday_in_the_middle_is_a_word() -> None:
    entry = parse("ma en pa bellen @politie")
    assert (entry.text, entry.deadline) == ("ma en pa bellen", None)


@pytest.mark.parametrize("token", ["31-02", "32-13-2026", "+99999w", "30 februari"])
def test_unreadable_date_shapes_are_asked_for_not_kept_as_text(token: str) -> None:
    entry = parse(f"huisbezoek @politie {token}")
    assert entry.text == "huisbezoek"
    assert entry.deadline is None
    problem = entry.deadline_problem
    assert problem is not None and problem.code == "deadline_invalid"
    assert problem.message.startswith("Deadline")


def test_deadline_in_the_past_is_reported() -> None:
    entry = parse("huisbezoek @politie 01-01-2020")
    assert entry.deadline is None
    assert entry.deadline_problem is not None and entry.deadline_problem.code == "deadline_past"
    assert "01-01-2020" in entry.deadline_problem.message


# -- the owner -------------------------------------------------------------------------------

def test_owner_match_is_case_and_accent_insensitive_on_word_prefixes() -> None:
    assert parse("x @BREDA").partner_id == GEMEENTE.id  # a word of the name
    assert parse("x @ggz").partner_id == GGZ.id
    assert parse("x @veilig_thuis").partner_id == VEILIG_THUIS.id  # underscore for a space
    assert parse("x @thuis").partner_id == VEILIG_THUIS.id  # not at the table: all partners
    assert parse("x @olit").partner_id == POLITIE.id  # a substring, when nothing starts with it


def test_participants_are_tried_before_the_whole_roster() -> None:
    # "gemeente" fits Gemeente Breda (at the table) and Gemeente Tilburg (roster only)
    assert parse("x @gemeente").partner_id == GEMEENTE.id
    # "wijkteam" fits Wijkteam Noord (at the table) and Wijkteam Zuid (roster only)
    assert parse("x @wijk").partner_id == WIJKTEAM.id


def test_ambiguous_owner_lists_only_the_fitting_candidates() -> None:
    candidates = [GEMEENTE_TILBURG, WIJKTEAM_ZUID, Candidate(8, "Gemeente Etten-Leur", (), False)]
    entry = parse_quick_entry("uitkering @gemeente", today=TODAY, candidates=candidates)
    assert entry.partner_id is None
    problem = entry.owner_problem
    assert problem is not None and problem.code == "owner_ambiguous"
    assert {c.partner_id for c in problem.choices} == {6, 8}
    assert "2 partners" in problem.message


def test_unknown_owner_asks_among_everyone() -> None:
    entry = parse("uitkering @belastingdienst +1w")
    assert entry.partner_id is None
    assert entry.text == "uitkering" and entry.deadline == dt.date(2026, 11, 30)
    problem = entry.owner_problem
    assert problem is not None and problem.code == "owner_unknown"
    assert "@belastingdienst" in problem.message
    assert len(problem.choices) == 7


def test_contact_matching() -> None:
    entry = parse("x @gemeente/jans")  # Jansen and Jansma both start with "jans"
    assert entry.partner_id == GEMEENTE.id and entry.contact_id is None
    problem = entry.owner_problem
    assert problem is not None and problem.code == "contact_ambiguous"
    assert [c.contact_id for c in problem.choices] == [None, 21, 22]  # or none at all
    assert parse("x @gemeente/jansma").contact_id == 22
    unknown = parse("x @gemeente/pietersen")
    assert unknown.partner_id == GEMEENTE.id and unknown.owner_problem.code == "contact_unknown"


def test_contact_alone_finds_its_partner() -> None:
    assert (parse("x @/fatima").partner_id, parse("x @/fatima").contact_id) == (1, 11)
    entry = parse("x @vos")  # no partner is called "vos": a contact person is
    assert (entry.partner_id, entry.contact_id, entry.problems) == (VEILIG_THUIS.id, 51, [])


def test_two_owner_tokens_and_an_empty_one_are_problems() -> None:
    two = parse("x @politie @ggz")
    assert two.text == "x" and two.partner_id is None
    assert two.owner_problem.code == "owner_several"
    empty = parse("x @ vr")
    assert empty.text == "x" and empty.deadline == dt.date(2026, 11, 27)
    assert empty.owner_problem.code == "owner_empty"


def test_empty_text_is_a_problem() -> None:
    assert parse("").has("text_empty")
    entry = parse("@politie morgen")
    assert entry.text == "" and entry.has("text_empty")
    assert entry.deadline == dt.date(2026, 11, 24)


def test_matcher_scores() -> None:
    assert quick_entry.match_score("Politie", "politie") == 3
    assert quick_entry.match_score("veilig thuis", "Veilig Thuis") == 3
    assert quick_entry.match_score("fin", "Schuldhulp Financiën") == 2
    assert quick_entry.match_score("nanc", "Schuldhulp Financiën") == 1
    assert quick_entry.match_score("xyz", "Politie") == 0
    assert quick_entry.match_score("", "Politie") == 0


# -- Hypothesis ------------------------------------------------------------------------------

any_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80
) | st.lists(
    st.sampled_from(["@", "@gemeente", "/", "@/x", "vr", "+2w", "15-12", "31-02", "morgen", "  ", "a", "15", "dec",
                     "2027", "\t", "@@", "+", "-", "ß", "İ", "\u0301"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_never_raises_and_never_keeps_an_owner_token_in_the_text(line: str) -> None:
    entry = parse(line)
    assert isinstance(entry.text, str)
    assert not any(word.startswith("@") for word in entry.text.split())
    assert entry.text == entry.text.strip()
    if entry.deadline is not None:
        assert entry.deadline >= TODAY
    if entry.partner_id is None:
        assert entry.owner_problem is not None  # an owner that is not known is always asked for
    for problem in entry.problems:
        assert problem.message


word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë-", min_size=1, max_size=10).filter(
    lambda w: not quick_entry.looks_like_date([w]) and not w.startswith("@")
)
deadline_tokens = st.sampled_from(
    ["ma", "di", "wo", "do", "vr", "za", "zo", "maandag", "morgen", "overmorgen", "vandaag",
     "+1d", "+10d", "+2w", "+3m", "+1j", "+7", "24-12", "01-03", "15-12-2026", "1/2/2027",
     "2027-06-30", "15 dec", "3 januari 2027"]
)
owners = st.sampled_from([
    ("wijkteam", "", 1, None), ("gemeente", "jansen", 2, 21), ("politie", "", 3, None),
    ("GGZ", "", 4, None), ("veilig_thuis", "", 5, None), ("/sanne", "", 5, 51), ("tilburg", "", 6, None),
])


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(word, min_size=1, max_size=6),
    owner=owners,
    deadline=st.none() | deadline_tokens,
    owner_first=st.booleans(),
)
def test_round_trip_text_owner_and_deadline(words, owner, deadline, owner_first) -> None:
    partner_q, contact_q, partner_id, contact_id = owner
    owner_token = "@" + partner_q + (f"/{contact_q}" if contact_q else "")
    tail = [owner_token] + ([deadline] if deadline else [])
    if owner_first and deadline:
        tail = [deadline, owner_token]  # "huisbezoek vr @wijkteam" reads the same
    line = " ".join(words + tail)
    entry = parse(line)
    assert entry.text == " ".join(words)
    assert entry.partner_id == partner_id and entry.contact_id == contact_id
    expected = dates.parse_date(deadline, today=TODAY, future=True) if deadline else None
    assert entry.deadline == expected
    assert entry.problems == []
