"""The installed `zvh` in tmux (issue 15.1): open a case, set on the Betrokkenen screen that the
father is not informed (the mother is), and see it in the dossier and in the database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
REASON = "Strafrechtelijk onderzoek loopt [/b]"  # markup in user text shows literally


def household(data: Path) -> str:
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    try:
        case = cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name="Mieke Moeder", role="parent"),
                     cases.NewPerson(name="Vincent Vader", role="parent")],
            reason="huiselijk geweld", referrer_citizen="buurvrouw"))
        backup.make_backup(profile)  # no backup (and no toast) at unlock: the screen holds still
        return case.reference
    finally:
        profile.close()


def styled(tmux) -> str:
    return tmux._tmux("capture-pane", "-p", "-e", "-t", "zvh").stdout


def press_and_wait(tmux, key: str, timeout: float = 10.0) -> None:
    """Press a key that moves the focus, and wait until the screen shows it before typing on."""
    before = styled(tmux)
    tmux.send_keys(key)
    deadline = time.monotonic() + timeout
    while styled(tmux) == before:
        if time.monotonic() > deadline:
            raise AssertionError(f"{key} veranderde niets op het scherm:\n" + tmux.capture())
        time.sleep(0.02)


def test_father_not_informed_from_the_persons_screen(tmux, tmp_path: Path) -> None:
    data = tmp_path / "profiel"
    reference = household(data)
    tmux.start("--data-dir", str(data))
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for(reference)
    tmux.send_keys("Enter")  # the one case
    tmux.wait_for(f"Casus {reference}")
    tmux.send_keys("B")
    tmux.wait_for("Betrokkenen · casus")
    press_and_wait(tmux, "Down")  # the father
    tmux.wait_for("Vincent Vader, ouder, betrokkene")
    tmux.send_keys("i")
    tmux.wait_for("Is Vincent Vader (ouder) geïnformeerd")
    tmux.send_keys("Enter")  # open the choice
    tmux.wait_for("Nee, (nog) niet geïnformeerd")
    tmux.send_keys("Down")
    tmux.send_keys("Enter")
    press_and_wait(tmux, "Tab")  # the reason
    tmux.type(REASON)
    tmux.wait_for(REASON)
    press_and_wait(tmux, "Tab")  # the review date
    tmux.type("+6w")
    tmux.send_keys("F5")
    screen = tmux.wait_for(f"Geïnformeerd: nee — {REASON}")
    assert "1 niet geïnformeerd" in screen
    tmux.send_keys("Escape")
    screen = tmux.wait_for(f"Vincent Vader: nee — {REASON}")
    assert "Mieke Moeder: ja" in screen and "Traceback" not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        links = {link.person.name: link for link in persons.links_of(Case.get(Case.reference == reference))}
        assert links["Mieke Moeder"].informed is True
        father = links["Vincent Vader"]
        assert (father.informed, father.not_informed_reason) == (False, REASON)
        assert father.informed_review_on is not None
    finally:
        profile.close()
