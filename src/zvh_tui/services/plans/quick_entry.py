"""Quick entry of an action in one line, the way people write it in a meeting.

    huisbezoek plannen @wijkteam vr
    uitkering regelen @gemeente/Jansen +2w
    ID-kaart aanvragen

`parse_quick_entry` is pure (no database): it gets the candidates (partners with their contacts;
the case's participants first, then all active partners) and today's date. `candidates_for(case)`
below reads those candidates from the database for the screen and the tests.

The rules, in order:

1. **Owner.** Every token that starts with `@` is an owner token and never part of the text.
   `@name` matches a partner (or, failing that, a contact person) by name; `@partner/contact`
   matches a partner and then one of its contacts; `@/contact` looks for the contact person only.
   Underscores stand for spaces (`@veilig_thuis`). Matching ignores case and accents and works
   per word: an exact name beats a name (or a word of it) that starts with the query, which beats
   a name that merely contains it. The case's participants are tried first; only when none of them
   matches are all active partners tried. One best match: that is the owner. Several equally good
   matches, no match at all, a second `@` token or an empty `@` are *problems*: the screen asks
   the user (a picker restricted to the candidates), nothing is guessed. No `@` token at all is
   also reported (`no_owner`): the action would be *niemands taak*, and the screen asks whether
   to accept that or to pick an owner.
2. **Deadline.** After the owner tokens are taken out, the *last* token (or the last two or three,
   for `15 dec` and `15 december 2026`) is read as a deadline when it has the shape of a date:
   a weekday (`ma`..`zo`, `maandag`..`zondag`), `vandaag`, `morgen`, `overmorgen`, an offset
   `+3d`/`+2w`/`+1m`/`+1j` (or `+3`, days), a numeric date `15-12`, `15/12/2026`, `2026-12-15`, or a
   day with a month name. It is read with `services.dates.parse_date(future=True)`, the parser of
   the whole app. A token with a date's shape that cannot be read (`31-02`, `+99999w`) is *not*
   kept in the text: it becomes a `deadline_invalid` problem, so a mistyped date is asked for
   rather than silently stored as words. A token that is clearly not a date stays in the text:
   words such as `nu`, `gisteren`, `ID-kaart`, a bare number (`12`), a past offset (`-2d`) or
   anything else without a date's shape. Only the end of the line is looked at: "vr" in the
   middle of a sentence is a word. A deadline before today is reported (`deadline_past`) and
   not used.
3. **Text.** What remains, joined by single spaces. Empty text is a problem (`text_empty`).

The parser never raises: anything it cannot use becomes a problem with a message in the language
of the moment (the words the user types stay Dutch; `today`/`tomorrow` too, where the date parser
reads them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from zvh_tui.core import i18n
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import _, tr
from zvh_tui.services.partners.matching import best, match_score
from zvh_tui.services.shared import dates

OWNER_PREFIX = "@"
CONTACT_SEPARATOR = "/"

# Shapes of a deadline token (lower case). See rule 2 in the module docstring.
# The words the user types (Dutch; English too, where the date parser reads them).
_DAY_WORDS = (set(dates.WEEKDAYS) | {"vandaag", "morgen", "overmorgen"}  # i18n: words the user types
              | {word for word in ("today", "tomorrow") if word in dates.WORDS})
_NUMERIC = re.compile(r"^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$")
_OFFSET = re.compile(r"^\+\d+[dwmj]?$")
_DAY_NUMBER = re.compile(r"^\d{1,2}$")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class ContactCandidate:
    id: int
    name: str


@dataclass(frozen=True)
class Candidate:
    """A partner that may own an action, with its contact persons."""

    id: int
    name: str
    contacts: tuple[ContactCandidate, ...] = ()
    participant: bool = False  # at the table in this case


@dataclass(frozen=True)
class Choice:
    """One answer the user can pick when the owner is not clear."""

    partner_id: int
    contact_id: int | None
    label: str


@dataclass(frozen=True)
class Problem:
    code: str  # no_owner, owner_empty, owner_unknown, owner_ambiguous, owner_several,
    #            contact_unknown, contact_ambiguous, deadline_invalid, deadline_past, text_empty
    message: str
    choices: tuple[Choice, ...] = ()


@dataclass
class QuickEntry:
    text: str
    owner_query: str = ""
    contact_query: str = ""
    deadline: dt.date | None = None
    problems: list[Problem] = field(default_factory=list)
    partner_id: int | None = None  # the owner, when exactly one partner matched
    contact_id: int | None = None
    deadline_token: str = ""

    @property
    def owner_problem(self) -> Problem | None:
        owner_codes = {"no_owner", "owner_empty", "owner_unknown", "owner_ambiguous",
                       "owner_several", "contact_unknown", "contact_ambiguous"}
        return next((p for p in self.problems if p.code in owner_codes), None)

    @property
    def deadline_problem(self) -> Problem | None:
        return next((p for p in self.problems if p.code.startswith("deadline")), None)

    def has(self, code: str) -> bool:
        return any(p.code == code for p in self.problems)


# -- matching ----------------------------------------------------------------------------

def _dedupe(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Participants first, each partner once (a participant is also in 'all partners')."""
    seen: set[int] = set()
    ordered: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: not c.participant):
        if candidate.id not in seen:
            seen.add(candidate.id)
            ordered.append(candidate)
    return ordered


def _tiers(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """The participants, then all partners: the first tier with a match wins."""
    ordered = _dedupe(candidates)
    at_table = [c for c in ordered if c.participant]
    return [at_table, ordered] if at_table else [ordered]


def _partner_choice(candidate: Candidate, contact: ContactCandidate | None = None) -> Choice:
    label = candidate.name if contact is None else f"{candidate.name} / {contact.name}"
    if candidate.participant:
        label = _("{name} (aan tafel)").format(name=label)
    return Choice(candidate.id, contact.id if contact else None, label)


def _all_choices(candidates: Sequence[Candidate]) -> tuple[Choice, ...]:
    return tuple(_partner_choice(c) for c in _dedupe(candidates))


def _shown(value: str, limit: int = 40) -> str:
    clean = "".join(ch if ch.isprintable() else "?" for ch in value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def resolve_owner(
    owner_query: str, contact_query: str, candidates: Sequence[Candidate]
) -> tuple[int | None, int | None, Problem | None]:
    """Match an owner (and contact) query; return partner id, contact id and any problem."""
    partner_q = owner_query.replace("_", " ").strip()
    contact_q = contact_query.replace("_", " ").strip()
    if not partner_q and not contact_q:
        return None, None, Problem(
            "owner_empty", _("Na @ hoort de naam van een partner, bijvoorbeeld @wijkteam."),
            _all_choices(candidates),
        )
    if not partner_q:  # @/Jansen: a contact person at any partner
        return _by_contact(contact_q, candidates)

    matches: list[Candidate] = []
    for tier in _tiers(candidates):
        matches = best((match_score(partner_q, c.name), c) for c in tier)  # type: ignore[misc]
        if matches:
            break
    if not matches and not contact_q:  # @jansen: perhaps a contact person's name
        partner_id, contact_id, problem = _by_contact(partner_q, candidates)
        if problem is None or problem.code == "contact_ambiguous":
            return partner_id, contact_id, problem
    if not matches:
        return None, None, Problem(
            "owner_unknown",
            _("Geen partner gevonden voor '@{query}'. Kies de eigenaar.").format(query=_shown(owner_query)),
            _all_choices(candidates),
        )
    if len(matches) > 1:
        return None, None, Problem(
            "owner_ambiguous",
            _("'@{query}' past bij {n} partners: kies de eigenaar.").format(
                query=_shown(owner_query), n=len(matches)),
            tuple(_partner_choice(c) for c in matches),
        )
    partner = matches[0]
    if not contact_q:
        return partner.id, None, None
    contacts = best((match_score(contact_q, k.name), k) for k in partner.contacts)
    if len(contacts) == 1:
        return partner.id, contacts[0].id, None  # type: ignore[union-attr]
    choices = (Choice(partner.id, None, _("{name} (zonder contactpersoon)").format(name=partner.name)),) + tuple(
        _partner_choice(partner, k) for k in (contacts or partner.contacts)  # type: ignore[misc]
    )
    if contacts:
        return partner.id, None, Problem(
            "contact_ambiguous",
            _("'{query}' past bij meer contactpersonen van {partner}: kies er één.").format(
                query=_shown(contact_query), partner=partner.name),
            choices,
        )
    return partner.id, None, Problem(
        "contact_unknown",
        _("{partner} heeft geen contactpersoon '{query}'. Kies er één of geen.").format(
            partner=partner.name, query=_shown(contact_query)),
        choices,
    )


def _by_contact(
    contact_q: str, candidates: Sequence[Candidate]
) -> tuple[int | None, int | None, Problem | None]:
    for tier in _tiers(candidates):
        pairs = [(c, k) for c in tier for k in c.contacts]
        found = best((match_score(contact_q, k.name), (c, k)) for c, k in pairs)
        if len(found) == 1:
            partner, contact = found[0]  # type: ignore[misc]
            return partner.id, contact.id, None
        if found:
            return None, None, Problem(
                "contact_ambiguous",
                _("'{query}' past bij {n} contactpersonen: kies er één.").format(
                    query=_shown(contact_q), n=len(found)),
                tuple(_partner_choice(c, k) for c, k in found),  # type: ignore[misc]
            )
    return None, None, Problem(
        "owner_unknown",
        _("Geen contactpersoon gevonden voor '{query}'. Kies de eigenaar.").format(query=_shown(contact_q)),
        _all_choices(candidates),
    )


# -- the deadline ---------------------------------------------------------------------------

def looks_like_date(tokens: Sequence[str]) -> bool:
    """Does this trailing group of 1-3 tokens have the shape of a date (rule 2)?"""
    low = [t.lower() for t in tokens]
    if len(low) == 1:
        token = low[0]
        return token in _DAY_WORDS or bool(_NUMERIC.match(token) or _OFFSET.match(token))
    if len(low) in (2, 3):
        day, month = low[0], low[1].rstrip(".")
        if not (_DAY_NUMBER.match(day) and month in dates.MONTHS):
            return False
        return len(low) == 2 or bool(_YEAR.match(low[2]))
    return False


def _split_deadline(
    tokens: list[str], today: dt.date
) -> tuple[list[str], dt.date | None, str, Problem | None]:
    """Take a trailing deadline off the tokens: (rest, deadline, token, problem)."""
    for size in (3, 2, 1):
        if len(tokens) < size:
            continue
        tail = tokens[-size:]
        if not looks_like_date(tail):
            continue
        raw = " ".join(tail)
        try:
            day = dates.parse_date(raw, today=today, future=True, label=_("Deadline"))
        except ZvhError as exc:
            return tokens[:-size], None, raw, Problem("deadline_invalid", str(exc))
        except (ValueError, OverflowError):  # belt and braces: the parser must never raise
            return tokens[:-size], None, raw, Problem(
                "deadline_invalid", _("Deadline: '{value}' is geen datum. {hint}").format(
                    value=_shown(raw), hint=tr(dates.HINT)))
        if day is not None and day < today:
            return tokens[:-size], None, raw, Problem(
                "deadline_past",
                _("De deadline {date} ligt in het verleden. Kies een andere datum.").format(
                    date=i18n.format_date(day)),
            )
        return tokens[:-size], day, raw, None
    return tokens, None, "", None


# -- the parser --------------------------------------------------------------------------

def parse_quick_entry(
    line: str, *, today: dt.date, candidates: Sequence[Candidate] = ()
) -> QuickEntry:
    """Read one line of quick entry. Pure; never raises. See the module docstring for the rules."""
    tokens = str(line).split()
    owner_tokens = [t for t in tokens if t.startswith(OWNER_PREFIX)]
    rest = [t for t in tokens if not t.startswith(OWNER_PREFIX)]
    problems: list[Problem] = []

    owner_query = contact_query = ""
    if owner_tokens:
        body = owner_tokens[0][len(OWNER_PREFIX):]
        owner_query, _separator, contact_query = body.partition(CONTACT_SEPARATOR)

    rest, deadline, deadline_token, deadline_problem = _split_deadline(rest, today)
    text = " ".join(rest)
    result = QuickEntry(text=text, owner_query=owner_query, contact_query=contact_query,
                        deadline=deadline, deadline_token=deadline_token, problems=problems)

    if not text:
        problems.append(Problem("text_empty", _("Wat moet er gebeuren? Typ eerst de actie.")))
    if len(owner_tokens) > 1:
        shown = ", ".join(_shown(t, 20) for t in owner_tokens)
        problems.append(Problem(
            "owner_several",
            _("Een actie heeft één eigenaar; hier staan er {n} ({shown}). Kies er één.").format(
                n=len(owner_tokens), shown=shown),
            _all_choices(candidates),
        ))
    elif owner_tokens:
        partner_id, contact_id, problem = resolve_owner(owner_query, contact_query, candidates)
        result.partner_id, result.contact_id = partner_id, contact_id
        if problem is not None:
            problems.append(problem)
    else:
        problems.append(Problem(
            "no_owner",
            _("Deze actie heeft geen eigenaar: niemands taak. Kies een eigenaar of accepteer dat bewust."),
            _all_choices(candidates),
        ))
    if deadline_problem is not None:
        problems.append(deadline_problem)
    return result


# -- candidates from the database (not part of the pure parser) ----------------------------

def candidates_for(case: object) -> list[Candidate]:
    """The case's participants (with their contacts) first, then all active partners.

    Three queries however many partners there are (the meeting's capture line asks this for
    every `a` line: issue 13.8)."""
    from peewee import fn

    from zvh_tui.services.partners import participants
    from zvh_tui.services.partners import roster as partners
    from zvh_tui.store.models import Contact

    by_partner: dict[int, list[ContactCandidate]] = {}
    for contact_id, partner_id, name in (
        Contact.select(Contact.id, Contact.partner, Contact.name)
        .where(Contact.active == True)  # noqa: E712
        .order_by(fn.lower(Contact.name))
        .tuples()
    ):
        by_partner.setdefault(partner_id, []).append(ContactCandidate(contact_id, name))

    def contacts(partner_id: int) -> tuple[ContactCandidate, ...]:
        return tuple(by_partner.get(partner_id, ()))

    result: list[Candidate] = []
    at_table: set[int] = set()
    for row in participants.participants_of(case):  # type: ignore[arg-type]
        at_table.add(row.partner_id)
        result.append(Candidate(row.partner_id, row.partner.name, contacts(row.partner_id), True))
    for partner in partners.list_partners():
        if partner.id not in at_table:
            result.append(Candidate(partner.id, partner.name, contacts(partner.id), False))
    return result
