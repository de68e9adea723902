"""Dutch singular and plural: "1 actie is niemands taak", "2 acties zijn niemands taak".

Never "actie(s)". `plural(n, one, many)` is shaped like gettext's `ngettext(singular, plural, n)`
(arguments in a different order, same meaning), so moving the UI to gettext later replaces each
call one for one. Both texts may hold `{n}`, filled with the count in Dutch notation (a dot
between thousands: 10.000).
"""

from __future__ import annotations

from zvh_tui.core import i18n


def number(n: int) -> str:
    """A whole number as the language of the moment writes it: 1.234 in Dutch, 1,234 in
    English (Babel's, for any language but Dutch)."""
    if i18n.current() == i18n.DEFAULT:
        return f"{n:,}".replace(",", ".")
    return i18n.format_number(n)


def plural(n: int, one: str, many: str) -> str:
    """`one` when n is 1, otherwise `many` (also for 0); `{n}` in either is filled in."""
    chosen = one if n == 1 else many
    return chosen.format(n=number(n)) if "{n}" in chosen else chosen


def count(n: int, one: str, many: str) -> str:
    """The number and the noun: count(1, "actie", "acties") == "1 actie"."""
    return f"{number(n)} {plural(n, one, many)}"
