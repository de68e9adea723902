"""Read functions for the command palette (Ctrl+P): cases and partners found by name or number.

The palette asks on every keystroke, from a thread, so each function is one small query with a
limit. Cases are found through the same full-text index as the case list (`case_search`:
reference, the case's name and its persons' names, aanleiding), with the same sanitised query
(`case_list.fts_query`); running cases come before closed ones. Partners are matched in memory
on the roster index (accents and case ignored), also on their contact persons.

Nothing here is audited: a palette search is not a "search" event per keystroke; opening a
dossier from the palette writes its own "view".
"""

from __future__ import annotations

from dataclasses import dataclass

from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases.case_list import fts_query
from zvh_tui.services.partners import partner_overview
from zvh_tui.services.shared.fold import fold
from zvh_tui.store import search
from zvh_tui.store.models import Partner

MAX_HITS = 20


@dataclass(frozen=True, slots=True)
class CaseHit:
    id: int
    reference: str
    title: str
    phase: str

    @property
    def closed(self) -> bool:
        return self.phase == Phase.CLOSED.value


@dataclass(frozen=True, slots=True)
class PartnerHit:
    id: int
    name: str
    domain: str
    active: bool
    contacts: tuple[str, ...]  # contact names that matched (when the name itself did not)


def find_cases(text: str, limit: int = MAX_HITS) -> list[CaseHit]:
    """At most `limit` cases whose reference, name, persons' names or aanleiding match `text`."""
    query = fts_query(text)
    if query is None:
        return []
    # Open cases first, then the best match, then the newest reference.
    rows = search.ranked_cases(query, last_phase=Phase.CLOSED.value, limit=limit)
    return [CaseHit(*row) for row in rows]


def partner_index() -> list[partner_overview.RosterRow]:
    """Every partner with its searchable contact texts (read once per opening of the palette).

    Like `partner_overview.roster_index`, without its counts of contacts and running cases
    (about a second at 10,000 cases; the palette shows neither): two plain queries.
    """
    contact_texts = partner_overview.contact_search_texts()
    return [
        partner_overview.RosterRow(
            id=pid, name=name, domain=domain, convenant_signed=bool(signed),
            active=bool(active), is_own=bool(is_own), contacts=0, cases=0, key=fold(name),
            contact_keys=contact_texts.get(pid, []),
        )
        for pid, name, domain, signed, active, is_own in (
            Partner.select(Partner.id, Partner.name, Partner.domain, Partner.convenant_signed,
                           Partner.active, Partner.is_own)
            .tuples()
        )
    ]


def match_partners(
    index: list[partner_overview.RosterRow], text: str, limit: int = MAX_HITS
) -> list[PartnerHit]:
    """The partners (active ones first) whose name or contact persons contain every word."""
    if not text.strip():
        return []
    rows = partner_overview.filter_roster(index, text, include_inactive=True)
    rows.sort(key=lambda r: (not r.active, r.key))
    return [
        PartnerHit(r.id, r.name, r.domain, r.active, tuple(r.matched)) for r in rows[:limit]
    ]


