"""Every text the user reads goes through here: gettext catalogues, Babel for dates and numbers.

Dutch is the source language: a text's gettext id is its Dutch wording, English comes from
`locale/en/LC_MESSAGES/zvh.po` (compiled to a `.mo` when the wheel is built; a checkout without
the `.mo`, or with a `.po` newer than it, compiles the `.po` in memory on first use, so a
translation just written is what the tests see). Dutch unless English is chosen: `--lang`,
`ZVH_LANG` or the setting in Instellingen; the system locale does not decide (many Dutch laptops
run an English system).

How to mark a text (`make i18n` extracts them, the catalogue tests fail on one left out):

- `_("Opslaan")` where it is shown; `ngettext("{n} casus", "{n} casussen", n).format(n=n)`;
- `N_("Opslaan")` where it is defined before the language is known (class attributes, module
  constants, Binding descriptions, vocabulary labels): the text is stored in Dutch and
  translated with `_()` where it is shown (`tr()` takes either);
- services raise a message id with parameters, translated at the edge:
  `RuleError(M("case.close.open_actions", "Er staan nog {n} acties open.", n=3))`; the id is
  the gettext context, so tests assert on `error.msgid == "case.close.open_actions"` as well as
  on the text, and `str(error)` reads in the language of the moment.

The language is process-wide (`set_language`), with a per-thread override (`using`) for an export
made in the other language while the UI goes on in its own.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

DOMAIN = "zvh"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DEFAULT = "nl"
LANGUAGES = ("nl", "en")  # i18n: language codes
# Each language shown in its own words (the setting, --lang's help).
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}  # i18n: each in its own words
# Babel's locale per language: dates as d-m-y in both (en_GB, not en_US's m/d/y).
BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # i18n: locale codes
ENV_LANG = "ZVH_LANG"

_state = {"language": DEFAULT}
_local = threading.local()
_lock = threading.Lock()
_loaded: dict[str, _gettext.NullTranslations] = {}


# -- choosing the language ----------------------------------------------------------------------
def normalise(value: object) -> str | None:
    """'en', 'EN', 'en_GB', 'en-GB.UTF-8', 'english' -> 'en'; None for anything we do not ship."""
    if not isinstance(value, str):
        return None
    text = value.strip().casefold().replace("-", "_")
    if not text:
        return None
    names = {"nederlands": "nl", "dutch": "nl", "english": "en", "engels": "en"}  # i18n: typed names
    code = names.get(text, text.split(".")[0].split("_")[0])
    return code if code in LANGUAGES else None


def from_environment() -> str | None:
    """ZVH_LANG, when it names a language we ship."""
    return normalise(os.environ.get(ENV_LANG))


def set_language(code: str) -> str:
    """Make `code` the language of the process; an unknown code falls back to Dutch."""
    language = normalise(code) or DEFAULT
    _state["language"] = language
    return language


def current() -> str:
    """The language texts are translated into now, on this thread."""
    return getattr(_local, "language", None) or _state["language"]


@contextmanager
def using(code: str | None) -> Iterator[str]:
    """Translate into `code` on this thread only (an export in the other language); None keeps
    the language of the moment."""
    saved = getattr(_local, "language", None)
    language = (normalise(code) or current()) if code else current()
    _local.language = language
    try:
        yield language
    finally:
        _local.language = saved


# -- the catalogues -----------------------------------------------------------------------------
def catalogue_path(language: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def _translations(language: str) -> _gettext.NullTranslations:
    found = _loaded.get(language)
    if found is not None:
        return found
    with _lock:
        found = _loaded.get(language)
        if found is None:
            found = _load(language)
            _loaded[language] = found
    return found


def _load(language: str) -> _gettext.NullTranslations:
    if language == DEFAULT:  # the source language: the ids are the texts
        return _gettext.NullTranslations()
    po, mo = catalogue_path(language), catalogue_path(language, ".mo")
    try:
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                return _gettext.GNUTranslations(handle)
        if po.is_file():
            return _compile_in_memory(po)
    except OSError:
        pass
    return _gettext.NullTranslations()  # no catalogue: Dutch, rather than no app at all


def _compile_in_memory(po: Path) -> _gettext.GNUTranslations:
    """A checkout without a compiled catalogue (or with a newer .po): compile it now."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalogue = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def forget_loaded() -> None:
    """Read the catalogues again on next use (tests that write a catalogue)."""
    with _lock:
        _loaded.clear()


# -- translating --------------------------------------------------------------------------------
def _(text: str) -> str:
    """The text in the language of the moment (Dutch: the text itself)."""
    language = current()
    if language == DEFAULT:
        return text
    return _translations(language).gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Singular or plural by the language's own plural rule (the catalogue's Plural-Forms)."""
    return _translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, text: str) -> str:
    language = current()
    if language == DEFAULT:
        return text
    return _translations(language).pgettext(context, text)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translations(current()).npgettext(context, singular, plural, n)


def N_(text: str) -> str:
    """Mark a text for the catalogue where it is defined; `_()` translates it where it is shown."""
    return text


def tr(value: object) -> str:
    """What the user reads of `value`: a `Message` translated, a marked Dutch text translated,
    anything else as text."""
    if isinstance(value, Message):
        return value.text_now()
    if isinstance(value, str):
        return _(value)
    return "" if value is None else str(value)


class Message:
    """A message id with its Dutch text and parameters, translated when it is read (`str()`).

    Raised by services inside a `ZvhError` (`M(...)`), so the same refusal reads in either
    language and a test can check `msgid` and `params` apart from the wording. A parameter that
    is itself a `Message` is translated too; `n` (when given) chooses the plural form.
    """

    __slots__ = ("id", "text", "plural", "params")

    def __init__(self, id: str, text: str, /, plural: str | None = None, **params: object) -> None:
        self.id = id
        self.text = text
        self.plural = plural
        self.params = params

    def text_now(self) -> str:
        if self.plural is not None:
            count = self.params.get("n", 1)
            wording = npgettext(self.id, self.text, self.plural, count if isinstance(count, int) else 1)
        else:
            wording = pgettext(self.id, self.text)
        if not self.params:
            return wording
        values = {key: (value.text_now() if isinstance(value, Message) else value)
                  for key, value in self.params.items()}
        return wording.format_map(values)

    def __str__(self) -> str:
        return self.text_now()

    def __repr__(self) -> str:
        return f"Message({self.id!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return (self.id, self.text, self.plural, self.params) == (
                other.id, other.text, other.plural, other.params)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.id, self.text))


def M(id: str, text: str, /, **params: object) -> Message:
    """A message id, its Dutch text and its parameters (see `Message`)."""
    return Message(id, text, **params)


def Mn(id: str, singular: str, plural: str, /, n: int, **params: object) -> Message:
    """A message with a plural form chosen by `n` (also a parameter of the text)."""
    return Message(id, singular, plural, n=n, **params)


# -- dates and numbers: Babel, never by hand ----------------------------------------------------
def babel_locale(language: str | None = None) -> str:
    return BABEL_LOCALES[language or current()]


@lru_cache(maxsize=4096)
def _format_date(day: dt.date, form: str, locale: str) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format=form, locale=locale)


def format_date(day: dt.date | None, form: str = "short") -> str:
    """A day as the language writes it: 'short' 02-12-2026 / 02/12/2026, 'long' 2 december
    2026 / 2 December 2026, 'full' with the weekday; or a Babel pattern ('EEEE d MMMM')."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    return _format_date(day, form, babel_locale())


@lru_cache(maxsize=1024)
def _format_time(moment: dt.time, form: str, locale: str) -> str:
    from babel.dates import format_time as babel_format_time

    return babel_format_time(moment, format=form, locale=locale)


def format_time(moment: dt.time | dt.datetime | None, form: str = "HH:mm") -> str:
    """A time of day, 24-hour in both languages by default."""
    if moment is None:
        return ""
    if isinstance(moment, dt.datetime):
        moment = moment.time().replace(microsecond=0, tzinfo=None)
    return _format_time(moment, form, babel_locale())


def format_number(value: float | int, form: str | None = None) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format=form, locale=babel_locale())


def weekday_names(width: str = "wide") -> tuple[str, ...]:
    """Monday first, in the language of the moment (Babel's names)."""
    from babel.dates import get_day_names

    names = get_day_names(width, locale=babel_locale())
    return tuple(names[day] for day in range(7))


def month_names(width: str = "wide") -> tuple[str, ...]:
    """January first, in the language of the moment (Babel's names)."""
    from babel.dates import get_month_names

    names = get_month_names(width, locale=babel_locale())
    return tuple(names[month] for month in range(1, 13))


def with_language(function: Callable[P, R]) -> Callable[P, R]:
    """An export made in the language asked for: the function takes `language="nl"|"en"`
    (None: the language of the UI) and renders in it on this thread only."""

    @functools.wraps(function)
    def in_language(*args: P.args, **kwargs: P.kwargs) -> R:
        language = kwargs.pop("language", None)
        with using(language):  # type: ignore[arg-type]
            return function(*args, **kwargs)

    return in_language
