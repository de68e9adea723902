"""`zvh export minutes N`: the besluitenlijst by default, `--verslag`, `--partner NAAM` (a partner
without convenant needs `--ja`), `--client [--casus KENMERK]`, `--format ics`; Dutch refusals with
exit status 2, a usage error 64; files 0600; never a client's name on the terminal."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures_domain import Builder
from minuteskit import closed_meeting

from zvh_tui.cli import commands as cli
from zvh_tui.services.safety.profile import Profile

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def held(profile: Profile) -> tuple[str, int, int]:
    """(data folder, meeting number, school id) of a closed MDO, the profile closed again."""
    closed = closed_meeting(Builder(profile))
    ids = (str(profile.paths.data), closed.meeting.id, closed.school.id)
    profile.close()
    return ids


def _read(path: Path) -> str:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return path.read_text(encoding="utf-8")


def _quiet(out: str, err: str) -> None:
    for name in ("Jansen", "Pietersen", "Traceback"):
        assert name not in out + err


def test_without_a_choice_the_besluitenlijst(zvh: Run, held, tmp_path: Path) -> None:
    folder, number, _ = held
    target = tmp_path / "besluiten.md"
    status, out, err = zvh("--data-dir", folder, "export", "minutes", str(number), "-o", str(target))
    assert status == 0, err
    text = _read(target)
    assert text.startswith(f"# Besluitenlijst · Overleg {number}") and "Casus 2026-0001 (J.J.)" in text
    assert "Jansen" not in text and "-beeld-" not in text
    assert "niet versleuteld" in err
    _quiet(out, err)


def test_each_choice_of_document(zvh: Run, held, tmp_path: Path) -> None:
    folder, number, _ = held
    runs = {
        "verslag.html": (["--verslag", "--format", "html"], "Jan Jansen"),
        "politie.md": (["--partner", "politie"], "Blad voor de partner"),
        "client.md": (["--client", "--casus", "2026-0002"], "Uitkomst van het overleg over casus 2026-0002"),
        "dates.ics": (["--format", "ics"], "BEGIN:VCALENDAR"),
    }
    for name, (options, expected) in runs.items():
        status, out, err = zvh("--data-dir", folder, "export", "minutes", str(number), *options,
                               "-o", str(tmp_path / name))
        assert status == 0, (name, err)
        assert expected in _read(tmp_path / name), name
        _quiet(out, err)
    assert "pagina \" counter(page)" in _read(tmp_path / "verslag.html")
    assert "Jansen" not in _read(tmp_path / "dates.ics")


def test_a_partner_without_convenant_needs_ja(zvh: Run, held, tmp_path: Path) -> None:
    folder, number, _ = held
    target = tmp_path / "school.md"
    status, out, err = zvh("--data-dir", folder, "export", "minutes", str(number), "--partner", "Linde",
                           "-o", str(target))
    assert status == cli.EXIT_REFUSED and "convenant niet getekend" in err and "--ja" in err
    assert not target.exists()
    status, out, err = zvh("--data-dir", folder, "export", "minutes", str(number), "--partner", "Linde",
                           "--ja", "-o", str(target))
    assert status == 0, err
    assert "niet waarom" in _read(target)
    _quiet(out, err)


@pytest.mark.parametrize(("options", "message"), [
    (["999"], "Overleg 999 bestaat niet"),
    (["een"], "geen nummer van een overleg"),
    (["{n}", "--partner", "Brandweer"], "geen partner met de naam"),
    (["{n}", "--partner", "Noord"], "meer partners"),
    (["{n}", "--client"], "--casus KENMERK"),
    (["{n}", "--client", "--casus", "2026-0099"], "niet op de agenda"),
    (["{n}", "--verslag", "--format", "ics"], "één agenda"),
])
def test_refusals_in_dutch(zvh: Run, held, tmp_path: Path, options: list[str], message: str) -> None:
    folder, number, _ = held
    args = [o.replace("{n}", str(number)) for o in options]
    status, out, err = zvh("--data-dir", folder, "export", "minutes", *args, "-o", str(tmp_path / "x"))
    assert status == cli.EXIT_REFUSED, err
    assert message in err and not (tmp_path / "x").exists()
    _quiet(out, err)


def test_two_choices_are_a_usage_error(zvh: Run, held) -> None:
    folder, number, _ = held
    status, _out, err = zvh("--data-dir", folder, "export", "minutes", str(number), "--verslag", "--client")
    assert status == cli.EXIT_USAGE and "niet samen met" in err


def test_an_export_is_in_the_log_of_each_case(zvh: Run, held, tmp_path: Path) -> None:
    folder, number, _ = held
    assert zvh("--data-dir", folder, "export", "minutes", str(number), "--verslag",
               "-o", str(tmp_path / "v.md"))[0] == 0
    for reference in ("2026-0001", "2026-0002"):
        status, _out, err = zvh("--data-dir", folder, "export", "log", "--case", reference,
                                "-o", str(tmp_path / "log.json"))
        assert status == 0, err
        events = json.loads(_read(tmp_path / "log.json"))["gebeurtenissen"]
        exports = [e for e in events if e["handeling"] == "export" and e["object"] == "meeting"]
        assert [e["detail"] for e in exports] == ["minutes.verslag.md"], reference
