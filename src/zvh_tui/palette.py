"""Command palette providers (Ctrl+P): find a case or a partner by name or number and open it.

`CaseCommands` finds cases by reference ("2026-0042", "0042"), by the case's name or alias, by
part of a person's name or by the aanleiding (the full-text index of the case list), closed ones
included and marked "(afgesloten)"; Enter opens the dossier in the "cases" area.
`PartnerCommands` finds ketenpartners by organisation or contact person and opens the partner
page in the "partners" area. Both also offer the areas themselves ("Casussen", "Overleggen",
"Partners") and "Nieuwe aanmelding", also shown before anything is typed.

The database is read in a thread (`asyncio.to_thread`, with its own connection), at most
`palette.MAX_HITS` hits, and never while the profile is locked (the app refuses the palette
then anyway). Everything from the database is shown as a rich `Text`, never read as markup; the
help lines are fixed texts. A palette search is not audited per keystroke: opening a dossier
writes its own "view" event.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from rich.align import Align
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from zvh_tui.compat.textual import CommandPaletteWithOwnNoMatches
from zvh_tui.core import crash
from zvh_tui.core.errors import StoreClosing
from zvh_tui.core.i18n import N_, _
from zvh_tui.core.vocab import PartnerDomain, Phase
from zvh_tui.services.shared import disclosure, palette
from zvh_tui.services.shared.palette import CaseHit, PartnerHit
from zvh_tui.services.shared.session import thread_connection
from zvh_tui.services.shared.text import visible

if TYPE_CHECKING:
    from zvh_tui.app import ZvhApp

T = TypeVar("T")

CASES_MODE = "cases"
PARTNERS_MODE = "partners"
MEETINGS_MODE = "meetings"

# Fuzzy matches of command names (Textual's system commands) score about 1-20 with the query's
# length; a hit found in the database is a whole-word match, so it comes above those. Within
# one provider the order of the query is kept (each next hit a little lower).
DATABASE_SCORE = 50.0
STEP = 0.01

# Marked here, translated where shown (`_()`): the palette is built in the language of the moment.
NEW_CASE = (N_("Nieuwe aanmelding"), N_("Registreer een nieuwe casus (n in de lijst met casussen)"))
CASES = (N_("Casussen"), N_("Naar de lijst met casussen (F2)"))
PARTNERS = (N_("Partners"), N_("Naar de ketenpartners (F3)"))
MEETINGS = (N_("Overleggen"), N_("Naar de komende en eerdere overleggen (F4)"))
MIRROR = (N_("Spiegel"),
          N_("Eigen last, kikker-radar, petten en nazorg over alle casussen (m in de lijst met casussen)"))
CASE_HELP = N_("Casus · Enter opent het dossier")
CLOSED_MARK = N_("(afgesloten)")
INACTIVE_MARK = N_("(gedeactiveerd)")
MAX_CONTACTS_SHOWN = 3


NO_MATCHES = N_("Geen resultaten")
PLACEHOLDER = N_("Zoek een opdracht, casus of partner…")
THEME_PLACEHOLDER = N_("Zoek een thema…")


class ZvhCommandPalette(CommandPaletteWithOwnNoMatches):
    """Textual's command palette with its own texts in our words ("Geen resultaten").

    Textual writes "No matches found" inside a private method (Textual 8.2); compat.textual
    gives that method a body that asks `no_matches_prompt`. tests/screens/test_palette.py shows
    the Dutch text on screen, tests/compat checks the private method is still the one used."""

    def no_matches_prompt(self, search_value: str) -> Align | None:
        if not search_value:  # nothing to discover is not worth saying
            return None
        return Align.center(Text(_(NO_MATCHES), style="not bold"))  # something searched, nothing found


def _app(provider: Provider) -> ZvhApp:
    return provider.app  # type: ignore[return-value]


def _unlocked(app: ZvhApp) -> bool:
    return bool(app.profile.unlocked)


async def read(app: ZvhApp, function: Callable[..., T], *args: Any) -> T | None:
    """Run a read function in a thread with its own connection; None when it cannot run now
    (locked, or locked half-way) or fails (logged by error id only, never the query)."""
    if not _unlocked(app):
        return None

    def job() -> T:
        with thread_connection():
            return function(*args)

    try:
        return await asyncio.to_thread(job)  # awaited by the palette's own worker: no message
    except StoreClosing:  # locked half-way
        return None
    except Exception as error:  # a palette search never crashes the app
        if _unlocked(app):
            crash.report(error, app.crash_log_file)
        return None


def words_of(query: str) -> list[str]:
    """The words of the query, as the full-text search reads them (to underline them)."""
    from zvh_tui.services.cases.case_list import fts_query  # not needed before unlocking

    fts = fts_query(query) or ""
    return [w.strip('"*') for w in fts.split()]


def case_prompt(hit: CaseHit, words: list[str]) -> Text:
    """'2026-0042 · Naam · Fase', or '2026-0042 · Naam (afgesloten)': plain text, no markup."""
    title = visible(disclosure.case_name(hit.title)) or _("(zonder naam)")  # stored text: control characters as symbols
    if hit.closed:
        text = Text(f"{hit.reference} · {title} {_(CLOSED_MARK)}", style="dim")
    else:
        text = Text(f"{hit.reference} · {title} · {Phase.label_of(hit.phase)}")
    text.highlight_words(words, style="bold underline", case_sensitive=False)
    return text


def partner_prompt(hit: PartnerHit, words: list[str]) -> Text:
    """'Organisatie', '… · contact: Naam, Naam', '… (gedeactiveerd)': plain text, no markup."""
    text = Text(visible(hit.name))
    if hit.contacts:
        shown = visible(", ".join(hit.contacts[:MAX_CONTACTS_SHOWN]))
        more = len(hit.contacts) - MAX_CONTACTS_SHOWN
        text.append(_(" · contact: {names} en {n} meer").format(names=shown, n=more) if more > 0
                    else _(" · contact: {names}").format(names=shown))
    if not hit.active:
        text.append(f" {_(INACTIVE_MARK)}")
        text.stylize("dim")
    text.highlight_words(words, style="bold underline", case_sensitive=False)
    return text


# -- what the commands do ----------------------------------------------------------------------

async def _to_mode(app: ZvhApp, mode: str) -> bool:
    if not _unlocked(app):
        return False
    if app.current_mode != mode:
        await app.switch_mode(mode)
    return True


async def open_case(app: ZvhApp, case_id: int) -> None:
    """The case's dossier, in the "cases" area (what is open there stays underneath)."""
    from zvh_tui.screens.cases.case_list import CaseListScreen
    from zvh_tui.screens.cases.dossier import DossierScreen

    if not await _to_mode(app, CASES_MODE):
        return
    top = app.screen
    if isinstance(top, DossierScreen) and top.case_id == case_id:
        return  # already on screen
    if isinstance(top, CaseListScreen):
        top.open_case(case_id)  # the list's reused dossier; the list refreshes that row on return
    else:
        app.push_screen(DossierScreen(case_id))


async def open_partner(app: ZvhApp, partner_id: int) -> None:
    """The partner page, in the "partners" area."""
    from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen

    if not await _to_mode(app, PARTNERS_MODE):
        return
    top = app.screen
    if isinstance(top, PartnerDetailScreen) and top.partner_id == partner_id:
        return
    app.push_screen(PartnerDetailScreen(partner_id))


async def new_case(app: ZvhApp) -> None:
    """The aanmelding form, opened by the case list (which shows the new case when saved)."""
    from zvh_tui.screens.cases.case_list import CaseListScreen
    from zvh_tui.screens.cases.new_case import NewCaseScreen

    if not await _to_mode(app, CASES_MODE):
        return
    if isinstance(app.screen, NewCaseScreen):
        return
    case_list = next((s for s in app.screen_stack if isinstance(s, CaseListScreen)), None)
    if case_list is not None:
        case_list.action_new_case()


async def open_mirror(app: ZvhApp) -> None:
    """The Spiegel (caseload mirror), in the "cases" area on top of what is open there."""
    from zvh_tui.screens.cases.caseload import CaseloadScreen

    if not await _to_mode(app, CASES_MODE):
        return
    if not isinstance(app.screen, CaseloadScreen):
        app.push_screen(CaseloadScreen())


async def go_to(app: ZvhApp, mode: str) -> None:
    await _to_mode(app, mode)


# -- providers ---------------------------------------------------------------------------------

Command = tuple[str, str, Callable[[], Awaitable[None]]]


class _ZvhProvider(Provider):
    """Shared: fixed commands (shown before typing, fuzzy-matched while typing)."""

    def commands(self) -> list[Command]:
        return []

    async def discover(self) -> Hits:
        if not _unlocked(_app(self)):
            return
        for name, help_text, command in self.commands():
            yield DiscoveryHit(_(name), command, text=_(name), help=_(help_text))

    def matching_commands(self, query: str) -> list[Hit]:
        matcher = self.matcher(query)
        hits = []
        for marked, help_text, command in self.commands():
            name = _(marked)  # matched as shown, in the language of the moment
            score = matcher.match(name)
            if score > 0:
                hits.append(Hit(score, matcher.highlight(name), command, text=name,
                                help=_(help_text)))
        return hits


class CaseCommands(_ZvhProvider):
    """Cases by reference, name, persons' names or aanleiding; Enter opens the dossier."""

    def commands(self) -> list[Command]:
        app = _app(self)
        return [
            (*CASES, partial(go_to, app, CASES_MODE)),
            (*NEW_CASE, partial(new_case, app)),
            (*MIRROR, partial(open_mirror, app)),
            (*MEETINGS, partial(go_to, app, MEETINGS_MODE)),
        ]

    async def search(self, query: str) -> Hits:
        app = _app(self)
        if not _unlocked(app):
            return
        for hit in self.matching_commands(query):
            yield hit
        found = await read(app, palette.find_cases, query)
        if not found or not _unlocked(app):
            return
        words = words_of(query)
        for n, case in enumerate(found):
            prompt = case_prompt(case, words)
            yield Hit(DATABASE_SCORE - n * STEP, prompt, partial(open_case, app, case.id),
                      text=prompt.plain, help=_(CASE_HELP))


class PartnerCommands(_ZvhProvider):
    """Ketenpartners by organisation or contact person; Enter opens the partner page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._index: list | None = None  # the roster, read once per opening of the palette

    def commands(self) -> list[Command]:
        return [(*PARTNERS, partial(go_to, _app(self), PARTNERS_MODE))]

    async def shutdown(self) -> None:
        self._index = None

    async def search(self, query: str) -> Hits:
        app = _app(self)
        if not _unlocked(app):
            return
        for hit in self.matching_commands(query):
            yield hit
        if self._index is None:
            self._index = await read(app, palette.partner_index)
        if not self._index or not _unlocked(app):
            return
        found = palette.match_partners(self._index, query)
        words = query.split()
        for n, partner in enumerate(found):
            prompt = partner_prompt(partner, words)
            help_text = _("Ketenpartner · {domain}").format(domain=PartnerDomain.label_of(partner.domain))
            yield Hit(DATABASE_SCORE - 0.5 - n * STEP, prompt,
                      partial(open_partner, app, partner.id), text=prompt.plain,
                      help=escape(help_text))  # the palette reads help lines as markup
