"""The capture line of the live meeting: everything typed as one line (issue 13.3).

`execute(line, item, today=, now=)` reads a line and acts through `services/meetings/live.py`;
whatever it stores is committed (with its audit event) before it returns. It never raises for
what the user typed: the answer is an `Outcome` with a short Dutch message, `keep_line=True` when
the line was not understood or was refused (the screen keeps it for correcting), and a
`Question` when something must be picked first (an owner, the person who holds the overview, a
reason). The reply to a question goes to `answer()`: a number, `0` (niemands taak, where
offered), or text (a reason); any other line typed instead is simply executed as a new line.

The forms are in GRAMMAR (shown by F1 and screens.md). Names after `@` (and after the
attendance commands) are matched as the plan editor's quick entry does
(`services/plans/quick_entry.py`): partial partner or contact names, `partner/contact`,
underscores for spaces; more than one match or none is asked, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from zvh_tui.core import i18n
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _
from zvh_tui.core.vocab import (
    ItemStatus,
    NextKind,
    NoteTag,
    NoteVisibility,
    Presence,
    ReviewOutcome,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.plans import quick_entry
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.plans.quick_entry import Choice
from zvh_tui.services.shared import dates, text
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import MeetingItem, Partner

CAPTURE_MAX = 2000  # characters in one captured line; a longer paste is refused politely
CHOICES_MAX = 12  # choices offered in one question

# The forms and what they do, marked (N_): `grammar()` reads them in the language of the moment.
GRAMMAR: tuple[tuple[str, str], ...] = (
    (N_("b TEKST"), N_("een besluit bij dit punt")),
    (N_("a TEKST @EIGENAAR DATUM"), N_("een actie in het conceptplan van de casus, met eigenaar (@partner, "
     "@partner/contact of @/contact) en deadline (vr, +2w, 15-1); een onduidelijke of ontbrekende "
     "eigenaar wordt gevraagd (0 = bewust niemands taak)")),
    (N_("n TEKST"), N_("een notitie voor iedereen aan tafel, bij de huidige fase (beeld, oordeel of besluit)")),
    (N_("n @PARTNER TEKST"), N_("een notitie met de partner van wie ze komt")),
    (N_("n! TEKST"), N_("een notitie alleen voor het ZVH (ook: n! @PARTNER TEKST)")),
    (N_("n @PARTNER! TEKST"), N_("een notitie alleen voor de bron (de partner van wie ze komt) en het ZVH")),
    (N_("af TEKST [@PARTNER]"), N_("een afspraak in het conceptplan; met @PARTNER voor die partner, anders voor allen")),
    (N_("r @PARTNER/CONTACT [DATUM]"), N_("wie het overzicht houdt (casusregisseur): een persoon, met een eerste "
     "bel-moment (standaard de volgende werkdag); de eigen organisatie alleen met een reden")),
    (N_("/beeld · /oordeel · /besluit"), N_("de fase van dit punt")),
    (N_("/aanwezig NAAM"), N_("partner of contactpersoon aan tafel bij dit punt, vanaf nu")),
    (N_("/weg NAAM"), N_("partner of contactpersoon vertrekt nu")),
    (N_("/afwezig NAAM"), N_("partner of contactpersoon is er niet bij dit punt")),
    (N_("/afgemeld NAAM"), N_("partner of contactpersoon heeft zich afgemeld")),
    (N_("/client · /client weg"), N_("de cliënt (of een naaste) aan tafel vanaf nu · vertrekt nu")),
    (N_("/herinnering"), N_("de geheimhouding is benoemd: vastgelegd met wie nu aan tafel zit")),
    (N_("/gedaan N"), N_("actie N van vorige keer is gedaan")),
    (N_("/nietmogelijk N REDEN"), N_("actie N kon niet (de omstandigheden veranderden); de reden is verplicht")),
    (N_("/nietopgepakt N [REDEN]"), N_("actie N is niet opgepakt door de eigenaar; blijft open")),
    (N_("/commit NAAM"), N_("een partner aan tafel committeert zich aan de gezamenlijke opgave")),
    (N_("/geencommit NAAM"), N_("die commitment intrekken")),
    (N_("/datum DATUM"), N_("de vervolgdatum: evaluatie (ook de evaluatiedatum van het conceptplan)")),
    (N_("/terugkom DATUM"), N_("de vervolgdatum: terugkom-overleg")),
    (N_("/volgende · /vorige"), N_("het volgende of vorige agendapunt")),
    (N_("/agenda NUMMER"), N_("een casus nu aan de agenda toevoegen en openen")),
    (N_("/sluit"), N_("dit punt afronden: niet zonder persoon die het overzicht houdt en vervolgdatum")),
    (N_("/einde"), N_("het overleg sluiten: niet zolang er punten open zijn")),
    (N_("/projector"), N_("meekijken aan of uit (ook F8): het scherm toont alleen wat de tafel mag zien")),
)

COMMANDS: tuple[str, ...] = (  # i18n: command words the user types
    "/aanwezig", "/afgemeld", "/afwezig", "/agenda", "/beeld", "/besluit", "/client", "/commit",
    "/datum", "/einde", "/gedaan", "/geencommit", "/herinnering", "/nietmogelijk", "/nietopgepakt",
    "/oordeel", "/projector", "/sluit", "/terugkom", "/volgende", "/vorige", "/weg",
)
# The English command words, accepted beside the Dutch ones (which always work) and shown in
# English texts; a command not named here is the same word in both languages.
ENGLISH_COMMANDS: dict[str, str] = {  # i18n: command words the user types
    "/aanwezig": "/present", "/afgemeld": "/excused", "/afwezig": "/absent", "/beeld": "/picture",
    "/besluit": "/decision", "/datum": "/date", "/einde": "/end", "/gedaan": "/done",
    "/geencommit": "/uncommit", "/herinnering": "/reminder", "/nietmogelijk": "/notpossible",
    "/nietopgepakt": "/nottakenup", "/oordeel": "/judgement", "/sluit": "/close",
    "/terugkom": "/return", "/volgende": "/next", "/vorige": "/previous", "/weg": "/leave",
}
_ALIASES: dict[str, str] = {english: dutch for dutch, english in ENGLISH_COMMANDS.items()}
_ALIASES["/prev"] = "/vorige"  # i18n: a command word the user types
_NAME_COMMANDS = {"/aanwezig", "/afwezig", "/afgemeld", "/weg", "/commit", "/geencommit"}  # i18n: commands
_HINT = N_("Niet begrepen. Begin met b (besluit), a (actie), n (notitie), af (afspraak), r (regie) "
           "of een /opdracht; F1 toont alles.")


def grammar() -> list[tuple[str, str]]:
    """GRAMMAR in the language of the moment (F1 and the live screen's help)."""
    return [(_(form), _(explanation)) for form, explanation in GRAMMAR]


def command_word(word: str) -> str:
    """A command as the language of the moment writes it ("/volgende", English "/next")."""
    return ENGLISH_COMMANDS.get(word, word) if i18n.current() == "en" else word  # i18n: a language code


def _commands_now() -> tuple[str, ...]:
    """The command words to complete, the language of the moment's first."""
    english = tuple(sorted(set(ENGLISH_COMMANDS.values()) - set(COMMANDS)))
    return (*english, *COMMANDS) if i18n.current() == "en" else (*COMMANDS, *english)  # i18n: a language code


@dataclass(frozen=True)
class Question:
    prompt: str  # "Welke eigenaar? 1 … · 2 … · 0 niemands taak" (in the language of the moment)
    choices: tuple[Choice, ...]  # numbered 1..N in the prompt
    kind: str  # "owner", "source", "agreement", "director", "director_reason", "name"
    pending: object  # what to finish once answered (opaque to the screen)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    keep_line: bool = False
    question: Question | None = None
    item_id: int | None = None
    changed: frozenset[str] = frozenset()
    ended: bool = False
    projector: bool = False  # /projector: the screen switches projector mode (ZvhApp.projector)


@dataclass(frozen=True)
class _Pending:
    op: str  # action, note, agreement, director, director_reason, name
    args: tuple = ()


_ALL = frozenset({"card", "attendance", "notes", "agenda"})


def _done(message: str, *changed: str, item_id: int | None = None) -> Outcome:
    return Outcome(True, message, changed=frozenset(changed), item_id=item_id)


def _refused(message: str) -> Outcome:
    return Outcome(False, message, keep_line=True)


def _ask(message: str, kind: str, choices: Sequence[Choice], pending: _Pending, *,
         nobody: bool = False, lead: str = "") -> Outcome:
    picked = tuple(choices[:CHOICES_MAX])
    parts = [f"{n} {c.label}" for n, c in enumerate(picked, start=1)]
    if nobody:
        parts.append(_("0 niemands taak"))
    prompt = (lead + " " if lead else "") + " · ".join(parts)
    return Outcome(False, message, keep_line=False,
                   question=Question(prompt=prompt.strip(), choices=picked, kind=kind, pending=pending))


# -- the entry points -------------------------------------------------------------------------

def execute(line: str, item: MeetingItem, *, today: dt.date, now: dt.datetime) -> Outcome:
    """Read one line and act on it (see GRAMMAR). Never raises for what was typed."""
    raw = "" if line is None else str(line)
    if len(raw) > CAPTURE_MAX:
        return _refused(_("Deze regel is te lang ({n} tekens; hoogstens {most}). Splits hem in kortere regels.")
                        .format(n=i18n.format_number(len(raw)), most=i18n.format_number(CAPTURE_MAX)))
    try:
        clean = text.line(raw, _("De regel"), max_length=CAPTURE_MAX)
    except ZvhError as exc:
        return _refused(str(exc))
    if not clean:
        return Outcome(False, _("Typ een regel: b besluit, a actie, n notitie, of een /opdracht."))
    try:
        current = live.fresh(item)
        return _dispatch(clean, current, today, now)
    except ZvhError as exc:
        return _refused(str(exc))


def answer(question: Question, reply: str, item: MeetingItem, *, today: dt.date, now: dt.datetime) -> Outcome:
    """The reply to `question`: a number of its choices, 0 (niemands taak, for an owner), or the
    reason (for "director_reason"). Anything else is executed as a new line."""
    value = ("" if reply is None else str(reply)).strip()
    pending = question.pending
    if not isinstance(pending, _Pending):
        return execute(value, item, today=today, now=now)
    if question.kind == "director_reason":
        if value.startswith("/"):
            return execute(value, item, today=today, now=now)
        if not value:
            return Outcome(False, _("Typ de reden in één regel, of een /opdracht om iets anders te doen."),
                           question=question)
        try:
            current = live.fresh(item)
            partner_id, contact_id, call_on, close_after = pending.args
            return _director(current, partner_id, contact_id, call_on, close_after, reason=value)
        except ZvhError as exc:
            return Outcome(False, str(exc), keep_line=True, question=question)
    if not value.isdecimal():
        return execute(value, item, today=today, now=now)
    number = int(value)
    nobody = question.kind == "owner"
    if number == 0 and nobody:
        choice = None
    elif 1 <= number <= len(question.choices):
        choice = question.choices[number - 1]
    else:
        if question.choices and nobody:
            message = _("Kies 1 t/m {last} of 0 (niemands taak).").format(last=len(question.choices))
        elif question.choices:
            message = _("Kies 1 t/m {last}.").format(last=len(question.choices))
        elif nobody:
            message = _("Kies geen nummer of 0 (niemands taak).")
        else:
            message = _("Kies geen nummer.")
        return Outcome(False, message, keep_line=True, question=question)
    try:
        return _finish(pending, choice, live.fresh(item), today, now)
    except ZvhError as exc:
        return _refused(str(exc))


def names_for(item: MeetingItem) -> list[str]:
    """Partner and contact names usable after @ (the case's participants first)."""
    names: list[str] = []
    seen: set[str] = set()
    for candidate in quick_entry.candidates_for(item.case):
        for name in (candidate.name, *(k.name for k in candidate.contacts)):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    return names


def suggest(line: str, names: Sequence[str]) -> str | None:
    """The whole line completed, for Textual's Suggester: "/vo" -> "/volgende", "a bel @pol" ->
    "a bel @politie", "/aanwezig gg" -> "/aanwezig GGZ". None when nothing fits. Pure."""
    if not line or line != line.lstrip() or line.endswith(" "):
        return None
    head, _sep, _rest = line.partition(" ")
    if line.startswith("/") and " " not in line:
        low = line.lower()
        return next((line + c[len(low):] for c in _commands_now() if c.startswith(low) and c != low), None)
    start = line.rfind(" ") + 1
    token = line[start:]
    if token.startswith("@"):
        return _complete_name(line, start + 1, token[1:], names, underscores=True)
    if _ALIASES.get(head.lower(), head.lower()) in _NAME_COMMANDS and start > len(head):
        return _complete_name(line, start, token, names, underscores=False)
    return None


def _complete_name(line: str, start: int, typed: str, names: Sequence[str], *, underscores: bool) -> str | None:
    """Complete the name typed at `start` (after a `partner/` part, the contact): the line as
    typed plus the rest of the first name that starts with it (case and accents as typed)."""
    _prefix, slash, rest = typed.rpartition("/")
    part = rest if slash else typed
    query = fold(part.replace("_", " ") if underscores else part)
    if not query:
        return None
    for name in names:
        shown = name.replace(" ", "_") if underscores else name
        if fold(name).startswith(query) and len(shown) > len(part):
            return line + shown[len(part):]
    return None


# -- dispatch ---------------------------------------------------------------------------------

def _dispatch(line: str, item: MeetingItem, today: dt.date, now: dt.datetime) -> Outcome:
    head, _sep, rest = line.partition(" ")
    word = head.lower()
    rest = rest.strip()
    if word.startswith("/"):
        return _command(_ALIASES.get(word, word), rest, item, today, now)
    if word == "b":
        return _decision(rest, item)
    if word == "a":
        return _action(rest, item, today)
    if word in ("n", "n!"):
        return _note(rest, item, zvh_only=word == "n!")
    if word == "af":
        return _agreement(rest, item)
    if word == "r":
        return _director_line(rest, item, today)
    return _refused(_(_HINT))


def _decision(rest: str, item: MeetingItem) -> Outcome:
    if not rest:
        return _refused(_("Wat is er besloten? Typ: b TEKST."))
    live.add_decision(item, rest)
    return _done(_("Besluit vastgelegd."), "notes")


# a: actions ----------------------------------------------------------------------------------

def _action(rest: str, item: MeetingItem, today: dt.date) -> Outcome:
    if not rest:
        return _refused(_("Typ: a TEKST @EIGENAAR DATUM, bijvoorbeeld a huisbezoek @wijkteam vr."))
    entry = quick_entry.parse_quick_entry(rest, today=today, candidates=quick_entry.candidates_for(item.case))
    if entry.has("text_empty"):
        return _refused(_("Wat moet er gebeuren? Typ: a TEKST @EIGENAAR DATUM."))
    if entry.deadline_problem is not None:
        return _refused(entry.deadline_problem.message)
    problem = entry.owner_problem
    pending = _Pending("action", (entry.text, entry.deadline))
    if problem is not None:
        return _ask(problem.message, "owner", problem.choices, pending, nobody=True, lead=_("Welke eigenaar?"))
    return _store_action(item, entry.text, entry.deadline, entry.partner_id, entry.contact_id)


def _store_action(item: MeetingItem, body: str, deadline: dt.date | None, partner_id: int | None,
                  contact_id: int | None) -> Outcome:
    action = live.add_action(item, body, partner_id=partner_id, contact_id=contact_id, deadline=deadline,
                             nobody_accepted=partner_id is None)
    plan = action.plan
    if action.owner_partner_id is None:
        owner = _("niemands taak (bewust geaccepteerd)")
    else:
        owner = live.label_of(action.owner_partner.name,
                              action.owner_contact.name if action.owner_contact_id else "")
    when = i18n.format_date(action.deadline) if action.deadline else _("nog zonder deadline")
    message = _("Actie in plan versie {version}: {owner}, {when}.").format(version=plan.version, owner=owner,
                                                                            when=when)
    if action.owner_partner_id is not None and action.owner_partner.is_own:
        # Marked, not asked here: the plan cannot be adopted before the reason is given
        # (services/plans/versions.py, the taartpunt check), in the plan editor.
        message += " " + _("Let op: de eigen organisatie is eigenaar — {flag} ({rule}). Vaststellen kan pas met "
                           "een korte reden bij de actie (plan, Reden eigen taak).").format(
            flag=i18n.tr(plans.TAKEN_OVER), rule=_(live.OWN_HOUSE_RULE))
    return _done(message, "card", "notes")


# n: notes ------------------------------------------------------------------------------------

def _note(rest: str, item: MeetingItem, *, zvh_only: bool) -> Outcome:
    tokens = rest.split()
    source = ""
    if tokens and tokens[0].startswith("@"):
        source = tokens.pop(0)[1:]
    source_only = source.endswith("!")
    source = source.rstrip("!")
    body = " ".join(tokens)
    if not body:
        return _refused(_("Typ: n TEKST (of n @PARTNER TEKST, n! TEKST, n @PARTNER! TEKST)."))
    if zvh_only:
        visibility = NoteVisibility.ZVH.value
    elif source_only:
        visibility = NoteVisibility.SOURCE.value
    else:
        visibility = NoteVisibility.TABLE.value
    if not source:
        if source_only:
            return _refused(_("Na @ hoort de partner van wie het komt: n @PARTNER! TEKST."))
        return _store_note(item, body, None, visibility)
    partner_id, problem = _partner_of(source, item)
    if problem is not None:
        return _ask(problem.message, "source", _partners_only(problem.choices), _Pending("note", (body, visibility)),
                    lead=_("Van wie komt het?"))
    return _store_note(item, body, partner_id, visibility)


def _store_note(item: MeetingItem, body: str, source_id: int | None, visibility: str) -> Outcome:
    note = live.add_note(item, body, source_partner_id=source_id, visibility=visibility)
    tag = NoteTag.label_of(note.tag)
    if visibility == NoteVisibility.ZVH.value:
        message = _("Notitie bij {tag} (alleen ZVH).").format(tag=tag)
    elif visibility == NoteVisibility.SOURCE.value:
        message = _("Notitie bij {tag} (alleen de bron).").format(tag=tag)
    else:
        message = _("Notitie bij {tag}.").format(tag=tag)
    return _done(message, "notes")


def _partner_of(query: str, item: MeetingItem) -> tuple[int | None, quick_entry.Problem | None]:
    owner, _sep, contact = query.partition("/")
    partner_id, _contact_id, problem = quick_entry.resolve_owner(owner, contact, quick_entry.candidates_for(item.case))
    if problem is not None and problem.code in ("contact_unknown", "contact_ambiguous") and partner_id:
        return partner_id, None  # the organisation is what counts here
    return partner_id, problem


def _partners_only(choices: Sequence[Choice]) -> list[Choice]:
    seen: set[int] = set()
    result = []
    for choice in choices:
        if choice.partner_id not in seen:
            seen.add(choice.partner_id)
            result.append(Choice(choice.partner_id, None, choice.label.split(" / ")[0]))
    return result


# af: agreements ------------------------------------------------------------------------------

def _agreement(rest: str, item: MeetingItem) -> Outcome:
    tokens = rest.split()
    owners = [t for t in tokens if t.startswith("@")]
    body = " ".join(t for t in tokens if not t.startswith("@"))
    if not body:
        return _refused(_("Typ: af TEKST [@PARTNER], bijvoorbeeld af bij een incident belt de politie de regisseur."))
    if len(owners) > 1:
        return _refused(_("Een afspraak geldt voor één partner of voor allen: typ hoogstens één @PARTNER."))
    if not owners:
        return _store_agreement(item, body, None)
    partner_id, problem = _partner_of(owners[0][1:], item)
    if problem is not None:
        return _ask(problem.message, "agreement", _partners_only(problem.choices), _Pending("agreement", (body,)),
                    lead=_("Voor welke partner?"))
    return _store_agreement(item, body, partner_id)


def _store_agreement(item: MeetingItem, body: str, partner_id: int | None) -> Outcome:
    row = live.add_agreement(item, body, partner_id)
    if row.partner_id:
        message = _("Afspraak in plan versie {version} (voor {partner}).").format(version=row.plan.version,
                                                                                 partner=row.partner.name)
    else:
        message = _("Afspraak in plan versie {version} (voor allen).").format(version=row.plan.version)
    return _done(message, "card")


# r: who holds the overview ---------------------------------------------------------------------

def _director_line(rest: str, item: MeetingItem, today: dt.date) -> Outcome:
    tokens = rest.split()
    owners = [t for t in tokens if t.startswith("@")]
    when = " ".join(t for t in tokens if not t.startswith("@"))
    call_on = dates.parse_date(when, today=today, future=True, label=_("Bel-moment")) if when else None
    if len(owners) > 1:
        return _refused(_("Eén persoon houdt het overzicht: typ r @PARTNER/CONTACT."))
    if not owners:
        return _ask_director(item, call_on, close_after=False, message=str(live.SEED_QUESTION))
    partner_q, _sep, contact_q = owners[0][1:].partition("/")
    partner_id, contact_id, problem = quick_entry.resolve_owner(
        partner_q, contact_q, quick_entry.candidates_for(item.case))
    pending = _Pending("director", (call_on, False))
    if problem is not None:
        named = [c for c in problem.choices if c.contact_id is not None]
        if not named and partner_id is not None:
            named = live.contact_choices(partner_id)
        if not named:
            return _refused(_("{problem} Noem een persoon: r @PARTNER/CONTACT.").format(problem=problem.message))
        return _ask(problem.message, "director", named, pending, lead=_("Wie houdt het overzicht?"))
    if contact_id is None:
        return _ask_person(item, partner_id, pending)
    return _director(item, partner_id, contact_id, call_on, False)


def _ask_person(item: MeetingItem, partner_id: int, pending: _Pending) -> Outcome:
    choices = live.contact_choices(partner_id)
    name = Partner.get_by_id(partner_id).name
    if not choices:
        return _refused(_("Noem een persoon, niet alleen een organisatie: {partner} heeft nog geen "
                          "contactpersoon. Voeg er een toe bij de partner, of kies een ander.").format(partner=name))
    return _ask(_("Noem een persoon, niet alleen een organisatie: wie bij {partner}?").format(partner=name),
                "director", choices, pending, lead=_("Wie houdt het overzicht?"))


def _ask_director(item: MeetingItem, call_on: dt.date | None, *, close_after: bool, message: str) -> Outcome:
    choices = live.director_choices(item)
    if not choices:
        return _refused(_("{message} Typ r @PARTNER/CONTACT.").format(message=message))
    return _ask(_("{message} Kies een nummer, of typ r @PARTNER/CONTACT.").format(message=message), "director",
                choices, _Pending("director", (call_on, close_after)), lead=str(live.SEED_QUESTION))


def _director(item: MeetingItem, partner_id: int, contact_id: int, call_on: dt.date | None, close_after: bool,
              reason: str = "") -> Outcome:
    partner = Partner.get_by_id(partner_id)
    if partner.is_own and not reason:
        return Outcome(False, _("De eigen organisatie houdt het overzicht alleen met een korte reden "
                                "({rule}). Typ de reden in één regel.").format(rule=_(live.OWN_HOUSE_RULE)),
                       question=Question(prompt=_("Reden:"), choices=(), kind="director_reason",
                                         pending=_Pending("director_reason",
                                                          (partner_id, contact_id, call_on, close_after))))
    updated = live.set_director(item, partner_id, contact_id, reason=reason, call_on=call_on)
    who = live.label_of(partner.name, updated.director_contact.name)
    message = _("{who} houdt het overzicht; eerste bel-moment {date}.").format(
        who=who, date=i18n.format_date(updated.call_on))
    if not close_after:
        return _done(message, "card", "notes")
    return _close(updated, None, lead=message + " ")


# attendance, commitment ---------------------------------------------------------------------

def _name_command(word: str, rest: str, item: MeetingItem, now: dt.datetime) -> Outcome:
    query = rest.removeprefix("@").strip()
    if not query:
        return _refused(_("Typ: {command} NAAM (partner of contactpersoon).").format(command=command_word(word)))
    partner_q, _sep, contact_q = query.partition("/")
    candidates = quick_entry.candidates_for(item.case)
    partner_id, contact_id, problem = quick_entry.resolve_owner(
        partner_q.replace(" ", "_"), contact_q.replace(" ", "_"), candidates)
    if problem is not None:
        choices = problem.choices
        if word in ("/commit", "/geencommit"):
            choices = _partners_only(choices)
        return _ask(problem.message, "name", choices, _Pending("name", (word,)), lead=_("Wie bedoelt u?"))
    return _apply_name(word, item, partner_id, contact_id, now)


def _apply_name(word: str, item: MeetingItem, partner_id: int, contact_id: int | None,
                now: dt.datetime) -> Outcome:
    if word == "/commit":
        live.commit(item, partner_id)
        return _done(_("{partner} committeert zich aan de gezamenlijke opgave.").format(
            partner=Partner.get_by_id(partner_id).name), "card", "attendance")
    if word == "/geencommit":
        live.uncommit(item, partner_id)
        return _done(_("Commitment van {partner} ingetrokken.").format(partner=Partner.get_by_id(partner_id).name),
                     "card", "attendance")
    if word == "/weg":
        who = live.leave(item, partner_id, contact_id, now=now)
        return _done(_("{who} is vertrokken.").format(who=who.label), "attendance")
    presence = {"/aanwezig": Presence.PRESENT,  # i18n: command words the user types
                "/afwezig": Presence.ABSENT, "/afgemeld": Presence.EXCUSED}[word]
    who = live.mark(item, partner_id, contact_id, presence, now=now)
    return _done(f"{who.label}: {who.presence_label}.", "attendance")


# /commands ----------------------------------------------------------------------------------

def _command(word: str, rest: str, item: MeetingItem, today: dt.date, now: dt.datetime) -> Outcome:
    if word in ("/beeld", "/oordeel", "/besluit"):
        live.set_phase(item, word[1:])
        return _done(_("Fase: {phase}.").format(phase=NoteTag.label_of(word[1:])), "card")
    if word in _NAME_COMMANDS:
        return _name_command(word, rest, item, now)
    if word in ("/client", "/cliënt"):
        if rest.lower() in ("weg", "leaves", "left"):  # i18n: words the user types
            live.client_leaves(item, now=now)
            return _done(_("De cliënt is vertrokken."), "attendance")
        if rest:
            return _refused(_("Typ /client (aan tafel vanaf nu) of /client weg."))
        live.client_arrives(item, now=now)
        return _done(_("De cliënt zit aan tafel."), "attendance")
    if word == "/herinnering":
        count = live.give_reminder(item, now=now)
        return _done(_("Geheimhouding benoemd; vastgelegd voor {n} aan tafel.").format(n=count), "attendance")
    if word in ("/gedaan", "/nietmogelijk", "/nietopgepakt"):  # i18n: command words
        return _review(word, rest, item)
    if word in ("/datum", "/terugkom"):
        kind = NextKind.EVALUATION if word == "/datum" else NextKind.RETURN
        if not rest:
            return _refused(_("Typ: {command} DATUM. {hint}").format(command=command_word(word),
                                                                      hint=i18n.tr(dates.HINT)))
        updated = live.set_next(item, rest, kind)
        return _done(_("Vervolgdatum ({kind}): {date}.").format(kind=kind.label, date=i18n.format_date(updated.next_on)),
                     "card")
    if word in ("/volgende", "/vorige"):  # i18n: command words
        target = live.neighbour(item, 1 if word == "/volgende" else -1)  # i18n: a command word
        if target is None:
            if word == "/volgende":  # i18n: a command word
                return _refused(_("Dit is het laatste agendapunt. /einde sluit het overleg."))
            return _refused(_("Dit is het eerste agendapunt."))
        live.open_item(target, now)
        return _done(_("Casus {reference}.").format(reference=target.case.reference), *_ALL, item_id=target.id)
    if word == "/agenda":
        return _add_to_agenda(rest, item, now)
    if word == "/sluit":  # i18n: a command word
        return _close(item, None)
    if word == "/projector":
        if rest:
            return _refused(_("Typ /projector (meekijken aan of uit)."))
        return Outcome(True, _("Meekijken aan of uit."), projector=True)
    if word == "/einde":
        try:
            live.close_meeting(item.meeting, now)
        except ZvhError as exc:
            return _refused(str(exc))
        return Outcome(True, _("Het overleg is gesloten."), changed=_ALL, ended=True)
    guess = next((c for c in _commands_now() if c.startswith(word[:3])), None)
    shown = text.visible(word)[:30]
    if guess:
        return _refused(_("Onbekende opdracht '{command}'. Bedoelt u {guess}?").format(command=shown, guess=guess))
    return _refused(_("Onbekende opdracht '{command}'. F1 toont alle opdrachten.").format(command=shown))


def _review(word: str, rest: str, item: MeetingItem) -> Outcome:
    head, _sep, reason = rest.partition(" ")
    if not head.isdecimal():
        if word == "/nietmogelijk":
            message = _("Welke actie? Typ {command} N REDEN, met N het nummer in de terugblik.")
        else:
            message = _("Welke actie? Typ {command} N, met N het nummer in de terugblik.")
        return _refused(message.format(command=command_word(word)))
    outcome = {"/gedaan": ReviewOutcome.DONE,  # i18n: command words the user types
               "/nietmogelijk": ReviewOutcome.NOT_POSSIBLE, "/nietopgepakt": ReviewOutcome.NOT_TAKEN_UP}[word]
    live.review(item, int(head), outcome, reason.strip())
    return _done(_("Actie {number}: {outcome}.").format(number=int(head), outcome=outcome.label), "card")


def _add_to_agenda(rest: str, item: MeetingItem, now: dt.datetime) -> Outcome:
    reference = rest.strip()
    if not reference:
        return _refused(_("Typ: /agenda NUMMER, bijvoorbeeld /agenda 2026-0042."))
    case = cases.find_by_reference(reference)
    if case is None and reference.isdecimal():
        case = cases.find_by_reference(f"{item.meeting.held_on.year}-{int(reference):04d}")
    if case is None:
        return _refused(_("Er is geen casus met nummer '{reference}'.").format(reference=text.visible(reference)[:20]))
    added = meetings.add_item(item.meeting, case)
    opened = live.open_item(live.fresh(added), now)
    return _done(_("Casus {reference} staat als punt {position} op de agenda.").format(
        reference=case.reference, position=opened.position + 1), *_ALL, item_id=opened.id)


def _planned_evaluation_hint(item: MeetingItem) -> str:
    """The plan's own evaluation date, when it lies ahead, offered to type: the table confirms
    the next date out loud, it is never taken over silently."""
    latest = plans.current(item.case)
    day = latest.evaluation_on if latest is not None else None
    if day is None or day < item.meeting.held_on:
        return ""
    shown = i18n.format_date(day)
    return " " + _("Het plan heeft evaluatie op {date}: /datum {typed} legt die vast.").format(
        date=shown, typed=dates.format_date(day))


def _close(item: MeetingItem, now: dt.datetime | None, lead: str = "") -> Outcome:
    if item.status == ItemStatus.CLOSED.value:
        return _refused(lead + _("Dit punt is al afgerond. /volgende gaat verder."))
    blocker = live.close_blocker(item)
    if blocker == "director":
        return _ask_director(item, None, close_after=True,
                             message=lead + _("Dit punt kan nog niet worden afgerond. {question}").format(
                                 question=live.SEED_QUESTION))
    if blocker == "next":
        return Outcome(False, lead + _("Dit punt kan nog niet worden afgerond: er is nog geen vervolgdatum. "
                                       "Typ /datum DATUM (evaluatie) of /terugkom DATUM, en dan /sluit.")
                       + _planned_evaluation_hint(item), keep_line=not lead,
                       changed=frozenset({"card"}) if lead else frozenset())
    live.close_item(item, now)
    return _done(lead + _("Punt afgerond. /volgende gaat naar het volgende punt."), "card", "agenda")


# answering -----------------------------------------------------------------------------------

def _finish(pending: _Pending, choice: Choice | None, item: MeetingItem, today: dt.date,
            now: dt.datetime) -> Outcome:
    if pending.op == "action":
        body, deadline = pending.args
        return _store_action(item, body, deadline, choice.partner_id if choice else None,
                             choice.contact_id if choice else None)
    assert choice is not None  # only an owner question offers 0
    if pending.op == "note":
        body, visibility = pending.args
        return _store_note(item, body, choice.partner_id, visibility)
    if pending.op == "agreement":
        return _store_agreement(item, pending.args[0], choice.partner_id)
    if pending.op == "director":
        call_on, close_after = pending.args
        if choice.contact_id is None:
            return _ask_person(item, choice.partner_id, pending)
        return _director(item, choice.partner_id, choice.contact_id, call_on, close_after)
    if pending.op == "name":
        return _apply_name(pending.args[0], item, choice.partner_id, choice.contact_id, now)
    return _refused(_(_HINT))
