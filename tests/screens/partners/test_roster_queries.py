"""Query discipline of the partner roster (issue 16): opening it costs the same number of queries
at 2 cases as at 20 (no query per case or per partner), it reads the roster once and not again
on the ScreenResume events that follow its mount, and the running cases per partner arrive after
the first frame and are right (closed cases do not count)."""

from __future__ import annotations

import querykit
from casekit import list_ready
from textual.widgets import DataTable

from zvh_tui.app import ZvhApp
from zvh_tui.screens.partners.partner_roster import PartnerRosterScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants, partner_overview

GROWTH = 18


def _cases(network, first: int, count: int) -> list[cases.Case]:
    """Cases referred by the police, with the wijkteam at the table."""
    made = []
    for n in range(first, first + count):
        case = cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(f"Fictief Persoon {n}")], reason="Zorgen om veiligheid",
            referrer_partner_id=network.police.id, referrer_contact_id=network.agent.id))
        participants.add_participant(case, network.team.id)
        made.append(case)
    return made


def _cases_column(screen: PartnerRosterScreen) -> dict[str, str]:
    table = screen.query_one("#roster-table", DataTable)
    return {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[4]) for i in range(table.row_count)}


async def _open_and_count(pilot, app: ZvhApp, ui) -> tuple[int, PartnerRosterScreen]:
    await app.workers.wait_for_complete()
    await pilot.pause()
    with querykit.capture() as seen:
        await pilot.press("f3")  # as a user goes there: a new mode, two ScreenResume events
        await ui.until(pilot, lambda: isinstance(app.screen, PartnerRosterScreen)
                       and "…" not in _cases_column(app.screen).values())
        await app.workers.wait_for_complete()
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PartnerRosterScreen)
    return len(seen.statements), screen


async def test_the_roster_opens_in_the_same_number_of_queries_for_2_or_20_cases(
        profile, network, ui) -> None:
    made = _cases(network, 0, 2)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        small, screen = await _open_and_count(pilot, app, ui)
        shown = _cases_column(screen)
        assert (shown["GGZ Noord FACT-team"], shown["Politie eenheid Oost"], shown["Wijkteam Zuid"]) \
            == ("0", "2", "2")
        await pilot.press("f2")
        await list_ready(pilot)
        await app._discard_mode("partners")  # the next F3 builds the roster anew, as a lock does
        made += _cases(network, 2, GROWTH)
        cases.close_case(made[0], "Doelen bereikt", retention_years=15)
        large, screen = await _open_and_count(pilot, app, ui)
        assert _cases_column(screen)["Politie eenheid Oost"] == str(2 + GROWTH - 1)  # one closed
    assert large == small, f"2 cases: {small} queries, {2 + GROWTH}: {large}"


async def test_the_roster_reads_once_per_showing(profile, network, ui, monkeypatch) -> None:
    """The first F3 reads the roster once (not again on the two ScreenResume events of a new
    mode); back from another area it reads it once more and shows what changed meanwhile."""
    reads: list[str] = []
    for name in ("roster_index", "running_case_counts"):
        original = getattr(partner_overview, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            reads.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(partner_overview, name, counted)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        _, screen = await _open_and_count(pilot, app, ui)
        assert _cases_column(screen)["Wijkteam Zuid"] == "0"
        assert sorted(reads) == ["roster_index", "running_case_counts"]
        await pilot.press("f2")
        await list_ready(pilot)
        _cases(network, 0, 1)
        reads.clear()
        _, screen = await _open_and_count(pilot, app, ui)
        assert _cases_column(screen)["Wijkteam Zuid"] == "1"
        assert sorted(reads) == ["roster_index", "running_case_counts"]
