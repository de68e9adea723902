"""The partner roster in a real terminal: add an organisation and a contact person, put it at
the table of a demo case as casusregisseur, quit, restart, and see it there.

Three sessions of the installed `zvh` on a demo profile (made with `zvh demo`), each unlocked
by typing the passphrase. The roster is F3; the participants screen is reached as a user would:
the case list (the first screen), / and the case number, Enter for the dossier, d (Deelnemers).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case, Contact, Partner

pytestmark = pytest.mark.terminal

PASSPHRASE = "demo-wachtwoord-1"
ORGANISATION = "Buurtteam Testwijk"
CONTACT = "Mira Testcontact"


def unlock(tmux) -> None:
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for("ontgrendeld")


def wait_any(tmux, *texts: str, timeout: float = 15.0) -> str:
    """Poll the screen until one of `texts` shows; return that text."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux.capture()
        for text in texts:
            if text in screen:
                return text
        time.sleep(0.05)
    raise AssertionError(f"geen van {texts!r} verscheen. Scherm:\n{screen}")


def open_participants(tmux, reference: str) -> str:
    """From the case list (the first screen): search the case, open its dossier, Deelnemers."""
    tmux.wait_for("⏎ Openen")  # the case list is read
    tmux.send_keys("/")
    tmux.wait_gone("⏎ Openen")  # the footer of the search field: the cursor is there
    tmux.type(reference)
    tmux.wait_for("1 van ")  # one case found
    tmux.send_keys("Enter")  # to the list (the list may open the only case at once)
    if wait_any(tmux, "⏎ Openen", f"Casus {reference}") == "⏎ Openen":
        tmux.send_keys("Enter")  # the dossier
    tmux.wait_for(f"Casus {reference}")
    tmux.send_keys("d")
    return tmux.wait_for(f"Aan tafel · casus {reference}")


@pytest.fixture
def demo_profile(tmp_path: Path, zvh_env: dict[str, str], zvh_command: Path) -> Path:
    data = tmp_path / "profiel"
    env = {**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE}
    done = subprocess.run([str(zvh_command), "--data-dir", str(data), "demo"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return data


def pick_case(data: Path) -> str:
    """A running demo case's reference."""
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        case = (Case.select().where(Case.phase != Phase.CLOSED.value)
                .order_by(Case.reference.desc()).first())
        return case.reference
    finally:
        profile.close()


def test_new_partner_becomes_casusregisseur_and_survives_a_restart(tmux, demo_profile: Path
                                                                   ) -> None:
    reference = pick_case(demo_profile)

    # 1. the roster: a new organisation and its contact person
    tmux.start("--data-dir", str(demo_profile))
    unlock(tmux)
    tmux.send_keys("F3")
    tmux.wait_for("organisaties · Enter: details")
    tmux.send_keys("n")
    tmux.wait_for("Nieuwe organisatie")
    tmux.type(ORGANISATION)
    tmux.send_keys("Enter")
    screen = tmux.wait_for("Organisatie opgeslagen")
    assert ORGANISATION in screen and "NEE" in screen  # no convenant signed yet
    tmux.send_keys("c")
    tmux.wait_for("Nieuwe contactpersoon")
    tmux.type(CONTACT)
    tmux.send_keys("Enter")
    tmux.wait_for("Contactpersoon opgeslagen")
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    # 2. the case: put it at the table as casusregisseur
    tmux.start("--data-dir", str(demo_profile))
    unlock(tmux)
    open_participants(tmux, reference)
    tmux.send_keys("a")
    tmux.wait_for("Partner aan tafel")
    tmux.type("buurtteam test")
    tmux.wait_for(f"{ORGANISATION} · {CONTACT}")
    tmux.send_keys("Down", "Enter")  # the entry with the contact person
    tmux.wait_for("heeft het privacyconvenant niet")
    tmux.send_keys("Enter")  # the cursor moved to the role: open its list
    tmux.wait_for("adviseur")
    tmux.send_keys("Up", "Enter")  # deelnemer -> casusregisseur
    tmux.wait_gone("adviseur")
    tmux.send_keys("F5")
    tmux.wait_for(f"Casusregisseur: {ORGANISATION} · {CONTACT}")
    tmux.wait_for("NIET getekend (!)")  # its row in the table: no convenant, in words
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    # 3. after a restart it is still there
    tmux.start("--data-dir", str(demo_profile))
    unlock(tmux)
    open_participants(tmux, reference)
    tmux.wait_for(f"Casusregisseur: {ORGANISATION} · {CONTACT}")
    deadline = time.monotonic() + 15
    history = ""
    while ORGANISATION not in history or CONTACT not in history:  # the recorded change
        assert time.monotonic() < deadline, tmux.capture()
        history = tmux.capture().partition("Wisselingen van casusregisseur")[2]
        time.sleep(0.05)
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
    assert "Traceback" not in tmux.capture()

    # and the database says the same
    profile = Profile.from_dir(demo_profile)
    profile.unlock(PASSPHRASE)
    try:
        case = Case.get(Case.reference == reference)
        director = cases.director_of(case)
        assert Partner.get_by_id(director.partner_id).name == ORGANISATION
        assert Contact.get_by_id(director.contact_id).name == CONTACT
    finally:
        profile.close()
    assert os.stat(demo_profile / "zvh.db").st_mode & 0o777 == 0o600
