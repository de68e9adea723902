"""Dutch date input (services/shared/dates.py): every documented form, refusals, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zvh_tui.core.errors import ValidationError
from zvh_tui.services.shared import context
from zvh_tui.services.shared.dates import add_months, format_date, parse_date

MONDAY = dt.date(2026, 11, 23)
FRIDAY = dt.date(2026, 11, 27)
D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numeric, full
        ("15-12-2026", D(2026, 12, 15)),
        ("15-12-26", D(2026, 12, 15)),
        ("15/12/2026", D(2026, 12, 15)),
        ("15/12/26", D(2026, 12, 15)),
        ("15.12.2026", D(2026, 12, 15)),
        ("15.12.26", D(2026, 12, 15)),
        ("2026-12-15", D(2026, 12, 15)),
        ("1-2-2027", D(2027, 2, 1)),
        ("29-02-2028", D(2028, 2, 29)),
        # day and month: this year
        ("15-12", D(2026, 12, 15)),
        ("15/12", D(2026, 12, 15)),
        ("15.12", D(2026, 12, 15)),
        ("15-01", D(2026, 1, 15)),
        # month names
        ("15 december 2026", D(2026, 12, 15)),
        ("15 dec", D(2026, 12, 15)),
        ("15 dec.", D(2026, 12, 15)),
        ("3 mrt 2027", D(2027, 3, 3)),
        ("1 mei", D(2026, 5, 1)),
        ("15 DECEMBER 2026", D(2026, 12, 15)),
        # words
        ("vandaag", MONDAY),
        ("nu", MONDAY),
        ("morgen", D(2026, 11, 24)),
        ("overmorgen", D(2026, 11, 25)),
        ("gisteren", D(2026, 11, 22)),
        ("eergisteren", D(2026, 11, 21)),
        ("  Morgen  ", D(2026, 11, 24)),
        # weekdays: the next such day after today
        ("ma", D(2026, 11, 30)),  # today is a Monday: next week's Monday
        ("maandag", D(2026, 11, 30)),
        ("di", D(2026, 11, 24)),
        ("wo", D(2026, 11, 25)),
        ("donderdag", D(2026, 11, 26)),
        ("vr", D(2026, 11, 27)),
        ("za", D(2026, 11, 28)),
        ("zondag", D(2026, 11, 29)),
        # offsets
        ("+3d", D(2026, 11, 26)),
        ("+3", D(2026, 11, 26)),
        ("+ 3 d", D(2026, 11, 26)),
        ("-3d", D(2026, 11, 20)),
        ("+2w", D(2026, 12, 7)),
        ("-1w", D(2026, 11, 16)),
        ("+1m", D(2026, 12, 23)),
        ("+3m", D(2027, 2, 23)),
        ("-11m", D(2025, 12, 23)),
        ("+1j", D(2027, 11, 23)),
        ("-1j", D(2025, 11, 23)),
        ("+0d", MONDAY),
    ],
)
def test_documented_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=MONDAY) == expected


def test_weekday_on_that_same_weekday_means_next_week() -> None:
    assert parse_date("vr", today=FRIDAY) == D(2026, 12, 4)
    assert parse_date("vrijdag", today=FRIDAY) == D(2026, 12, 4)
    assert parse_date("za", today=FRIDAY) == D(2026, 11, 28)
    assert parse_date("do", today=FRIDAY) == D(2026, 12, 3)


def test_future_rolls_a_past_day_and_month_into_next_year() -> None:
    assert parse_date("15-01", today=MONDAY, future=True) == D(2027, 1, 15)
    assert parse_date("15 jan", today=MONDAY, future=True) == D(2027, 1, 15)
    assert parse_date("15-12", today=MONDAY, future=True) == D(2026, 12, 15)
    assert parse_date("23-11", today=MONDAY, future=True) == MONDAY  # today is not the past
    assert parse_date("22-11", today=MONDAY, future=True) == D(2027, 11, 22)
    assert parse_date("15-01", today=MONDAY, future=False) == D(2026, 1, 15)


def test_month_offset_keeps_to_the_last_day_of_a_short_month() -> None:
    assert parse_date("+1m", today=D(2026, 1, 31)) == D(2026, 2, 28)
    assert parse_date("+1m", today=D(2028, 1, 31)) == D(2028, 2, 29)
    assert parse_date("+1j", today=D(2028, 2, 29)) == D(2029, 2, 28)
    assert add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)


def test_empty_input_is_no_date() -> None:
    assert parse_date(None) is None
    assert parse_date("") is None
    assert parse_date("   ") is None


def test_today_comes_from_the_context_when_not_given() -> None:
    context.set_today(FRIDAY)
    assert parse_date("morgen") == D(2026, 11, 28)
    assert parse_date("15-01", future=True) == D(2027, 1, 15)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31-02-2026", "geen datum"),
        ("blah", "geen datum"),
        ("32-13", "geen datum"),
        ("+99999w", "geen datum"),
        ("15-12-1800", "het jaar 1800"),
        ("1800-01-01", "het jaar 1800"),
        ("15-12-2201", "het jaar 2201"),
        ("29-02", "bestaat niet"),  # 2026 is no leap year
        ("31 feb", "bestaat niet"),
        ("31 februari 2026", "bestaat niet"),
        ("+9999j", "te groot"),
        ("+9999w", "het jaar"),
        ("15 dec 26", "geen datum"),
        ("0-1-2026", "geen datum"),
        ("morgenochtend", "geen datum"),
    ],
)
def test_invalid_input_is_refused_in_dutch_with_the_label(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text, today=MONDAY, label="Deadline", field="deadline")
    message = str(caught.value)
    assert message.startswith("Deadline: ")
    assert fragment in message
    assert caught.value.field == "deadline"


def test_refusal_hint_shows_the_input_shortened_and_printable() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date("x\x1b[31m" + "y" * 100, today=MONDAY, label="Datum")
    message = str(caught.value)
    assert "\x1b" not in message
    assert "…" in message
    assert "Gebruik bijvoorbeeld" in message


def test_format_date_is_the_dutch_form() -> None:
    assert format_date(D(2026, 1, 5)) == "05-01-2026"
    assert format_date(None) == ""


def test_future_29_february_in_the_year_before_a_leap_year() -> None:
    assert parse_date("29-02", today=D(2027, 12, 1), future=True) == D(2028, 2, 29)


def test_future_29_february_years_ahead_asks_for_the_year() -> None:
    # Found by Hypothesis: in 2001 the next 29 February is in 2004, years past any deadline.
    with pytest.raises(ValidationError, match="Typ het jaar erbij, bijvoorbeeld 29-02-2004"):
        parse_date("29-02", today=D(2001, 1, 1), future=True)


# -- properties ---------------------------------------------------------------------------------


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2150, 12, 31)))
def test_format_then_parse_gives_the_same_date(day: dt.date) -> None:
    assert parse_date(format_date(day), today=MONDAY) == day


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2150, 12, 31)))
def test_iso_form_is_read_too(day: dt.date) -> None:
    assert parse_date(day.isoformat(), today=MONDAY) == day


@given(st.text())
def test_any_text_gives_a_date_or_a_validation_error(text: str) -> None:
    try:
        result = parse_date(text, today=MONDAY)
    except ValidationError as exc:
        assert str(exc).startswith("Datum: ")
        return
    assert result is None or isinstance(result, dt.date)
    if result is not None:
        assert 1900 <= result.year <= 2200


_DATEISH = st.text(alphabet="0123456789-/.+ dwmjvrzaoeginmrtu", max_size=14)


@given(_DATEISH, st.booleans(), st.dates(min_value=D(1950, 1, 1), max_value=D(2150, 12, 31)))
def test_date_like_text_gives_a_date_or_a_validation_error(
    text: str, future: bool, today: dt.date
) -> None:
    try:
        result = parse_date(text, today=today, future=future)
    except ValidationError:
        return
    assert result is None or 1900 <= result.year <= 2200


@given(st.integers(min_value=0, max_value=3650))
def test_plus_n_days_is_today_plus_n(n: int) -> None:
    assert parse_date(f"+{n}d", today=MONDAY) == MONDAY + dt.timedelta(days=n)
    assert parse_date(f"+{n}", today=MONDAY) == MONDAY + dt.timedelta(days=n)


@given(
    st.dates(min_value=D(1950, 1, 1), max_value=D(2150, 12, 31)),
    st.dates(min_value=D(1950, 1, 1), max_value=D(2150, 12, 31)),
)
@example(day=D(2000, 2, 29), today=D(2001, 1, 1))
def test_future_day_and_month_is_never_before_today(day: dt.date, today: dt.date) -> None:
    try:
        result = parse_date(f"{day.day:02d}-{day.month:02d}", today=today, future=True)
    except ValidationError:
        assert (day.month, day.day) == (2, 29)  # only a leap day can be missing
        return
    assert result is not None
    assert today <= result < today + dt.timedelta(days=367)
    assert (result.month, result.day) == (day.month, day.day)
