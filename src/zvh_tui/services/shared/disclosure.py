"""One way to show a person: what may be shown of a betrokkene, decided in this one place.

Every name, date of birth, address and alias (a case's "naam of alias", `Case.title`) that reaches
a screen, an export or a log is rendered here, under a `Disclosure` policy:

- `FULL`: everything that is stored. The dossier, the case list, the palette and every other
  screen in normal use (one regisseur at their own screen), and the exports that go to the ZVH
  itself or to the person (the case export of AVG art. 15, the plan exports).
- `MEETING`: what may be shown on a projector in a multi-party casusoverleg, where partners
  without a convenant or without a part in this case may sit at the table (shared/meeting.md:
  "a screen is better, if it shows only what the table may see"; the besluitenlijst names cases
  "by number and alias"). A person is shown by initials (`J.P. de V.`), enough for the table to
  know they speak of the same person, no more: no full name, no date of birth (not even the year:
  issue 14 asks "no date of birth", and initials plus role tell the persons of one case apart),
  no address, no internal person number. A case's naam of alias is shortened to initials too: the
  field cannot tell an alias from a name (it defaults to the first person's name), so it fails
  closed. Free text (aanleiding, journal, notes) is hidden by the screens in projector mode;
  what they do show of free text (plan lines, notes for the table) goes through `mask_text`:
  BSN-like numbers, phone numbers and e-mail addresses masked, the case persons' names as
  initials.
- `LOG`: ids only, never a name, day of birth, address or alias (`betrokkene 17`): for the audit
  log, crash logs and any logging. The audit log holds ids and codes only (services/safety/audit).

Screens call these functions without a policy: they get `screen()`, the policy of what is on the
screen now. It is `FULL` until projector mode (MEEKIJKEN, `ZvhApp.projector`) flips it with
`set_screen` — the one switch; a screen that re-renders after the flip shows the new policy. Exports and logs pass
their policy explicitly, so the projector switch never changes what an export holds.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Protocol

from zvh_tui.core.i18n import N_, _
from zvh_tui.services.shared import dates


class Disclosure(enum.Enum):
    FULL = "full"
    MEETING = "meeting"
    LOG = "log"


class PersonLike(Protocol):
    """A betrokkene as stored (`store.models.Person`) or any row with the same fields."""

    id: int
    name: str
    date_of_birth: dt.date | None
    address: str


_screen = Disclosure.FULL


def screen() -> Disclosure:
    """What may be shown on the screen now (FULL; MEETING once projector mode is on)."""
    return _screen


def set_screen(policy: Disclosure) -> None:
    """The one switch of projector mode (`ZvhApp.projector`): every screen renders under `policy`."""
    global _screen
    _screen = Disclosure(policy)


def _policy(policy: Disclosure | None) -> Disclosure:
    return _screen if policy is None else policy


# Dutch surname particles stay words in initials: "Jan de Vries" -> "J. de V."
PARTICLES = frozenset({  # i18n: name particles matched in names, not shown
    "d'", "da", "de", "del", "della", "den", "der", "des", "di", "dos", "du", "el", "het", "in",
    "la", "le", "'s", "op", "t", "'t", "te", "ten", "ter", "uit", "van", "von", "vd", "v/d", "zu",
})  # fmt: skip
_LETTER = re.compile(r"\w", re.UNICODE)


def initials(name: str) -> str:
    """'Jan Pieter de Vries' -> 'J.P. de V.'; 'Anne-Marie El Amrani' -> 'A.M. el A.'; '' -> ''."""
    parts: list[str] = []
    run = ""  # consecutive initials are written together: "J.P."
    for word in (name or "").split():
        if word.casefold() in PARTICLES:
            if run:
                parts.append(run)
                run = ""
            parts.append(word.casefold())
            continue
        for piece in word.split("-"):
            letter = _LETTER.search(piece)
            if letter:
                run += letter.group(0).upper() + "."
    if run:
        parts.append(run)
    if parts and all(p in PARTICLES for p in parts):  # only particles: nothing tells
        return ""
    return " ".join(parts)


def person_number(person_id: int | None) -> str:
    """'betrokkene 17': the number the logboek and `zvh export log --person 17` use."""
    if person_id is None:
        return ""
    return _("betrokkene {number}").format(number=person_id)


def person_name(person: PersonLike, policy: Disclosure | None = None) -> str:
    """The name as the policy allows: in full, as initials, or as the person's number."""
    shown = _policy(policy)
    if shown is Disclosure.FULL:
        return person.name
    if shown is Disclosure.MEETING:
        return initials(person.name) or _("betrokkene")
    return person_number(person.id)


def date_of_birth(person: PersonLike, policy: Disclosure | None = None) -> str:
    """'15-12-1987' in full; nothing on a projector, in a log or when unknown."""
    born = person.date_of_birth
    if born is None or _policy(policy) is not Disclosure.FULL:
        return ""
    return dates.format_date(born)


def address(person: PersonLike, policy: Disclosure | None = None) -> str:
    """The address in full only; never on a projector or in a log."""
    return person.address if _policy(policy) is Disclosure.FULL else ""


def case_name(title: str, policy: Disclosure | None = None) -> str:
    """A case's naam of alias: in full, as initials in a meeting, nothing in a log."""
    shown = _policy(policy)
    if shown is Disclosure.FULL:
        return title
    if shown is Disclosure.MEETING:
        return initials(title)
    return ""


def person_label(person: PersonLike, role: str = "", policy: Disclosure | None = None) -> str:
    """One betrokkene on one line.

    FULL: 'Fatima El Fictief (03-04-1990), cliënt, betrokkene 17';
    MEETING: 'F. el F., cliënt'; LOG: 'betrokkene 17'.
    """
    shown = _policy(policy)
    if shown is Disclosure.LOG:
        return person_number(person.id)
    label = person_name(person, shown)
    born = date_of_birth(person, shown)
    if born:
        label += f" ({born})"
    if role:
        label += f", {role}"
    if shown is Disclosure.FULL:
        label += f", {person_number(person.id)}"
    return label


def projecting() -> bool:
    """Whether the screen is on a projector now (projector mode, MEEKIJKEN)."""
    return _screen is Disclosure.MEETING


# Shown translated: `hidden()` (or `_(HIDDEN)`).
HIDDEN = N_("verborgen tijdens meekijken")


def hidden() -> str:
    """'verborgen tijdens meekijken' in the language of the moment."""
    return _(HIDDEN)


# A run of 9 digits, also written in groups (123456782, 1234.56.782, 123 456 782): a BSN; any
# longer run of digits too (an account or client number).
_BSN = re.compile(r"(?<!\d)\d(?:[ .-]?\d){8}(?![\d.-]?\d)|\d{9,}")
# Dutch phone numbers (06-12345678, 010 123 4567, +31 6 1234 5678) and e-mail addresses.
_PHONE = re.compile(r"(?<![\w+])(?:\+31[ -]?|0031[ -]?|0)\d(?:[ -]?\d){8}(?!\d)")
_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBER_MASK = "•••"


def mask_numbers(text: str) -> str:
    """Free text with BSN-like numbers, phone numbers and e-mail addresses masked ('•••')."""
    text = _MAIL.sub(NUMBER_MASK, text or "")
    text = _PHONE.sub(NUMBER_MASK, text)
    return _BSN.sub(NUMBER_MASK, text)


def name_words(names: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The words of names that identify (no particles, no single letters), case-folded."""
    words: set[str] = set()
    for name in names:
        for word in re.split(r"[\s\-]+", name or ""):
            bare = word.strip(".,;:()'\"")
            if len(bare) > 1 and not bare.isdigit() and bare.casefold() not in PARTICLES:
                words.add(bare.casefold())
    return frozenset(words)


def mask_text(text: str, names: list[str] | tuple[str, ...] = (), policy: Disclosure | None = None) -> str:
    """Free text as the policy allows: unchanged in full; on a projector (and in a log) with
    BSN-like numbers, phone numbers and e-mail addresses masked and every word of `names` (the
    case's persons and naam of alias) shortened to its initial ('Jansen' -> 'J.')."""
    if _policy(policy) is Disclosure.FULL:
        return text
    masked = mask_numbers(text)
    words = name_words(names)
    if not words:
        return masked

    def initial(match: re.Match[str]) -> str:
        word = match.group(0)
        return word[0].upper() + "." if word.casefold() in words else word

    return re.sub(r"\w+", initial, masked)
