"""The installed `zvh` in tmux: a procesregisseur records an advice question on an advice case
(the partner picked by typing, the question typed), then switches the house to procesregie with
one key; the database holds the question, the new role and the journal line afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Advice, Case, JournalEntry

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
QUESTION = "Hoe krijgen we de school erbij [/b]?"


def advice_profile(data: Path) -> str:
    """A new profile with one partner and one advice case; the case's reference."""
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    try:
        team = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
        case = cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name="Anouk Adviesvraag")], reason="zorgen over de kinderen",
            referrer_partner_id=team.id, zvh_role="advice"))
        return case.reference
    finally:
        profile.close()


def stored(data: Path) -> tuple[str, list[tuple[str, int | None]], list[str]]:
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        role = Case.get().zvh_role
        rows = [(a.question, a.asked_by_partner_id) for a in Advice.select()]
        journal = [e.text for e in JournalEntry.select().order_by(JournalEntry.id)]
        return role, rows, journal
    finally:
        profile.close()


def test_add_an_advice_question_and_switch_to_procesregie(tmux, tmp_path: Path) -> None:
    data = tmp_path / "profiel"
    reference = advice_profile(data)
    tmux.start("--data-dir", str(data))
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for("1 casus")
    tmux.send_keys("Enter")  # the case under the cursor
    tmux.wait_for(f"Casus {reference}")
    tmux.type("A")  # Adviesvraag (Shift+A)
    tmux.wait_for("Het ZVH adviseert; de regie blijft lokaal.")
    tmux.type(QUESTION)  # the question has the cursor
    tmux.wait_for(QUESTION)
    tmux.send_keys("Tab")  # to "Vraag van": type, the list opens
    tmux.type("Wijk")
    tmux.wait_for("aan tafel")  # the referrer is at the table: offered first
    tmux.send_keys("Enter")
    tmux.send_keys("F5")
    tmux.wait_for("Adviesvraag opgeslagen")
    tmux.type("8")  # the section Advies en AVE
    screen = tmux.wait_for("nog geen advies gegeven")
    assert "vraag van Wijkteam Noord: Hoe krijgen" in screen, screen  # a toast may cover the end
    tmux.type("w")  # Rol wisselen
    tmux.wait_for("Naar procesregie")
    tmux.send_keys("F5")  # no reason needed this way
    screen = tmux.wait_for("procesregie (w: terug naar advies)")
    assert "Traceback" not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    role, rows, journal = stored(data)
    assert role == "direction"
    assert len(rows) == 1 and rows[0][0] == QUESTION and rows[0][1] is not None
    assert journal == ["Rol van het ZVH: advies → procesregie."]
