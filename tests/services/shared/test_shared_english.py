"""The shared services in English (issue 17): dates typed in English beside the Dutch words, the
refusals of a bad date, a text or an e-mail address as message ids with parameters that read in
English (and in Dutch again), and the texts shown for a paste or a person."""

from __future__ import annotations

import datetime as dt

import pytest
from i18nkit import dutch_words_in, set_language

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import N_
from zvh_tui.services.shared import dates, disclosure, drafts, plurals, text, validate

MONDAY = dt.date(2026, 11, 23)
D = dt.date


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("typed", "expected"), [
    ("today", MONDAY), ("Tomorrow", D(2026, 11, 24)), ("yesterday", D(2026, 11, 22)), ("now", MONDAY),
    ("vandaag", MONDAY), ("morgen", D(2026, 11, 24)), ("overmorgen", D(2026, 11, 25)),
    ("gisteren", D(2026, 11, 22)),
    ("fri", D(2026, 11, 27)), ("friday", D(2026, 11, 27)), ("mon", D(2026, 11, 30)),
    ("vr", D(2026, 11, 27)), ("maandag", D(2026, 11, 30)), ("do", D(2026, 11, 26)),
    ("15 march 2027", D(2027, 3, 15)), ("1 may", D(2026, 5, 1)), ("3 oct", D(2026, 10, 3)),
    ("15 maart 2027", D(2027, 3, 15)), ("1 mei", D(2026, 5, 1)),
    ("+1y", D(2027, 11, 23)), ("+1j", D(2027, 11, 23)), ("+2w", D(2026, 12, 7)),
])
def test_english_and_dutch_words_are_read_in_either_language(language, typed, expected) -> None:
    set_language(language)
    assert dates.parse_date(typed, today=MONDAY) == expected


def test_a_bad_date_is_refused_in_both_languages() -> None:
    with pytest.raises(ValidationError) as refused:
        dates.parse_date("soon", today=MONDAY, label=N_("Deadline"), field="deadline")
    error = refused.value
    assert error.msgid == "shared.dates.not_a_date"
    assert (error.params["text"], error.field) == ("soon", "deadline")
    assert str(error) == ("Deadline: 'soon' is geen datum. Gebruik bijvoorbeeld 15-12-2026, 15-12, "
                          "vandaag, morgen, vr of +2w.")
    set_language("en")
    assert str(error) == ("Deadline: 'soon' is not a date. Use for example 15-12-2026, 15-12, "
                          "today, tomorrow, fri or +2w.")
    assert dates.hint() == "Use for example 15-12-2026, 15-12, today, tomorrow, fri or +2w."
    assert dutch_words_in(str(error)) == []


def test_the_default_label_and_the_other_date_refusals_in_english() -> None:
    set_language("en")
    with pytest.raises(ValidationError) as refused:
        dates.parse_date("31 february 2027", today=MONDAY)
    assert refused.value.msgid == "shared.dates.no_such_date"
    assert str(refused.value) == "Date: that date does not exist."
    with pytest.raises(ValidationError) as year:
        dates.parse_date("1-1-1850", today=MONDAY)
    assert (year.value.msgid, year.value.params["year"]) == ("shared.dates.bad_year", 1850)
    assert str(year.value) == "Date: the year 1850 cannot be right."
    with pytest.raises(ValidationError) as leap:
        dates.parse_date("29-02", today=dt.date(2026, 3, 1), future=True)
    assert leap.value.msgid == "shared.dates.no_leap_day"
    assert str(leap.value) == ("Date: 29 February does not occur in the coming year. Type the year "
                               "with it, for example 29-02-2028.")
    set_language("nl")
    assert str(leap.value).startswith("Datum: 29 februari komt het komende jaar niet voor.")


def test_text_refusals_carry_the_label_in_english() -> None:
    set_language("en")
    with pytest.raises(ValidationError) as required:
        text.line("  ", N_("Naam"), field="name", required=True)
    assert (required.value.msgid, required.value.field) == ("shared.text.required", "name")
    assert str(required.value) == "Name is required."
    with pytest.raises(ValidationError) as long:
        text.line("x" * 201, N_("Naam"))
    assert long.value.params["limit"] == 200
    assert str(long.value) == "Name is too long (at most 200 characters)."
    with pytest.raises(ValidationError) as block:
        text.block("x" * 1500, N_("Aanleiding"), max_length=1000)
    assert str(block.value) == "Reason for referral is too long (1,500 characters; at most 1,000)."
    with pytest.raises(ValidationError) as bidi:
        text.line("abc\u202edef", N_("Naam"))
    assert bidi.value.msgid == "shared.text.bidi"
    assert str(bidi.value) == "Name holds a character that reverses the reading direction; remove it."
    set_language("nl")
    assert str(block.value) == "Aanleiding is te lang (1.500 tekens; hoogstens 1.000)."


def test_paste_refusals_in_english_plurals() -> None:
    set_language("en")
    refusal = text.paste_refusal("one\ntwo\nthree", multiline=False)
    assert refusal is not None and refusal.startswith("Not pasted: the text has 3 lines and this field has one.")
    control = text.paste_refusal("a\x1bb", multiline=True)
    assert control is not None and control.startswith("Not pasted: the text holds a control character, ␛ (ESC),")
    assert dutch_words_in(refusal + control) == []


@pytest.mark.parametrize(("address", "msgid", "english"), [
    ("naam @x.nl", "shared.email.space", "it holds a space"),
    ("a@@b.nl", "shared.email.two_ats", "it holds two @ signs; there should be one"),
    ("a@b@c@d@e.nl", "shared.email.many_ats", "it holds 4 @ signs; there should be one"),
    ("jan@politie", "shared.email.domain_no_dot", "the domain 'politie' has no full stop (such as organisation.nl)"),
])
def test_email_refusals_in_english(address: str, msgid: str, english: str) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as refused:
        validate.email(address)
    assert refused.value.msgid == "shared.email.invalid"
    assert refused.value.params["problem"].id == msgid
    assert str(refused.value) == f"This e-mail address is not right: {english}."
    assert validate.email_problem(address) == english


def test_a_draft_too_large_a_person_number_and_numbers_in_english() -> None:
    set_language("en")
    with pytest.raises(ValidationError) as refused:
        drafts._check_values({"text": "x" * (drafts.DRAFT_MAX + 1)})
    assert (refused.value.msgid, str(refused.value)) == (
        "shared.drafts.too_large", "This draft is too large to keep in between.")
    assert disclosure.person_number(17) == "person 17"
    assert disclosure.hidden() == "hidden in projector mode"
    assert plurals.number(1234567) == "1,234,567"
    set_language("nl")
    assert disclosure.person_number(17) == "betrokkene 17"
    assert plurals.number(1234567) == "1.234.567"
