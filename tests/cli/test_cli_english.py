"""`zvh` in English (issue 17): the language is chosen before anything is printed — `--lang`,
then ZVH_LANG, then the profile's saved setting, then Dutch — and argparse's own texts, our
messages and the refusals of the layers below read in it.

Run in this process with `cli.main`, as in test_cli_conventions.py; tests/conftest.py removes
ZVH_LANG and sets Dutch back after every test.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from i18nkit import dutch_words_in

from zvh_tui.cli import commands as cli
from zvh_tui.cli import language
from zvh_tui.core import i18n

Run = Callable[..., tuple[int, str, str]]


def one_line(text: str) -> str:
    return " ".join(text.split())


def dutch_in(text: str, *allowed: str) -> list[str]:
    """The Dutch words of an English output; `--lang nl|en` (the language codes) allowed."""
    return dutch_words_in(text, allowed=["nl|en", "en (English)", *allowed])


# -- choosing the language ---------------------------------------------------------------------

def test_lang_en_prints_english(zvh: Run, tmp_path: Path) -> None:
    folder = tmp_path / "somewhere"
    status, out, _err = zvh("--lang", "en", "paths", "--data-dir", str(folder))
    assert status == 0
    text = one_line(out)
    for line in (f"Database: {folder / 'zvh.db'}", f"Settings: {folder / 'settings.json'}",
                 f"Backups: {folder / 'backups'}", f"Exports from the app: {folder / 'exports'}"):
        assert line in text
    labels = "\n".join(line.split(":")[0] for line in out.splitlines()[:6])
    assert dutch_in(labels) == []
    assert i18n.current() == "en"  # the app, started now, would read English (app.py)
    assert not folder.exists()


def test_lang_after_the_command_and_with_an_equals_sign(zvh: Run, tmp_path: Path) -> None:
    status, out, _err = zvh("paths", "--data-dir", str(tmp_path / "p"), "--lang=en")
    assert status == 0 and "Settings:" in out
    status, out, _err = zvh("paths", "--data-dir", str(tmp_path / "p"), "--lang", "nl")
    assert status == 0 and "Instellingen:" in out and i18n.current() == "nl"


def test_zvh_lang_in_the_environment(zvh: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "en")
    status, _out, err = zvh("export", "case")
    assert status == cli.EXIT_USAGE
    assert err.startswith("usage: zvh export case")
    assert "zvh export case: error: the following arguments are required: REFERENCE" in err
    assert "See 'zvh --help' or 'zvh COMMAND --help'." in err
    assert dutch_in(err) == []
    # --lang goes before ZVH_LANG
    status, _out, err = zvh("--lang", "nl", "export", "case")
    assert status == cli.EXIT_USAGE and "dit ontbreekt nog: KENMERK" in err


def test_the_saved_setting_decides_without_lang_or_environment(
    zvh: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    status, out, _err = zvh("paths", "--data-dir", str(folder))
    assert status == 0 and "Settings:" in out
    monkeypatch.setenv(i18n.ENV_LANG, "nl")  # ZVH_LANG goes before the setting
    status, out, _err = zvh("paths", "--data-dir", str(folder))
    assert "Instellingen:" in out
    monkeypatch.delenv(i18n.ENV_LANG)
    status, out, _err = zvh("--lang", "nl", "paths", "--data-dir", str(folder))
    assert "Instellingen:" in out


def test_dutch_without_any_choice(zvh: Run, tmp_path: Path) -> None:
    i18n.set_language("en")  # what an earlier run in this process chose does not stay
    status, out, _err = zvh("paths", "--data-dir", str(tmp_path / "p"))
    assert status == 0 and "Instellingen:" in out and i18n.current() == "nl"


@pytest.mark.parametrize("words", [["--lang", "fr"], ["--lang=klingon"], ["--lang"]],
                         ids=["fr", "equals", "no-value"])
def test_a_wrong_lang_is_refused_in_dutch_and_english(zvh: Run, words: list[str]) -> None:
    status, out, err = zvh(*words, "paths")
    assert status == cli.EXIT_USAGE and out == ""
    dutch, english = err.strip().splitlines()
    assert "is geen taal van zvh; kies nl (Nederlands) of en (English)." in dutch
    assert "is not a language of zvh; choose nl (Nederlands) or en (English)." in english
    assert english.startswith("zvh: --lang ")
    assert "Traceback" not in err


def test_a_wrong_zvh_lang_falls_back_to_dutch(zvh: Run, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "fr")
    status, out, _err = zvh("paths", "--data-dir", str(tmp_path / "p"))
    assert status == 0 and "Instellingen:" in out


def test_option_value_reads_the_command_line_as_argparse_would() -> None:
    assert language.option_value(["--lang", "en", "paths"], "--lang") == "en"
    assert language.option_value(["paths", "--lang=nl"], "--lang") == "nl"
    assert language.option_value(["--lang", "nl", "--lang", "en"], "--lang") == "en"
    assert language.option_value(["--lang"], "--lang") == ""
    assert language.option_value(["restore", "--", "--lang"], "--lang") is None
    assert language.option_value(["paths"], "--lang") is None


# -- help and usage errors: argparse in the chosen language ------------------------------------

def test_help_in_english(zvh: Run) -> None:
    status, out, _err = zvh("--lang", "en", "--help")
    assert status == 0
    usage = one_line(out.split("\n\n")[0])
    assert usage.startswith("usage: zvh ") and usage.endswith("[COMMAND ...]")
    assert "options:" in out and "show this help message and exit" in out
    assert "commands:" in out and "Export data to a file" in out
    assert "--lang nl|en" in out and "the language of zvh: nl (Nederlands) or en (English)" in one_line(out)
    assert dutch_in(out) == []
    status, out, _err = zvh("--lang", "en", "export", "case", "--help")
    assert status == 0
    assert "positional arguments:" in out and "REFERENCE" in out and "-o FILE" in out
    assert dutch_in(out) == []


def test_help_in_dutch(zvh: Run) -> None:
    status, out, _err = zvh("--lang", "nl", "--help")
    assert status == 0
    usage = one_line(out.split("\n\n")[0])
    assert usage.startswith("Gebruik: zvh ") and usage.endswith("[OPDRACHT ...]")
    assert "toon deze hulp en stop" in out and "--lang nl|en" in out
    assert "show this help" not in out and "usage:" not in out


@pytest.mark.parametrize("command", [
    ["exprot"], ["--bestaat-niet"], ["export", "case", "X", "--format", "xml"],
    ["demo", "--scale", "0"], ["demo", "--scale", "veel"],
    ["export", "log"],
], ids=lambda c: " ".join(c))
def test_usage_errors_in_english(zvh: Run, command: list[str]) -> None:
    status, _out, err = zvh("--lang", "en", *command)
    assert status == cli.EXIT_USAGE
    assert err.startswith("usage: zvh") and ": error: " in err
    assert dutch_in(err, "bestaat-niet", "veel") == []


def test_the_english_usage_errors_say_what_is_wrong(zvh: Run) -> None:
    assert "invalid choice: 'exprot'" in zvh("--lang", "en", "exprot")[2]
    assert "unrecognised arguments: --bestaat-niet" in zvh("--lang", "en", "--bestaat-niet")[2]
    assert "argument --scale: must be 1 or more" in zvh("--lang", "en", "demo", "--scale", "0")[2]
    assert "not a whole number: 'veel'" in zvh("--lang", "en", "demo", "--scale", "veel")[2]
    assert "one of the arguments --person --case is required" in zvh("--lang", "en", "export", "log")[2]


def test_argparse_texts_stay_inside_our_parser(zvh: Run) -> None:
    zvh("--lang", "en", "--help")
    zvh("--lang", "nl", "--help")
    plain = argparse.ArgumentParser(prog="other")
    assert plain.format_usage().startswith("usage: ")
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


# -- what the commands and the layers below print, in English ----------------------------------

def test_init_and_its_refusal_in_english(zvh: Run, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    status, out, err = zvh("--lang", "en", "init", "--data-dir", str(folder))
    assert status == 0, err
    assert f"New, empty profile 'new' made in {folder}." in out
    status, _out, err = zvh("--lang", "en", "init", "--data-dir", str(folder))
    assert status == cli.EXIT_REFUSED
    assert f"zvh: There is already a profile in {folder}; nothing has been changed." in err
    assert dutch_in(err) == []


def test_a_refusal_from_below_is_printed_in_english(zvh: Run, tmp_path: Path) -> None:
    """The demo's refusal (a `ZvhError` with a message id) reads in the language of the CLI."""
    folder = str(tmp_path / "demo")
    assert zvh("--lang", "en", "demo", "--data-dir", folder, "--scale", "1")[0] == 0
    status, _out, err = zvh("--lang", "en", "demo", "--data-dir", folder, "--scale", "1")
    assert status == cli.EXIT_REFUSED
    assert err.startswith("zvh: This profile already holds cases. Demo data are only loaded "
                          "into an empty profile")
    assert dutch_in(err) == []
    status, _out, err = zvh("--lang", "nl", "demo", "--data-dir", folder, "--scale", "1")
    assert status == cli.EXIT_REFUSED and "Dit profiel bevat al casussen." in err


def test_the_scale_summary_in_english(zvh: Run, tmp_path: Path) -> None:
    status, out, err = zvh("--lang", "en", "demo", "--data-dir", str(tmp_path / "d"), "--scale", "2")
    assert status == 0, err
    assert out.startswith("Scale data loaded: 2 cases, ")
    assert "(fictional data; " in out and "Retention period set to " in out
    assert dutch_in(out) == []


def test_a_wrong_passphrase_is_refused_in_english(
    zvh: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "p")
    assert zvh("init", "--data-dir", folder)[0] == 0
    monkeypatch.setenv("ZVH_PASSPHRASE", "not-the-passphrase-at-all")
    status, _out, err = zvh("--lang", "en", "backup", "--data-dir", folder)
    assert status == cli.EXIT_REFUSED
    assert "The passphrase is wrong, or the database file is damaged." in err


def test_check_prints_its_own_lines_in_english(zvh: Run, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert zvh("init", "--data-dir", str(folder))[0] == 0
    (folder / "settings.json").write_text('{"idle_lock_minutes": 5,', encoding="utf-8")
    status, out, _err = zvh("--lang", "en", "check", "--data-dir", str(folder))
    assert status == 0
    assert out.startswith("Check of profile 'p':")
    assert ("NOTE: Settings: The settings file settings.json has not been used: it is not valid "
            "JSON (line 1). The default settings apply.") in out
    assert out.rstrip().endswith("In order, but read what is under NOTE.")


def test_the_refusal_without_a_terminal_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    i18n.set_language("en")
    assert cli._refuse_without_terminal() == cli.EXIT_REFUSED  # pytest's streams are no terminal
    err = one_line(capsys.readouterr().err)
    assert err.startswith("zvh: the app only works in a terminal, and standard input")
    assert "standard error are redirected (to a file, a pipe or /dev/null)." in err
    assert dutch_in(err) == []


def test_the_export_refusal_on_a_terminal_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    from zvh_tui.core.errors import ZvhError

    i18n.set_language("en")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    with pytest.raises(ZvhError) as caught:
        cli.write_export("{}", None, i18n._("casus {reference}").format(reference="2026-0042"))
    assert str(caught.value).startswith(
        "The export of case 2026-0042 holds client data and is not shown on the screen.")


def test_the_dutch_option_words_have_english_aliases() -> None:
    args = cli.parse_arguments(["export", "minutes", "1", "--client", "--case", "2026-0001", "--yes"])
    assert args.client and args.casus == "2026-0001" and args.ja
    args = cli.parse_arguments(["export", "minutes", "1", "--full-minutes"])
    assert args.verslag
    args = cli.parse_arguments(["export", "plan", "2026-0001", "--without-covenant", "--basis", "x"])
    assert args.without_convenant and args.grondslag == "x"
    assert cli.parse_arguments(["check", "--accept"]).aanvaard
    assert cli.parse_arguments(["export", "plan", "2026-0001", "--ja"]).without_convenant
