"""Fixtures for the partner roster, partner detail, participants and CSV tests.

The root conftest isolates the folders and gives `profile` (a fresh unlocked profile). Here:
a frozen 'today' and actor, a small network of partners, a case with a referrer, a helper that
writes CSV files in a chosen encoding, and helpers to read what a screen shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.app import App
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, Contact, Partner

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _frozen_day() -> Iterator[None]:
    context.set_today(TODAY)
    context.set_actor(context.Actor(user="tester"))
    yield
    context.set_today(None)
    context.set_actor(context.Actor())


@dataclass
class Network:
    police: Partner
    ggz: Partner  # no convenant
    team: Partner
    agent: Contact
    worker: Contact


@pytest.fixture
def network(profile: Profile) -> Network:
    context.set_actor(context.Actor(user="tester"))  # unlocking set it from the settings
    police = partners.create_partner("Politie eenheid Oost", "straf", convenant_signed=True)
    ggz = partners.create_partner("GGZ Noord FACT-team", "zorg", convenant_signed=False,
                                  notes="Bemoeizorg via de GGD")
    team = partners.create_partner("Wijkteam Zuid", "gemeente", convenant_signed=True)
    agent = partners.add_contact(police, "Jan de Vries", function="wijkagent",
                                 phone="06 11111111", email="jan@politie.example")
    worker = partners.add_contact(team, "Fatima El Amrani", function="wijkteamlid",
                                  email="fatima@wijkteam.example")
    return Network(police, ggz, team, agent, worker)


@pytest.fixture
def case(network: Network) -> Case:
    return cases.create_case(cases.NewCase(
        persons=[cases.NewPerson("Testpersoon Een")],
        reason="Overlast en zorgen om veiligheid",
        referrer_partner_id=network.police.id,
        referrer_contact_id=network.agent.id,
    ))


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write lines to a CSV file: `write_csv(lines, encoding='utf-8-sig', name=..., eol=...)`."""

    def write(lines: list[str], encoding: str = "utf-8", name: str = "partners.csv",
              eol: str = "\r\n") -> Path:
        path = tmp_path / name
        path.write_bytes((eol.join(lines) + eol).encode(encoding))
        return path

    return write


def _notes(app: App) -> str:
    """The messages of the notifications shown now (a toast wraps long lines on screen)."""
    return "\n".join(note.message for note in app._notifications)


@dataclass
class ScreenHelpers:
    text: Callable[[App], str]
    until: Callable[..., object]
    shows: Callable[..., object]
    notes: Callable[[App], str]


@pytest.fixture
def ui() -> ScreenHelpers:
    """`ui.text(app)`, `await ui.until(pilot, condition)`, `await ui.shows(pilot, text)`,
    `ui.notes(app)` (the notifications' messages)."""
    return ScreenHelpers(screen_text, wait_for, wait_for_text, _notes)
