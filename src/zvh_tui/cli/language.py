"""The language of the `zvh` command, chosen before anything is printed, and argparse in it.

The order (ARCHITECTURE.md, "Two languages"): `--lang nl|en`, then `ZVH_LANG`, then the
`language` of the profile's saved settings, then Dutch; the system locale never decides. The
command line is looked at before the parser is built (`choose`), so the parser's own help texts
(marked with `_()` where the parser is built) and everything printed after are in that language,
and so is the app when it starts (app.py reads `i18n.current()`).

argparse makes its own texts ("usage: ", "the following arguments are required: %s", …) with
`gettext` from its own module. `argparse_texts()` points argparse's `_` and `ngettext` at our
catalogue while our parser is built and used: each English text of argparse has a Dutch msgid
here (`ARGPARSE_TEXTS`, Python 3.10-3.13), translated into the language of the moment; a text
not in the table stays as argparse wrote it. Only for the parser's lifetime, never process-wide.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence

from zvh_tui.core import config, i18n, paths
from zvh_tui.core.i18n import N_, _

OPTION = "--lang"

# argparse's English texts -> our msgids (the Dutch wording); translated when argparse asks.
ARGPARSE_TEXTS = {
    "usage: ": N_("Gebruik: "),
    "positional arguments": N_("argumenten"),
    "options": N_("opties"),
    "optional arguments": N_("opties"),  # Python 3.9 and older
    "show this help message and exit": N_("toon deze hulp en stop"),
    "the following arguments are required: %s": N_("dit ontbreekt nog: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)":
        N_("ongeldige keuze: %(value)r (kies uit %(choices)s)"),
    "unrecognized arguments: %s": N_("onbekende argumenten: %s"),
    "argument %(argument_name)s: %(message)s": N_("%(argument_name)s: %(message)s"),
    "expected one argument": N_("hier hoort een waarde bij"),
    "expected at most one argument": N_("hier hoort hooguit één waarde bij"),
    "expected at least one argument": N_("hier hoort minstens één waarde bij"),
    "invalid %(type)s value: %(value)r": N_("ongeldige waarde: %(value)r"),
    "not allowed with argument %s": N_("niet samen met %s"),
    "one of the arguments %s is required": N_("geef een van deze op: %s"),
    "ambiguous option: %(option)s could match %(matches)s":
        N_("dubbelzinnige optie: %(option)s kan %(matches)s zijn"),
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        N_("onbekende opdracht %(parser_name)r (kies uit %(choices)s)"),
    "ignored explicit argument %r": N_("overbodige waarde %r"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: fout: %(message)s\n"),
}


def _argparse_gettext(message: str) -> str:
    known = ARGPARSE_TEXTS.get(message)
    return _(known) if known is not None else message


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return i18n.ngettext("hier hoort %s waarde bij", "hier horen %s waarden bij", count)
    return _argparse_gettext(singular if count == 1 else plural)


@contextlib.contextmanager
def argparse_texts() -> Iterator[None]:
    """argparse's own texts in the language of the moment while our parser is built and used."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _argparse_gettext, _argparse_ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class BadLanguage(ValueError):
    """`--lang` names no language zvh speaks (or has no value)."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def option_value(argv: Sequence[str], option: str) -> str | None:
    """The value of `option` on the command line (`--lang en`, `--lang=en`; the last one wins,
    as with argparse; "" when it has none), None when it is not given. Stops at `--`."""
    found: str | None = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == option:
            found = argv[index + 1] if index + 1 < len(argv) else ""
        elif word.startswith(option + "="):
            found = word[len(option) + 1:]
    return found


def _saved_settings(argv: Sequence[str]) -> config.Settings | None:
    """The settings of the profile the command line names (--data-dir, ZVH_DATA_DIR or the
    default folder); None when they cannot be read. Reading them writes nothing."""
    try:
        return config.load(paths.resolve(option_value(argv, "--data-dir") or None).settings_file)
    except Exception:  # a bad folder is refused later, in the chosen language
        return None


def choose(argv: Sequence[str]) -> str:
    """Decide the language and make it the process's; raise BadLanguage for a wrong `--lang`."""
    given = option_value(argv, OPTION)
    if given is not None and i18n.normalise(given) is None:
        raise BadLanguage(given)
    settings = None
    if given is None and i18n.from_environment() is None:
        settings = _saved_settings(argv)
    return i18n.set_language(config.language_of(settings, chosen=given))


def bad_language_message(value: str) -> str:
    """The refusal of a wrong `--lang`, in both languages (which one the user reads is what is
    wrong), each on its own line."""
    lines = []
    for language in i18n.LANGUAGES:
        with i18n.using(language):
            lines.append(_("zvh: {option} {value!r} is geen taal van zvh; kies {nl} ({nl_name}) of "
                           "{en} ({en_name}).").format(
                option=OPTION, value=value, nl="nl", en="en",  # i18n: language codes
                nl_name=i18n.LANGUAGE_NAMES["nl"], en_name=i18n.LANGUAGE_NAMES["en"]))  # i18n: codes
    return "\n".join(lines)


def refuse_bad_language(error: BadLanguage) -> None:
    print(bad_language_message(error.value), file=sys.stderr)
