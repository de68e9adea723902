"""The installed `zvh` in tmux with control characters planted in the database and in
settings.json: they can not set the terminal's title (OSC 2), write its clipboard (OSC 52) or
clear the screen; the case list and the dossier show them as visible symbols.

tmux runs with `set-clipboard on`, so an OSC 52 that reached the terminal would land in tmux's
paste buffers; the pane title is what OSC 2 would set.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import db

pytestmark = pytest.mark.terminal

PASSPHRASE = "Stevig-wachtwoord-voor-tmux-93"
# Both terminators (BEL and ST), since Textual drops BEL on some paths but not ESC.
EVIL = ("\x1b]2;PWNED\x07\x1b]2;PWNED2\x1b\\"
        "\x1b]52;c;SElKQUNLRUQ=\x07\x1b]52;c;SElKQUNLRUQ=\x1b\\"
        "\x1b[2J\x1b[H")


def planted_profile(data: Path) -> str:
    """A profile with one case whose title, person and journal hold EVIL (written past the
    services with plain SQL), and EVIL in settings.json's texts; the case's reference."""
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    try:
        context.set_today(dt.date(2026, 11, 23))
        case = cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name="Jan Stuurteken")], referrer_citizen="buurman",
            reason="overlast"))
        journal.add_entry(case, "Gebeld", hat="procesregie")
        db.execute_sql('UPDATE "case" SET title = ? WHERE id = ?', (f"Titel{EVIL}einde", case.id))
        db.execute_sql("UPDATE person SET name = ?", (f"Jan{EVIL}Stuurteken",))
        db.execute_sql("UPDATE journal_entry SET text = ?, author = ?", (f"Notitie{EVIL}", f"ik{EVIL}"))
        reference = case.reference
    finally:
        profile.close()
        context.set_today(None)
    settings = profile.paths.settings_file
    settings.write_text(json.dumps({"user": f"Jan{EVIL}", "own_partner_name": f"ZVH{EVIL}",
                                    "meeting_types": ["MDO", f"Overleg{EVIL}"]}), encoding="utf-8")
    return reference


def test_planted_control_characters_never_drive_the_terminal(tmux, tmp_path: Path) -> None:
    data = tmp_path / "profiel"
    reference = planted_profile(data)
    tmux.config.write_text(tmux.config.read_text(encoding="utf-8") + "set -g set-clipboard on\n",
                           encoding="utf-8")
    tmux.start("--data-dir", str(data))
    before = tmux._tmux("display", "-p", "-t", "zvh", "#{pane_title}").stdout.strip()
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    screen = tmux.wait_for("1 casus")
    assert "Nummer" in screen and "zvh-tui" in screen  # the list, not a cleared screen
    assert f"{reference}  Titel␛]2;PWNED" in tmux.wait_for(f"{reference}  Titel")  # detail line

    tmux.send_keys("Enter")  # open the case under the cursor
    screen = tmux.wait_for(f"Casus {reference}")
    assert "Titel␛]2;PWNED" in screen and "Jan␛]2;PWNED" in screen
    tmux.send_keys("5")  # the journal section
    screen = tmux.wait_for("Notitie␛]2;PWNED")
    assert "zvh-tui" in screen.splitlines()[0]  # the header is still there: nothing cleared it

    title = tmux._tmux("display", "-p", "-t", "zvh", "#{pane_title}").stdout.strip()
    assert "PWNED" not in title and title == before
    buffers = tmux._tmux("list-buffers", check=False).stdout
    assert buffers == "", buffers  # OSC 52 would have put "HIJACKED" here

    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
    assert "PWNED" not in tmux._tmux("display", "-p", "-t", "zvh", "#{pane_title}").stdout
    assert tmux._tmux("list-buffers", check=False).stdout == ""


def test_a_paste_goes_in_exactly_or_is_refused(tmux, tmp_path: Path) -> None:
    """tmux pastes with the bracketed-paste markers (`paste-buffer -p`), as a terminal does."""
    data = tmp_path / "profiel"
    reference = planted_profile(data)
    tmux.start("--data-dir", str(data))
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for("1 casus")
    tmux.type("/")
    tmux.type("S")
    tmux.wait_for("Zoeken:  S ")  # the search field has the cursor and holds "S"

    def paste(text: str) -> None:
        tmux._tmux("set-buffer", "-b", "plak", text)
        tmux._tmux("paste-buffer", "-p", "-d", "-b", "plak", "-t", "zvh")

    paste("Titel\nTweede regel")  # Textual would have kept "Titel" only
    screen = tmux.wait_for("Niet geplakt")
    assert "2 regels" in screen.replace("\n", " ") and "Zoeken:  S " in screen
    tmux.wait_gone("Niet geplakt", timeout=20)

    paste("Tit\x1b[2Jel")  # Textual would have typed "^[2Jel" before "Tit"
    screen = tmux.wait_for("Niet geplakt")
    assert "␛ (ESC)" in screen and "^[" not in screen and "2Jel" not in screen
    assert "Zoeken:  S " in screen
    tmux.wait_gone("Niet geplakt", timeout=20)

    paste("tuurteken")  # with the "S": the person's name when the case was made
    screen = tmux.wait_for("Zoeken:  Stuurteken ")  # exactly what was pasted
    assert reference in screen and "Niet geplakt" not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
