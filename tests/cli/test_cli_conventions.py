"""The `zvh` command line behaves like a well-kept tool (issues 9.6, 9.7, 9.8, 10.2).

Run in this process with `cli.main`, as a script would call it: only `zvh`, `zvh init` and
`zvh demo` may create a profile; every other command on a mistyped folder refuses and leaves
nothing behind; argparse speaks Dutch; exit statuses are distinct.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from zvh_tui import keymap
from zvh_tui.cli import commands as cli
from zvh_tui.core import config
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile

Run = Callable[..., tuple[int, str, str]]
PASSPHRASE = "test-wachtwoord-1"


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


# -- no silent new profile (9.6) -------------------------------------------------------------

REFUSING = [
    ["backup"],
    ["check"],
    ["export", "case", "2026-0001", "-o", "{tmp}/uit.json"],
    ["export", "plan", "2026-0001", "-o", "{tmp}/plan.md"],
    ["export", "minutes", "1", "-o", "{tmp}/besluiten.md"],
    ["export", "log", "--case", "2026-0001", "-o", "{tmp}/log.json"],
    ["import-partners", "{tmp}/partners.csv", "--yes"],
    ["export-partners", "{tmp}/partners-uit.csv"],
    ["restore", "{tmp}/zvh-20260101-120000.db"],
]


@pytest.mark.parametrize("command", REFUSING, ids=lambda c: " ".join(c[:2]))
def test_commands_refuse_a_mistyped_folder_and_leave_nothing(
    zvh: Run, tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "partners.csv").write_text("Organisatie;Domein\nX;zorg\n", encoding="utf-8")
    (tmp_path / "zvh-20260101-120000.db").write_bytes(b"\0" * 4096)
    before = tree(tmp_path)
    typo = tmp_path / "profeil"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    status, out, err = zvh("--data-dir", str(typo), *args)
    assert status == cli.EXIT_REFUSED, out + err
    assert str(typo) in err and ("geen profiel" in err or "bestaat niet" in err)
    assert "Traceback" not in out + err
    assert tree(tmp_path) == before  # no folder, settings, log or lock file


def test_init_makes_an_empty_profile_once(zvh: Run, tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    status, out, err = zvh("init", "--data-dir", str(folder))
    assert status == 0, err
    assert f"gemaakt in {folder}" in out
    assert Profile.from_dir(folder).exists
    status, _out, err = zvh("init", "--data-dir", str(folder))
    assert status == cli.EXIT_REFUSED and "Er is al een profiel" in err


def test_demo_may_create_the_profile(zvh: Run, tmp_path: Path) -> None:
    status, _out, err = zvh("demo", "--data-dir", str(tmp_path / "demo"), "--scale", "1")
    assert status == 0, err
    assert Profile.from_dir(tmp_path / "demo").exists


def test_a_gone_database_is_refused_with_the_restore_command(zvh: Run, tmp_path: Path) -> None:
    folder = tmp_path / "profiel"
    assert zvh("init", "--data-dir", str(folder))[0] == 0
    assert zvh("backup", "--data-dir", str(folder))[0] == 0
    newest = backup.last_backup(folder / "backups")
    assert newest is not None
    (folder / "zvh.db").unlink()
    for command in (["check"], ["init"], ["demo"], ["backup"]):
        status, _out, err = zvh(*command, "--data-dir", str(folder))
        assert status == cli.EXIT_REFUSED, command
        assert "ontbreekt" in err and f"zvh restore {newest.path} --data-dir {folder}" in err
    assert not (folder / "zvh.db").exists()
    assert [b.path for b in backup.list_backups(folder / "backups")] == [newest.path]

    # The app with ZVH_PASSPHRASE (as if in a terminal) refuses before it starts, too.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cli, "_not_terminals", lambda: [])
        status, _out, err = zvh("--data-dir", str(folder))
    assert status == cli.EXIT_REFUSED and "zvh restore" in err
    assert not (folder / "zvh.db").exists()

    # The command it offers works.
    status, out, err = zvh("restore", str(newest.path), "--data-dir", str(folder))
    assert status == 0, err
    assert zvh("check", "--data-dir", str(folder))[0] == 0


def test_the_app_refuses_without_a_terminal(zvh: Run, tmp_path: Path) -> None:
    """Under pytest no standard stream is a terminal: the screen would go into a file."""
    status, out, err = zvh("--data-dir", str(tmp_path / "p"))
    assert status == cli.EXIT_REFUSED
    assert "werkt alleen in een terminal" in err and "standaarduitvoer" in err
    assert out == ""
    assert not (tmp_path / "p").exists()


# -- conventions (9.7) -----------------------------------------------------------------------

def test_usage_errors_are_dutch_with_their_own_exit_status(zvh: Run) -> None:
    status, _out, err = zvh("--bestaat-niet")
    assert status == cli.EXIT_USAGE == 64
    assert err.startswith("Gebruik: zvh ") and "onbekende argumenten: --bestaat-niet" in err
    status, _out, err = zvh("exprot")
    assert status == cli.EXIT_USAGE and "ongeldige keuze: 'exprot'" in err
    status, _out, err = zvh("export", "case")
    assert status == cli.EXIT_USAGE and "dit ontbreekt nog: KENMERK" in err
    status, _out, err = zvh("export", "case", "X", "--format", "xml")
    assert status == cli.EXIT_USAGE and "ongeldige keuze: 'xml'" in err
    for english in ("usage:", "error:", "required", "invalid choice", "unrecognized"):
        assert english not in err


def test_help_is_dutch_and_shows_the_command_as_optional(zvh: Run) -> None:
    status, out, _err = zvh("--help")
    assert status == 0
    usage = " ".join(out.split("\n\n")[0].split())  # the usage line may wrap
    assert usage.startswith("Gebruik: zvh ") and usage.endswith("[OPDRACHT ...]")
    assert "opties:" in out and "toon deze hulp en stop" in out
    assert "positional arguments" not in out and "show this help" not in out
    status, out, _err = zvh("export", "case", "--help")
    assert "argumenten:" in out and "KENMERK" in out


def test_dutch_argparse_texts_stay_inside_our_parser(zvh: Run) -> None:
    import argparse

    zvh("--help")
    plain = argparse.ArgumentParser(prog="ander")
    assert plain.format_usage().startswith("usage: ")


def test_paths_creates_nothing_and_asks_nothing(
    zvh: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ZVH_PASSPHRASE")
    folder = tmp_path / "ergens"
    status, out, _err = zvh("paths", "--data-dir", str(folder))
    assert status == 0
    for line in (f"Database: {folder / 'zvh.db'}", f"Instellingen: {folder / 'settings.json'}",
                 f"Back-ups: {folder / 'backups'}", f"Exports uit de app: {folder / 'exports'}",
                 f"{folder / 'logs' / 'zvh.log'}"):
        assert line in " ".join(out.split())
    assert "geen profiel" in out
    assert not folder.exists()


def test_a_new_profile_without_a_backup_is_a_warning_not_a_failure(zvh: Run, tmp_path: Path) -> None:
    folder = str(tmp_path / "nieuw")
    assert zvh("init", "--data-dir", folder)[0] == 0
    status, out, err = zvh("check", "--data-dir", folder)
    assert status == 0, out + err
    assert "LET OP: Back-up: er is nog geen back-up" in out
    assert "PROBLEEM" not in out and "zvh restore" not in out + err


def test_passphrase_fd_reads_one_line(
    zvh: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "p")
    assert zvh("init", "--data-dir", folder)[0] == 0
    monkeypatch.delenv("ZVH_PASSPHRASE")
    read, write = os.pipe()
    os.write(write, f"{PASSPHRASE}\n".encode())
    os.close(write)
    try:
        status, out, err = zvh("check", "--data-dir", folder, "--passphrase-fd", str(read))
    finally:
        os.close(read)
    assert status == 0, err
    assert "Database: in orde" in out

    read, write = os.pipe()
    os.write(write, b"niet-het-wachtwoord\n")
    os.close(write)
    try:
        status, _out, err = zvh("check", "--data-dir", folder, "--passphrase-fd", str(read))
    finally:
        os.close(read)
    assert status == cli.EXIT_REFUSED and "klopt niet" in err


# -- settings that speak up (9.8) ------------------------------------------------------------

def test_check_reports_unreadable_settings_and_unknown_key_ids(zvh: Run, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert zvh("init", "--data-dir", str(folder))[0] == 0
    (folder / "settings.json").write_text('{"idle_lock_minutes": 5,', encoding="utf-8")
    status, out, _err = zvh("check", "--data-dir", str(folder))
    assert status == 0
    assert "LET OP: Instellingen: Het instellingenbestand settings.json is niet gebruikt: " \
           "het is geen geldige JSON (regel 1)" in out

    (folder / "settings.json").write_text(
        json.dumps({"keymap": {"case.new": "ctrl+n", "app.partners": "f4"}}), encoding="utf-8")
    status, out, _err = zvh("check", "--data-dir", str(folder))
    assert "onbekende toets-id: 'case.new'; die toets is niet aangepast" in out  # app.partners is known


def test_the_documented_keymap_examples_use_real_binding_ids() -> None:
    root = Path(__file__).resolve().parents[2]
    import re

    texts = [(root / name).read_text(encoding="utf-8") for name in ("README.md", "screens.md")]
    texts.append(Path(config.__file__).read_text(encoding="utf-8"))
    examples = [m for text in texts for m in re.findall(r'"keymap": \{([^}]*)\}', text)]
    assert examples
    ids = [key for example in examples for key in re.findall(r'"([a-z_]+\.[a-z_]+)":', example)]
    assert ids and keymap.unknown_ids(dict.fromkeys(ids, "x")) == []


def test_an_unreadable_settings_file_is_kept_aside_before_it_is_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{kapot", encoding="utf-8")
    settings = config.load(path)
    assert settings.unreadable and config.notices(settings)
    config.save(path, settings)
    assert (tmp_path / "settings.json.onleesbaar").read_text(encoding="utf-8") == "{kapot"
    assert config.load(path).unreadable == ""


def test_dash_is_standard_input_and_output_for_the_partner_csv(
    zvh: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    folder = str(tmp_path / "p")
    assert zvh("init", "--data-dir", folder)[0] == 0
    csv_in = "Organisatie;Domein;Convenant\nReclassering Oost;straf;ja\n".encode("utf-8-sig")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(csv_in)))
    status, out, err = zvh("import-partners", "-", "--yes", "--data-dir", folder)
    assert status == 0, out + err
    assert "Ingelezen: 1 nieuwe" in out

    pipe = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(pipe))
    status, _out, err = zvh("export-partners", "-", "--data-dir", folder)
    assert status == 0, err
    assert "regels geschreven naar de standaarduitvoer" in err
    written = pipe.getvalue().decode("utf-8-sig")
    assert written.splitlines()[0].startswith("organisatie;domein") and "Reclassering Oost" in written


def test_echo_goes_off_before_any_heavy_import() -> None:
    """`zvh` starts in zvh_tui.start: only the standard library before the terminal is quiet."""
    import subprocess

    script = ("import sys, zvh_tui.start; heavy = {'textual', 'peewee', 'sqlcipher3', "
              "'platformdirs', 'rich', 'filelock', 'zvh_tui.cli.commands'} & set(sys.modules); "
              "print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    from importlib.metadata import entry_points

    [script_entry] = [e for e in entry_points(group="console_scripts") if e.name == "zvh"]
    assert script_entry.value == "zvh_tui.start:main"
