"""Dates typed the Dutch way, in one place for the whole app.

Accepted: `15-12-2026`, `15-12-26`, `15/12/2026`, `15.12.2026`, `2026-12-15`, `15-12` (the next
15 December when `future` is asked, else this year), `15 december 2026`, `15 dec`;
`vandaag`, `morgen`, `overmorgen`, `gisteren`; weekdays `ma`..`zo` or in full (the next such
day after today); offsets `+3d`, `+2w`, `+1m`, `+1j` (and `-` for the past).
Numeric forms are read with `datetime.strptime`; only the Dutch words are ours. The English
words are accepted beside the Dutch ones in either language (`today`, `tomorrow`, `fri`,
`friday`, `15 march`, `+1y`): what a user types never depends on the language of the screen.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import N_, M, Message, tr
from zvh_tui.services.shared import context
from zvh_tui.services.shared.text import Label

WEEKDAYS = {  # i18n: words the user types
    "ma": 0, "maandag": 0,
    "di": 1, "dinsdag": 1,
    "wo": 2, "woensdag": 2,
    "do": 3, "donderdag": 3,
    "vr": 4, "vrijdag": 4,
    "za": 5, "zaterdag": 5,
    "zo": 6, "zondag": 6,
}  # fmt: skip
MONTHS = {  # i18n: words the user types
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mrt": 3, "maart": 3, "mar": 3,
    "apr": 4, "april": 4, "mei": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7,
    "aug": 8, "augustus": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WORDS = {"vandaag": 0, "nu": 0, "morgen": 1, "overmorgen": 2, "gisteren": -1, "eergisteren": -2}  # i18n: typed
# The English words, accepted beside the Dutch ones (none of them is also a Dutch word above).
EN_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "oct": 10, "october": 10,
}  # fmt: skip
EN_WORDS = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}
ALL_WEEKDAYS = {**WEEKDAYS, **EN_WEEKDAYS}
ALL_MONTHS = {**MONTHS, **EN_MONTHS}
ALL_WORDS = {**WORDS, **EN_WORDS}

FULL_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y", "%d/%m/%y", "%d.%m.%y")
SHORT_FORMATS = ("%d-%m", "%d/%m", "%d.%m")
OFFSET = re.compile(r"^([+-])\s*(\d{1,4})\s*([dwmjy]?)$")  # j (jaar) or y (year)
NAMED = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?$")

# Shown with `hint()` (or `_(HINT)`): the English names the English words.
HINT = N_("Gebruik bijvoorbeeld 15-12-2026, 15-12, vandaag, morgen, vr of +2w.")
MIN_YEAR, MAX_YEAR = 1900, 2200


def hint() -> str:
    """The examples of what may be typed, in the language of the moment."""
    return tr(HINT)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _with_year(day: int, month: int, today: dt.date, future: bool, label: object) -> dt.date:
    """Day and month without a year: this year, or with `future` the first one not before today."""
    years = [today.year, today.year + 1] if future else [today.year]
    for year in years:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if not future or candidate >= today:
            return candidate
    if future and (month, day) == (2, 29):  # the coming year has no leap day: never years ahead
        leap = next(year for year in range(today.year, today.year + 9) if calendar.isleap(year))
        raise ValidationError(M(
            "shared.dates.no_leap_day",
            "{label}: 29 februari komt het komende jaar niet voor. "
            "Typ het jaar erbij, bijvoorbeeld 29-02-{leap}.",
            label=Label(label), leap=leap))
    raise ValidationError(_no_such_date(label))


def _no_such_date(label: object) -> Message:
    return M("shared.dates.no_such_date", "{label}: die datum bestaat niet.", label=Label(label))


def parse_date(
    text: str | None,
    *,
    today: dt.date | None = None,
    future: bool = False,
    label: str = N_("Datum"),
    field: str | None = None,
) -> dt.date | None:
    """Read a Dutch (or English) date. Empty gives None; anything unreadable raises
    ValidationError. `label` is a marked Dutch text (`N_("Deadline")`) or one already translated."""
    if text is None:
        return None
    raw = str(text).strip().lower()
    if not raw:
        return None
    today = today or context.today()
    try:
        result = _parse(raw, today, future, label)
    except ValidationError as exc:
        exc.field = field
        raise
    if result is None:
        hint_now = M("shared.dates.hint", "Gebruik bijvoorbeeld 15-12-2026, 15-12, vandaag, morgen, vr of +2w.")
        raise ValidationError(M("shared.dates.not_a_date", "{label}: '{text}' is geen datum. {hint}",
                                label=Label(label), text=_shorten(text), hint=hint_now), field=field)
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise ValidationError(M("shared.dates.bad_year", "{label}: het jaar {year} kan niet kloppen.",
                                label=Label(label), year=result.year), field=field)
    return result


def _parse(raw: str, today: dt.date, future: bool, label: object) -> dt.date | None:
    if raw in ALL_WORDS:
        return today + dt.timedelta(days=ALL_WORDS[raw])
    if raw in ALL_WEEKDAYS:
        ahead = (ALL_WEEKDAYS[raw] - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    match = OFFSET.match(raw)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        amount = int(match.group(2)) * sign
        unit = match.group(3) or "d"
        try:
            if unit == "d":
                return today + dt.timedelta(days=amount)
            if unit == "w":
                return today + dt.timedelta(weeks=amount)
            if unit == "m":
                return add_months(today, amount)
            return add_months(today, 12 * amount)
        except (OverflowError, ValueError):
            raise ValidationError(M("shared.dates.offset_too_large", "{label}: die verschuiving is te groot.",
                                    label=Label(label))) from None
    for fmt in FULL_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    for fmt in SHORT_FORMATS:  # day and month only: the year follows from today
        try:
            parsed = dt.datetime.strptime(raw + fmt[2] + "2000", fmt + fmt[2] + "%Y")
        except ValueError:
            continue
        return _with_year(parsed.day, parsed.month, today, future, label)
    match = NAMED.match(raw)
    if match and match.group(2) in ALL_MONTHS:
        day, month = int(match.group(1)), ALL_MONTHS[match.group(2)]
        if match.group(3):
            try:
                return dt.date(int(match.group(3)), month, day)
            except ValueError:
                raise ValidationError(_no_such_date(label)) from None
        return _with_year(day, month, today, future, label)
    return None


def format_date(day: dt.date | None) -> str:
    """The Dutch way: 15-12-2026; empty for no date."""
    return day.strftime("%d-%m-%Y") if day else ""


def _shorten(text: object, limit: int = 30) -> str:
    value = str(text).strip()
    value = "".join(ch if ch.isprintable() else "?" for ch in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
