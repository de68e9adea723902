"""The `zvh` command: start the app, or run one subcommand without the user interface.

Every subcommand is one function `run_<name>(args, profile) -> int`, registered once in
`COMMANDS` at the bottom of this file with its arguments; nested commands (`export case`) are
written as a path. Adding `zvh backup` is: write `run_backup`, add one `Command(...)` line.

All commands open the profile the same way (`open_profile`): the passphrase from
`--passphrase-fd N`, `ZVH_PASSPHRASE` or standard input when that is no terminal, else asked on
the terminal. Only `zvh` (the app), `zvh init` and `zvh demo` may create a profile
(`Command.may_create`); every other command refuses on a folder without one and writes nothing
there. Everything is printed in the language chosen before the parser is built (cli/language.py:
`--lang`, ZVH_LANG, the saved setting, Dutch). Exit status (README, "Exit status"): 0 done, 1
`check` found problems, 2 refused (a `ZvhError`, its message says why), 64 a usage error
(argparse's, in the chosen language; also a wrong `--lang`), 70 an
unexpected error (the crash module's short message and an error id), 130 interrupted, 141 the
reader of a pipe stopped early (`zvh check | head -1`, quietly). Never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import math
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import zvh_tui
from zvh_tui.cli import language
from zvh_tui.core import crash, i18n, paths, terminal
from zvh_tui.core.errors import NoProfile, WrongPassphrase, ZvhError
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.services.safety.profile import ENV_PASSPHRASE, Profile

EXIT_OK = 0
EXIT_PROBLEMS = 1  # `check` found something wrong
EXIT_REFUSED = 2  # a ZvhError: the message says what to do
EXIT_USAGE = 64  # EX_USAGE: the command line itself is wrong (argparse's message)
EXIT_CRASH = crash.EXIT_STATUS  # 70, EX_SOFTWARE: an unexpected error, see the log by its id
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, as other tools: `zvh check | head -1`
PROMPT_ATTEMPTS = 3

Runner = Callable[[argparse.Namespace, Profile], int]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


@dataclass(frozen=True)
class Command:
    """One subcommand: its words on the command line, help text, arguments and function."""

    path: tuple[str, ...]  # ("export", "case") for `zvh export case`
    help: str  # marked with N_(), translated when the parser is built
    run: Runner
    arguments: Callable[[argparse.ArgumentParser], None] = field(default=_no_arguments)
    needs_profile: bool = True  # unlock the profile before `run`
    may_create: bool = False  # ... or create it when there is none (only `zvh`, init, demo)


# -- opening the profile --------------------------------------------------------------------
def _read_line(fd: int) -> str:
    """One line from a file descriptor (a pipe, `--passphrase-fd`), without its line end."""
    data = bytearray()
    try:
        while not data.endswith(b"\n"):
            chunk = os.read(fd, 1)
            if not chunk:
                break
            data += chunk
    except OSError:
        raise ZvhError(_("Het wachtwoord kan niet worden gelezen (bestandsnummer {fd}).").format(fd=fd)) from None
    try:
        line = data.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise ZvhError(_("Het wachtwoord is geen geldige UTF-8-tekst.")) from None
    if not line:
        raise ZvhError(_("Geen wachtwoord ingevoerd."))
    return line


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # closed
        return False


def _ask(prompt: str) -> str:
    """The passphrase from the terminal (no echo), or one line of standard input from a pipe.

    Read ourselves from a pipe: getpass would warn in English (GetPassWarning) and echo.
    """
    if not _stdin_is_terminal():
        return _read_line(0)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise ZvhError(_("Geen wachtwoord ingevoerd.")) from None


def _wait_for_next_try(profile: Profile) -> None:
    """After a wrong passphrase (this run or an earlier one) the next try waits 1, 2, 4 … 30 s."""
    wait = profile.unlock_delay.remaining()
    if wait > 0:
        print(_("Na een fout wachtwoord wacht zvh {seconds} s voor de volgende poging.").format(
            seconds=math.ceil(wait)), file=sys.stderr)
        time.sleep(wait)


def given_passphrase(passphrase_fd: int | None) -> str | None:
    """A passphrase handed over by a script: `--passphrase-fd N`, then ZVH_PASSPHRASE."""
    if passphrase_fd is not None:
        return _read_line(passphrase_fd)
    return os.environ.get(ENV_PASSPHRASE) or None


def open_profile(profile: Profile, *, create: bool = False,
                 passphrase_fd: int | None = None) -> None:
    """Unlock the profile; create it only when `create` and there is none (and may be one).

    Refusals come before anything is written: a mistyped `--data-dir` leaves nothing behind.
    """
    if profile.unlocked:
        return
    if not create:
        profile.require_existing()
    _wait_for_next_try(profile)  # ZVH_PASSPHRASE too: one guess per run is no way round it
    given = given_passphrase(passphrase_fd)
    if given is not None:
        profile.open_with(given, create=create)
        return
    if not profile.exists:
        refusal = profile.creation_refusal()
        if refusal is not None:
            raise refusal
        print(
            _("Nieuw profiel '{name}': kies een wachtwoordzin van minstens 8 tekens.").format(
                name=profile.name),
            file=sys.stderr,
        )
        first = _ask(_("Nieuw wachtwoord: "))
        repeated = _ask(_("Herhaal het wachtwoord: ")) if _stdin_is_terminal() else first
        profile.create(first, repeated)
        return
    profile.acquire()
    attempts = PROMPT_ATTEMPTS if _stdin_is_terminal() else 1  # a pipe holds one passphrase
    for attempt in range(1, attempts + 1):
        try:
            profile.unlock(_ask(_("Wachtwoord voor profiel '{name}': ").format(name=profile.name)))
            return
        except WrongPassphrase as error:
            if attempt == attempts:
                raise
            print(error, file=sys.stderr)
            _wait_for_next_try(profile)


def write_export(text: str, output: str | None, what: str) -> None:
    """Write an export to a file (mode 0600) or to a pipe; never onto the terminal screen.

    An export holds client data unencrypted: on a terminal it would stay in the scrollback.
    `what` names the export, translated ("casus 2026-0042").
    """
    if output is None or output == "-":
        if sys.stdout.isatty():
            raise ZvhError(_(
                "De export van {what} bevat cliëntgegevens en wordt niet op het scherm getoond. "
                "Geef een bestand op met -o BESTAND, of stuur de uitvoer door naar een bestand."
            ).format(what=what))
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    path = Path(output).expanduser()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        if hasattr(os, "fchmod"):  # POSIX; on Windows the file has the folder's rights
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as error:
        raise ZvhError(_("Het bestand {path} kan niet worden geschreven: {reason}.").format(
            path=path, reason=error.strerror)) from None
    print(
        _("Export van {what} geschreven naar {path}. Let op: dit bestand is niet versleuteld.").format(
            what=what, path=path),
        file=sys.stderr,
    )


# -- the subcommands ------------------------------------------------------------------------
STREAMS = (("stdin", N_("de standaardinvoer")), ("stdout", N_("de standaarduitvoer")),
           ("stderr", N_("de standaardfoutuitvoer")))


def _not_terminals() -> list[str]:
    """The names of the standard streams that are no terminal (a file, a pipe, none), translated."""
    found = []
    for attribute, name in STREAMS:
        stream = getattr(sys, attribute)
        try:
            if stream is None or not stream.isatty():
                found.append(_(name))
        except ValueError:  # a closed stream
            found.append(_(name))
    return found


def _refuse_without_terminal() -> int | None:
    """The app draws client data on the screen: never into a file or pipe (issue 9.6).

    The refusal goes to a stream that is a terminal, else to standard error; exit status 2.
    """
    redirected = _not_terminals()
    if not redirected:
        return None
    from babel.lists import format_list

    names = format_list(redirected, locale=i18n.babel_locale())  # "a, b en c" / "a, b and c"
    message = ngettext(
        "zvh: de app werkt alleen in een terminal, en {names} is "
        "omgeleid (naar een bestand, een pipe of /dev/null). Zo komt het scherm, met "
        "cliëntgegevens, nooit in een bestand terecht. Start 'zvh' zonder omleiding, of gebruik "
        "een opdracht zonder scherm (zie 'zvh --help').",
        "zvh: de app werkt alleen in een terminal, en {names} zijn "
        "omgeleid (naar een bestand, een pipe of /dev/null). Zo komt het scherm, met "
        "cliëntgegevens, nooit in een bestand terecht. Start 'zvh' zonder omleiding, of gebruik "
        "een opdracht zonder scherm (zie 'zvh --help').",
        len(redirected),
    ).format(names=names)
    for attribute in ("stderr", "stdout"):
        stream = getattr(sys, attribute)
        with contextlib.suppress(ValueError, OSError, AttributeError):
            if stream.isatty():
                print(message, file=stream)
                return EXIT_REFUSED
    with contextlib.suppress(ValueError, OSError, AttributeError):
        print(message, file=sys.stderr)
    return EXIT_REFUSED


class _Opening:
    """Work in a thread while the main thread goes on; `result()` waits and raises its error."""

    def __init__(self, job: Callable[[], None]) -> None:
        import threading

        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(job,), name="zvh-open", daemon=True)
        self._thread.start()

    def _run(self, job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as exc:  # handed to the main thread by result()
            self._error = exc

    def result(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


def run_app(args: argparse.Namespace, profile: Profile) -> int:
    """No subcommand: start the app (unlocked already when a passphrase was handed over)."""
    refused = _refuse_without_terminal()
    if refused is not None:
        return refused
    given = given_passphrase(args.passphrase_fd)
    if given is not None:
        # The quick check runs in a thread while the app starts; writes wait for it, and the
        # app locks and says so when it fails (services/safety/profile.py, issue 16). The key
        # derivation (about 0.3 s, outside the interpreter lock) runs while the app is imported.
        profile.check_later = True
        opening = _Opening(lambda: profile.open_with(given, create=True))  # may make a profile
        from zvh_tui.app import ZvhApp

        opening.result()
    else:
        profile.acquire()  # a second instance is refused before the screen is taken over
        from zvh_tui.app import ZvhApp

    app = ZvhApp(profile, typed_ahead=terminal.take_typed_ahead())
    app.run()
    return app.return_code or EXIT_OK


def _meeting_live_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="N", type=_int_from(1),
                        help=_("het nummer van het overleg (zie 'zvh meeting list')"))


def live_meeting_refusal(meeting_id: int) -> ZvhError | None:
    """Why meeting `meeting_id` cannot go live (unknown, closed); None when it can."""
    from zvh_tui.core.vocab import MeetingStatus
    from zvh_tui.services.meetings import meeting as meetings

    try:
        found = meetings.get_meeting(meeting_id)
    except ZvhError as error:
        return error
    if found.status == MeetingStatus.CLOSED.value:
        return ZvhError(_("Overleg {number} is al gesloten; een gesloten overleg gaat niet "
                          "opnieuw live. Plan een nieuw overleg met 'zvh meeting new'.").format(
                              number=meeting_id))
    return None


def run_meeting_live(args: argparse.Namespace, profile: Profile) -> int:
    """`zvh meeting live N`: the app, straight in the live mode of meeting N after unlock.

    With a passphrase handed over (ZVH_PASSPHRASE, --passphrase-fd) an unknown or closed meeting
    is refused before the app starts; otherwise the unlock screen comes first and the live
    screen says so itself after unlocking."""
    profile.require_existing()
    if args.passphrase_fd is not None or os.environ.get(ENV_PASSPHRASE):
        open_profile(profile, passphrase_fd=args.passphrase_fd)  # waits after a wrong one too
        refusal = live_meeting_refusal(args.number)
        if refusal is not None:
            raise refusal
    refused = _refuse_without_terminal()
    if refused is not None:
        return refused
    if not profile.unlocked:
        profile.acquire()  # a second instance is refused before the screen is taken over
    from zvh_tui.app import ZvhApp

    app = ZvhApp(profile, typed_ahead=terminal.take_typed_ahead(), start_meeting=args.number)
    app.run()
    return app.return_code or EXIT_OK


def run_init(args: argparse.Namespace, profile: Profile) -> int:
    """A new, empty profile: the passphrase twice on the terminal, or handed over by a script."""
    if profile.exists:
        raise ZvhError(_("Er is al een profiel in {folder}; er is niets veranderd.").format(
            folder=profile.paths.data))
    open_profile(profile, create=True, passphrase_fd=args.passphrase_fd)
    print(_("Nieuw, leeg profiel '{name}' gemaakt in {folder}.").format(
        name=profile.name, folder=profile.paths.data))
    return EXIT_OK


def run_paths(args: argparse.Namespace, profile: Profile) -> int:
    """Where this profile keeps its files; no passphrase needed, nothing is created."""
    where = profile.paths
    rows = [
        (_("Database"), where.database),
        (_("Instellingen"), where.settings_file),
        (_("Logboek (technisch)"), where.log_file),
        (_("Back-ups"), where.backups),
        (_("Exports uit de app"), where.exports),
        (_("Status (vergrendeling, ui)"), where.state),
    ]
    width = max(len(label) for label, _path in rows)
    for label, path in rows:
        print(f"{label + ':':<{width + 1}} {path}")
    if not profile.exists:
        print(_("Let op: {problem}").format(problem=profile.missing()))
    return EXIT_OK


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scale", type=_positive_int, default=None, metavar="N",
        help=_("maak N casussen met generatorgegevens (voor tests en metingen) in plaats van de "
               "handgeschreven demo"),
    )


def run_demo(args: argparse.Namespace, profile: Profile) -> int:
    from zvh_tui.demo.builder import load_demo
    from zvh_tui.services.shared import identity

    identity.use_demo_identity(profile)  # a fictional regisseur, unless a name is set already

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            line = ngettext("Demogegevens maken: {done} van {n} casus",
                            "Demogegevens maken: {done} van {n} casussen", total).format(
                done=i18n.format_number(done), n=i18n.format_number(total))
            print(f"\r{line}", end="", file=sys.stderr)

    summary = load_demo(args.scale, progress, profile)  # with the demo's bewaartermijn
    if args.scale and sys.stderr.isatty():
        print(file=sys.stderr)
    print(summary)
    return EXIT_OK


def _output_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar=_("BESTAND"),
                        help=_("schrijf naar dit bestand (0600); - is de standaarduitvoer"))


def _reference_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference", metavar=_("KENMERK"),
                        help=_("het kenmerk van de casus, bv. 2026-0042"))


def _export_case_arguments(parser: argparse.ArgumentParser) -> None:
    _reference_argument(parser)
    parser.add_argument("--format", choices=["json"], default="json", help=_("uitvoerformaat (json)"))
    _output_argument(parser)


def run_export_case(args: argparse.Namespace, profile: Profile) -> int:
    from zvh_tui.services.cases.export import export_case_json

    write_export(export_case_json(args.reference), args.output,
                 _("casus {reference}").format(reference=args.reference))
    return EXIT_OK


def _export_plan_arguments(parser: argparse.ArgumentParser) -> None:
    _reference_argument(parser)
    parser.add_argument("--format", choices=["md", "html"], default="md",
                        help=_("Markdown (md) of HTML om af te drukken (html)"))
    parser.add_argument("--partner", metavar=_("NAAM"),
                        help=_("alleen de versie voor deze partner (eigen acties en afspraken)"))
    parser.add_argument("--zonder-convenant", "--ja", "--without-covenant", action="store_true",  # i18n: option words
                        dest="without_convenant",
                        help=_("bevestig dat u het plan ook verstrekt aan een partner die het "
                               "privacyconvenant niet heeft getekend (--ja, zoals bij export minutes)"))
    parser.add_argument("--grondslag", "--basis", metavar=_("TEKST"),  # i18n: the option's word
                        help=_("de grondslag van de verstrekking (standaard: die van de check op "
                               "bekendheid, anders het convenant)"))
    _output_argument(parser)


def run_export_plan(args: argparse.Namespace, profile: Profile) -> int:
    """The newest plan van aanpak of a case as Markdown or HTML, whole or for one partner; each
    export is recorded in the verstrekkingenlog."""
    from zvh_tui.services.plans.plan_export import export_plan

    text = export_plan(args.reference, args.format, args.partner, confirmed=args.without_convenant,
                       basis=args.grondslag, language=i18n.current())
    write_export(text, args.output, _("het plan van casus {reference}").format(reference=args.reference))
    return EXIT_OK


def _export_minutes_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", metavar="N", help=_("het nummer van het overleg"))
    parser.add_argument("--format", choices=["md", "html", "ics"], default="md",
                        help=_("Markdown (md), HTML om af te drukken (html) of een agenda (ics)"))
    audience = parser.add_mutually_exclusive_group()
    audience.add_argument("--verslag", "--full-minutes", action="store_true",  # i18n: the option's word
                          help=_("het volledige verslag (blijft bij het ZVH)"))
    audience.add_argument("--partner", metavar=_("NAAM"),
                          help=_("het blad voor deze partner (alleen wat haar aangaat)"))
    audience.add_argument("--client", action="store_true", help=_("de versie voor de cliënt, in gewone taal"))
    parser.add_argument("--casus", "--case", metavar=_("KENMERK"),  # i18n: the option's word
                        help=_("bij --client: welke casus, als het overleg er meer had"))
    parser.add_argument("--ja", "--yes", action="store_true",  # i18n: the option's word
                        help=_("bevestig het blad voor een partner zonder convenant (alleen dat-informatie)"))
    _output_argument(parser)


def run_export_minutes(args: argparse.Namespace, profile: Profile) -> int:
    """The minutes of a meeting; without a choice the besluitenlijst."""
    from zvh_tui.services.meetings import minutes

    kind = (minutes.VERSLAG if args.verslag else minutes.PARTNER if args.partner is not None
            else minutes.CLIENT if args.client else minutes.DECISIONS)
    text = minutes.export_minutes(args.meeting, args.format, kind=kind, partner=args.partner,
                                  case_ref=args.casus, confirmed=args.ja, language=i18n.current())
    write_export(text, args.output, _("overleg {number}").format(number=args.meeting))
    return EXIT_OK


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--aanvaard", "--accept", action="store_true",  # i18n: the option's word
        help=_("werk verder met een database die achterloopt op haar anker (bv. na een verloren "
               "zvh.db-wal, als geen back-up meer bevat); dit wordt in het logboek vastgelegd"),
    )


def run_check(args: argparse.Namespace, profile: Profile) -> int:
    """Print what services/safety/integrity.py finds: the database file, the encryption, the audit
    log (triggers, keyed chain, anchor outside the database), file modes and backups."""
    from zvh_tui.services.safety import integrity

    # A database behind its anchor is opened here to be reported, without writing to it
    # (or, with --aanvaard, to go on with it); every other command refuses to open it.
    profile.anchor_mode = "accept" if args.aanvaard else "inspect"
    open_profile(profile, passphrase_fd=args.passphrase_fd)
    report = integrity.check(profile)
    print(_("Controle van profiel '{name}':").format(name=profile.name))
    for line in report.lines():
        print(f"  {line}.")
    warnings = sum(finding.warning for finding in report.findings)
    warnings += _print_settings_findings(profile)
    if not report.ok:
        print(_("Er zijn problemen gevonden. Zet zo nodig de nieuwste back-up terug."))
        if report.backup is not None:
            print(integrity.restore_hint(report.backup))
        return EXIT_PROBLEMS
    print(_("In orde, maar lees wat onder LET OP staat.") if warnings else _("Alles in orde."))
    return EXIT_OK


def _print_settings_findings(profile: Profile) -> int:
    """An unreadable settings.json or an unknown key id (issue 9.8): a warning, never silence."""
    from zvh_tui import keymap

    notices = keymap.settings_notices(profile.settings)
    if not notices:
        print("  " + _("Instellingen: in orde."))
    for text in notices:
        print("  " + _("LET OP: Instellingen: {notice}").format(notice=text))
    return len(notices)


class _VersionAction(argparse.Action):
    """`--version`: the line is made only when asked (the metadata costs time at every start)."""

    def __call__(self, parser, _namespace, _values, _option_string=None) -> None:
        print(version_line())  # on standard output, as `zvh version` (parser.exit would use stderr)
        parser.exit()


def version_line() -> str:
    """The one version line of `zvh version` and `zvh --version` (from the package metadata)."""
    from importlib import metadata

    try:
        textual_version = metadata.version("textual")
    except metadata.PackageNotFoundError:  # pragma: no cover - textual is a dependency
        textual_version = "?"
    return f"zvh-tui {zvh_tui.__version__} (Python {platform.python_version()}, Textual {textual_version})"


def run_version(args: argparse.Namespace, profile: Profile) -> int:
    print(version_line())
    return EXIT_OK


def _int_from(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum`, refused otherwise (in the
    language of the moment)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(_("geen geheel getal: {text!r}").format(text=text)) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(_("moet {minimum} of meer zijn").format(minimum=minimum))
        return value

    return parse


_positive_int = _int_from(1)
_fd_number = _int_from(0)  # a file descriptor (--passphrase-fd)


# -- backups, restore and the audit log (issue 6) ---------------------------------------------
def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", metavar=_("MAP"), type=Path, default=None,
                        help=_("schrijf de back-up in deze map (bv. een usb-stick) in plaats van "
                               "in de back-upmap van het profiel"))


def run_backup(args: argparse.Namespace, profile: Profile) -> int:
    """A verified, encrypted backup (same passphrase as the profile)."""
    from zvh_tui.services.safety import backup

    made = backup.make_backup(profile, to_dir=args.to)
    size = made.info.size / 1_000_000
    print(_("Back-up gemaakt en gecontroleerd: {path} ({size} MB, {seconds} s). Versleuteld met "
            "het wachtwoord van het profiel.").format(
        path=made.info.path, size=f"{size:.1f}", seconds=f"{made.seconds:.1f}"))
    if made.removed:
        print(ngettext("{n} oudere back-up opgeruimd; er worden er {kept} bewaard.",
                       "{n} oudere back-ups opgeruimd; er worden er {kept} bewaard.",
                       len(made.removed)).format(n=len(made.removed),
                                                 kept=profile.settings.backup_generations))
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar=_("BESTAND"), type=Path, help=_("het back-upbestand"))


PASSPHRASE_OF_BACKUP_NOTICE = N_(
    "Let op: deze back-up is versleuteld met een ander wachtwoord dan de database die er stond "
    "(gemaakt vóór een wachtwoordwijziging). Vanaf nu opent het profiel met het wachtwoord van "
    "de back-up, dat u zojuist gebruikte; het latere wachtwoord werkt niet meer. Wijzig het "
    "wachtwoord zo nodig opnieuw."
)


def run_restore(args: argparse.Namespace, profile: Profile) -> int:
    """Put a backup back as the profile's database (the current one is kept aside)."""
    from zvh_tui.services.safety import backup

    if not profile.paths.data.is_dir():  # a mistyped --data-dir: create nothing
        raise NoProfile(_(
            "De map {folder} bestaat niet; is ze goed gespeld (--data-dir)? Er is "
            "niets aangemaakt. Zet u een back-up terug op een nieuwe computer, maak de map dan "
            "eerst aan en geef de opdracht opnieuw."
        ).format(folder=profile.paths.data))
    profile.acquire()  # refused while the app has this profile open
    passphrase = given_passphrase(args.passphrase_fd) or _ask(
        _("Wachtwoord van de back-up voor profiel '{name}': ").format(name=profile.name))
    from zvh_tui.store.database import opens_with

    # A backup from before a passphrase change brings its own passphrase back (issue 10.7).
    other_passphrase = opens_with(profile.paths.database, passphrase) is False
    result = backup.restore(profile, args.file, passphrase)
    print(_("Back-up teruggezet: {name}.").format(name=result.restored_from.name))
    if other_passphrase:
        print(_(PASSPHRASE_OF_BACKUP_NOTICE))
    if result.replaced is not None:
        print(_("De database die er stond is bewaard als {path} (versleuteld).").format(
            path=result.replaced))
    if result.log_carried is None:
        print(_("Let op: het logboek van na de back-up kon niet uit de oude database worden "
                "overgenomen; het staat nog in dat bewaarde bestand."))
    return EXIT_OK


def _export_log_arguments(parser: argparse.ArgumentParser) -> None:
    subject = parser.add_mutually_exclusive_group(required=True)
    subject.add_argument("--person", metavar=_("NUMMER"), type=_positive_int,
                         help=_("het logboek van deze betrokkene (inzageverzoek)"))
    subject.add_argument("--case", metavar=_("KENMERK"), help=_("het logboek van deze casus"))
    _output_argument(parser)


def run_export_log(args: argparse.Namespace, profile: Profile) -> int:
    """The audit log (NEN 7513) of one person or case as JSON, for an access request."""
    from zvh_tui.services.safety import audit_log
    from zvh_tui.services.shared import disclosure

    text = audit_log.export_json(person_id=args.person, case_ref=args.case)
    what = (_("het logboek van {person}").format(person=disclosure.person_number(args.person))
            if args.person is not None
            else _("het logboek van casus {reference}").format(reference=args.case))
    write_export(text, args.output, what)
    return EXIT_OK


def _import_partners_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar=_("BESTAND"),
                        help=_("CSV-bestand zoals Excel het opslaat (; of , als scheiding); "
                               "- is de standaardinvoer"))
    parser.add_argument("-y", "--yes", action="store_true",
                        help=_("niet om bevestiging vragen: meteen inlezen als het bestand in orde is"))


def run_import_partners(args: argparse.Namespace, profile: Profile) -> int:
    """Organisations and contacts from a CSV file: show the preview, confirm, all or nothing."""
    from zvh_tui.services.partners import partner_csv

    data = None
    if args.file == "-":  # standard input, read once for the preview and the import
        data = sys.stdin.buffer.read(partner_csv.MAX_BYTES + 1)
        if not args.yes:
            raise ZvhError(_("Bij inlezen van standaardinvoer (-) is --yes nodig: de invoer "
                             "kan niet ook nog de bevestiging geven."))
    preview = partner_csv.import_partners(args.file, data=data)
    if not preview.ok:
        print(partner_csv.format_preview(preview), file=sys.stderr)
        return EXIT_REFUSED
    print(partner_csv.format_preview(preview))
    if not preview.changes:
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            raise ZvhError(_("Bevestig het inlezen met --yes (er is geen terminal om het te vragen)."))
        try:
            answer = input(_("Inlezen? [j/N] "))
        except EOFError:
            answer = ""
        if answer.strip().lower() not in {"j", "ja", "y", "yes"}:  # i18n: answers the user types
            print(_("Niets veranderd."))
            return EXIT_OK
    result = partner_csv.import_partners(args.file, apply=True, data=data)
    if not result.ok:
        print(partner_csv.format_preview(result), file=sys.stderr)
        return EXIT_REFUSED
    print(result.summary())
    return EXIT_OK


def _export_partners_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar=_("BESTAND"),
                        help=_("het CSV-bestand om te schrijven; - is de standaarduitvoer"))


def run_export_partners(args: argparse.Namespace, profile: Profile) -> int:
    """The partner roster as CSV for Excel (; and UTF-8 with BOM, Dutch headers)."""
    from zvh_tui.services.partners import partner_csv

    if args.file == "-":
        if sys.stdout.isatty():
            raise ZvhError(_("Geef een bestand op, of stuur de uitvoer (-) door naar een bestand "
                             "of programma; de CSV wordt niet op het scherm getoond."))
        rows = partner_csv.export_to_stream(sys.stdout.buffer)
        print(ngettext("{n} regel geschreven naar de standaarduitvoer.",
                       "{n} regels geschreven naar de standaarduitvoer.", rows).format(n=rows),
              file=sys.stderr)
        return EXIT_OK
    rows = partner_csv.export_partners(args.file)
    print(ngettext("{n} regel geschreven naar {path} (CSV met ; en UTF-8 voor Excel).",
                   "{n} regels geschreven naar {path} (CSV met ; en UTF-8 voor Excel).", rows).format(
        n=i18n.format_number(rows), path=Path(args.file).expanduser()))
    return EXIT_OK


# -- meetings (issue 13.7) ---------------------------------------------------------------------
def _meeting_new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", metavar=_("SOORT"), required=True,
                        help=_("soort overleg, een van de namen in Instellingen (bv. MDO, ICO)"))
    parser.add_argument("--date", metavar=_("DATUM"), required=True,
                        help=_("datum: 15-12-2026, 15-12, vr, +1w …"))
    parser.add_argument("--time", metavar=_("UU:MM"), required=True, help=_("begintijd, bv. 09:30"))
    parser.add_argument("--location", metavar=_("TEKST"), default="", help=_("waar (of: online)"))
    parser.add_argument("--online", action="store_true", help=_("het overleg is online"))
    parser.add_argument("--chair", metavar=_("NAAM"), default="", help=_("de voorzitter"))
    parser.add_argument("--notulist", metavar=_("NAAM"), default="", help=_("wie notuleert"))
    parser.add_argument("--case", metavar=_("KENMERK"), action="append", required=True,
                        dest="cases", help=_("een casus op de agenda (herhaal voor meer casussen, "
                                             "in deze volgorde)"))


def run_meeting_new(args: argparse.Namespace, profile: Profile) -> int:
    """Plan a meeting with its agenda, all or nothing; prints only the meeting's number."""
    from zvh_tui.services.meetings import meeting as meetings

    planned = meetings.plan_meeting(
        args.kind, args.date, args.cases, kinds=profile.settings.meeting_types,
        start_time=args.time, location=args.location, online=args.online, chair=args.chair,
        notulist=args.notulist)
    print(planned.id)
    return EXIT_OK


def run_meeting_list(args: argparse.Namespace, profile: Profile) -> int:
    """Coming and earlier meetings with the numbers of the cases on their agenda: no names,
    no free text (title, place), as the list may be pasted into an e-mail."""
    from zvh_tui.core.vocab import MeetingStatus
    from zvh_tui.services.meetings import meeting as meetings
    from zvh_tui.services.shared.text import visible

    for heading, found in ((_("Komende overleggen:"), meetings.upcoming()),
                           (_("Eerdere overleggen:"), meetings.past())):
        print(heading)
        if not found:
            print("  " + _("(geen)"))
        references = meetings.references_of(found)
        for meeting in found:
            cells = [f"{meeting.id:>5}", meetings.when(meeting).ljust(19), visible(meeting.kind),
                     MeetingStatus.label_of(meeting.status)]
            if meeting.online:  # the place and title are free text: left out, as names may be in it
                cells.append(_("online"))
            cells.append(", ".join(references[meeting.id]) or _("geen casussen"))
            print("  " + "  ".join(cells))
    return EXIT_OK


# -- the command table: register new subcommands here ---------------------------------------
# The help texts are marked N_() and translated when the parser is built (the language is
# chosen by then).
START = Command((), N_("Start de app"), run_app, needs_profile=False, may_create=True)

GROUPS: dict[tuple[str, ...], str] = {
    ("export",): N_("Exporteer gegevens naar een bestand"),
    ("meeting",): N_("Overleggen plannen, tonen en live voorzitten"),
}

COMMANDS: tuple[Command, ...] = (
    Command(("init",), N_("Maak een nieuw, leeg profiel (wachtwoord twee keer)"), run_init,
            needs_profile=False),
    Command(("paths",), N_("Toon waar database, instellingen, logboek, back-ups en exports staan"),
            run_paths, needs_profile=False),
    Command(("demo",), N_("Vul het profiel met demogegevens (fictief)"), run_demo, _demo_arguments,
            may_create=True),
    Command(("export", "case"), N_("Exporteer één casus als JSON"), run_export_case,
            _export_case_arguments),
    Command(("export", "plan"), N_("Exporteer het plan van aanpak (Markdown of HTML)"),
            run_export_plan, _export_plan_arguments),
    Command(("export", "minutes"), N_("Exporteer de besluitenlijst, het verslag, een partnerblad, de "
            "cliëntversie of de agenda (ics) van een overleg"), run_export_minutes, _export_minutes_arguments),
    Command(("check",), N_("Controleer database, versleuteling en auditlog"), run_check,
            _check_arguments, needs_profile=False),
    Command(("version",), N_("Toon de versie"), run_version, needs_profile=False),
    Command(("backup",), N_("Maak een gecontroleerde, versleutelde back-up"), run_backup,
            _backup_arguments),
    Command(("restore",), N_("Zet een back-up terug (de huidige database wordt bewaard)"),
            run_restore, _restore_arguments, needs_profile=False),
    Command(("export", "log"), N_("Exporteer het logboek van een betrokkene of casus (JSON)"),
            run_export_log, _export_log_arguments),
    Command(("import-partners",), N_("Lees ketenpartners en contactpersonen in uit een CSV-bestand"),
            run_import_partners, _import_partners_arguments),
    Command(("export-partners",), N_("Exporteer de ketenpartners naar een CSV-bestand"),
            run_export_partners, _export_partners_arguments),
    Command(("meeting", "new"), N_("Plan een overleg met casussen op de agenda; toont alleen "
            "het nummer van het overleg"), run_meeting_new, _meeting_new_arguments),
    Command(("meeting", "list"), N_("Toon de komende en eerdere overleggen (casusnummers, geen "
            "namen)"), run_meeting_list),
    Command(("meeting", "live"), N_("Start de app direct in de live-modus van overleg N"),
            run_meeting_live, _meeting_live_arguments, needs_profile=False),
)


# -- parsing ----------------------------------------------------------------------------------
# argparse's own texts are translated by cli/language.py (`language.argparse_texts()`).


class _Parser(argparse.ArgumentParser):
    """argparse in the chosen language, usage errors as exit status 64, the command optional."""

    def __init__(self, *args: object, optional_command: bool = False, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._optional_command = optional_command
        self._positionals.title = _("argumenten")
        self._optionals.title = _("opties")
        self.add_argument("-h", "--help", action="help", help=_("toon deze hulp en stop"))

    def _mark_optional(self, text: str) -> str:
        """`zvh` alone starts the app: show the command as optional in the usage line."""
        if self._optional_command:
            metavar = _(COMMAND_METAVAR)
            return text.replace(f" {metavar} ...", f" [{metavar} ...]", 1)
        return text

    def format_usage(self) -> str:
        with language.argparse_texts():
            return self._mark_optional(super().format_usage())

    def format_help(self) -> str:
        with language.argparse_texts():
            return self._mark_optional(super().format_help())

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: fout: {message}").format(prog=self.prog, message=message)
                  + "\n" + _("Zie 'zvh --help' of 'zvh OPDRACHT --help'.") + "\n")


COMMAND_METAVAR = N_("OPDRACHT")


def _common_options() -> argparse.ArgumentParser:
    """Accepted before and after the subcommand (SUPPRESS: no default clash)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar=_("MAP"), default=argparse.SUPPRESS,
        help=_("gebruik het profiel in deze map (ook: {env})").format(env=paths.ENV_DATA_DIR),
    )
    common.add_argument(
        "--passphrase-fd", metavar="N", type=_fd_number, default=argparse.SUPPRESS,
        help=_("lees het wachtwoord (één regel) van bestandsnummer N, zoals gpg; voor scripts"),
    )
    common.add_argument(
        language.OPTION, metavar="nl|en", dest="lang", default=argparse.SUPPRESS,  # i18n: codes
        help=_("de taal van zvh: {nl} ({nl_name}) of {en} ({en_name}); ook: {env}, anders de "
               "instelling van het profiel, anders Nederlands").format(
            nl="nl", en="en", nl_name=i18n.LANGUAGE_NAMES["nl"], en_name=i18n.LANGUAGE_NAMES["en"],  # i18n: codes
            env=i18n.ENV_LANG),
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The parser, with its texts in the language of the moment (chosen before: `main`)."""
    with language.argparse_texts():
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = _Parser(
        prog="zvh",
        description=_("zvh-tui: procesregie voor Zorg- en Veiligheidshuizen. "
                      "Zonder opdracht start de app."),
        parents=[common],
        optional_command=True,
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help=_("toon de versie en stop"))
    subparsers = {(): parser.add_subparsers(title=_("opdrachten"), metavar=_(COMMAND_METAVAR))}

    def group(path: tuple[str, ...]) -> argparse._SubParsersAction:
        if path not in subparsers:
            text = _(GROUPS[path]) if path in GROUPS else ""
            owner = group(path[:-1]).add_parser(
                path[-1], help=text, description=text, parents=[common],
            )
            subparsers[path] = owner.add_subparsers(title=_("opdrachten"), metavar=_(COMMAND_METAVAR),
                                                    required=True)
        return subparsers[path]

    for command in COMMANDS:
        sub = group(command.path[:-1]).add_parser(
            command.path[-1], help=_(command.help), description=_(command.help), parents=[common]
        )
        command.arguments(sub)
        sub.set_defaults(command=command)
    return parser


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = build_parser()
    with language.argparse_texts():
        args = parser.parse_args(argv)
    args.passphrase_fd = getattr(args, "passphrase_fd", None)
    return args


# -- entry point ------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    paths.secure_process()
    words = list(sys.argv[1:] if argv is None else argv)
    try:  # the language first: everything printed from here on is in it, the app too
        language.choose(words)
    except language.BadLanguage as bad:
        language.refuse_bad_language(bad)
        return EXIT_USAGE
    try:
        args = parse_arguments(words)
    except SystemExit as exit_:  # --help, or a usage error already explained by argparse
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except BrokenPipeError:  # `zvh --help | head -1`
        return _pipe_closed()
    command: Command = getattr(args, "command", START)
    if command is not START:
        terminal.release_echo()  # only the app keeps echo off; prompts manage their own
    profile: Profile | None = None
    log_file: Path | None = None
    try:
        profile = Profile.from_dir(getattr(args, "data_dir", None))
        log_file = profile.paths.log_file
        crash.install_excepthook(log_file)
        if command.needs_profile:
            open_profile(profile, create=command.may_create, passphrase_fd=args.passphrase_fd)
        return command.run(args, profile)
    except BrokenPipeError:
        return _pipe_closed()
    except ZvhError as error:
        print(f"zvh: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(_("Afgebroken."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the safe crash policy, no traceback
        print(crash.user_message(crash.report(error, log_file)), file=sys.stderr)
        return EXIT_CRASH
    finally:
        if profile is not None:
            _close(profile, log_file)


def _pipe_closed() -> int:
    """The reader of our output stopped (`zvh check | head -1`): end quietly.

    Standard output is pointed at /dev/null so that Python's own flush at exit does not
    complain about the closed pipe either.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_PIPE_CLOSED


def _close(profile: Profile, log_file: Path | None) -> None:
    try:
        profile.close()
    except Exception as error:  # closing must not print a traceback
        print(crash.user_message(crash.report(error, log_file)), file=sys.stderr)
