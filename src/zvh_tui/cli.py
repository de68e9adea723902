"""The `zvh` command: start the app, or run one subcommand without the user interface.

Every subcommand is one function `run_<name>(args, profile) -> int`, registered once in
`COMMANDS` at the bottom of this file with its arguments; nested commands (`export case`) are
written as a path. Adding `zvh backup` is: write `run_backup`, add one `Command(...)` line.

All commands open the profile the same way (`open_profile`): `ZVH_PASSPHRASE` when set, else the
passphrase is asked on the terminal (twice for a new profile, which is then created). A
`ZvhError` ends the command with its Dutch message and exit status 2; anything unexpected with the
crash module's short message and an error id (exit status 70). Never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import math
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from zvh_tui import __version__, crash, paths
from zvh_tui.errors import WrongPassphrase, ZvhError
from zvh_tui.services.profile import Profile

EXIT_OK = 0
EXIT_PROBLEMS = 1  # `check` found something wrong
EXIT_REFUSED = 2  # a ZvhError: the message says what to do
EXIT_CRASH = 70  # EX_SOFTWARE: an unexpected error, see the log by its error id
EXIT_INTERRUPTED = 130
PROMPT_ATTEMPTS = 3

Runner = Callable[[argparse.Namespace, Profile], int]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


@dataclass(frozen=True)
class Command:
    """One subcommand: its words on the command line, help text, arguments and function."""

    path: tuple[str, ...]  # ("export", "case") for `zvh export case`
    help: str
    run: Runner
    arguments: Callable[[argparse.ArgumentParser], None] = field(default=_no_arguments)
    needs_profile: bool = True  # open (unlock or create) the profile before `run`


# -- opening the profile --------------------------------------------------------------------
def _ask(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise ZvhError("Geen wachtwoord ingevoerd.") from None


def _wait_for_next_try(profile: Profile) -> None:
    """After a wrong passphrase (this run or an earlier one) the next try waits 1, 2, 4 … 30 s."""
    wait = profile.unlock_delay.remaining()
    if wait > 0:
        print(f"Na een fout wachtwoord wacht zvh {math.ceil(wait)} s voor de volgende poging.",
              file=sys.stderr)
        time.sleep(wait)


def open_profile(profile: Profile) -> None:
    """Unlock the profile (or create it when new) through ZVH_PASSPHRASE or the terminal."""
    if profile.unlocked:
        return
    _wait_for_next_try(profile)  # ZVH_PASSPHRASE too: one guess per run is no way round it
    if profile.open_from_environment():
        return
    profile.acquire()
    if not profile.exists:
        print(
            f"Nieuw profiel '{profile.name}': kies een wachtwoordzin van minstens 8 tekens.",
            file=sys.stderr,
        )
        profile.create(_ask("Nieuw wachtwoord: "), _ask("Herhaal het wachtwoord: "))
        return
    for attempt in range(1, PROMPT_ATTEMPTS + 1):
        try:
            profile.unlock(_ask(f"Wachtwoord voor profiel '{profile.name}': "))
            return
        except WrongPassphrase as error:
            if attempt == PROMPT_ATTEMPTS:
                raise
            print(error, file=sys.stderr)
            _wait_for_next_try(profile)


def write_export(text: str, output: str | None, what: str) -> None:
    """Write an export to a file (mode 0600) or to a pipe; never onto the terminal screen.

    An export holds client data unencrypted: on a terminal it would stay in the scrollback.
    """
    if output is None or output == "-":
        if sys.stdout.isatty():
            raise ZvhError(
                f"De export van {what} bevat cliëntgegevens en wordt niet op het scherm getoond. "
                "Geef een bestand op met -o BESTAND, of stuur de uitvoer door naar een bestand."
            )
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    path = Path(output).expanduser()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as error:
        raise ZvhError(f"Het bestand {path} kan niet worden geschreven: {error.strerror}.") from None
    print(
        f"Export van {what} geschreven naar {path}. Let op: dit bestand is niet versleuteld.",
        file=sys.stderr,
    )


# -- the subcommands ------------------------------------------------------------------------
def run_app(args: argparse.Namespace, profile: Profile) -> int:
    """No subcommand: start the app (unlocked already when ZVH_PASSPHRASE is set)."""
    if not profile.open_from_environment():
        profile.acquire()  # a second instance is refused before the screen is taken over
    from zvh_tui.app import ZvhApp

    app = ZvhApp(profile)
    app.run()
    return app.return_code or EXIT_OK


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scale", type=_positive_int, default=None, metavar="N",
        help="maak N casussen met generatorgegevens (voor tests en metingen) in plaats van de "
        "handgeschreven demo",
    )


def run_demo(args: argparse.Namespace, profile: Profile) -> int:
    from zvh_tui.services import identity, plurals
    from zvh_tui.services.demo import load_demo

    identity.use_demo_identity(profile)  # a fictional regisseur, unless a name is set already

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rDemogegevens maken: {done} van {plurals.count(total, 'casus', 'casussen')}",
                  end="", file=sys.stderr)

    summary = load_demo(args.scale, progress)
    if args.scale and sys.stderr.isatty():
        print(file=sys.stderr)
    print(summary)
    return EXIT_OK


def _export_case_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference", metavar="KENMERK", help="het kenmerk van de casus, bv. 2026-0042")
    parser.add_argument("--format", choices=["json"], default="json", help="uitvoerformaat (json)")
    parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (0600)")


def run_export_case(args: argparse.Namespace, profile: Profile) -> int:
    from zvh_tui.services.export import export_case_json

    write_export(export_case_json(args.reference), args.output, f"casus {args.reference}")
    return EXIT_OK


def _export_plan_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference", metavar="KENMERK", help="het kenmerk van de casus, bv. 2026-0042")
    parser.add_argument("--format", choices=["md", "html"], default="md",
                        help="Markdown (md) of HTML om af te drukken (html)")
    parser.add_argument("--partner", metavar="NAAM",
                        help="alleen de versie voor deze partner (eigen acties en afspraken)")
    parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (0600)")


def run_export_plan(args: argparse.Namespace, profile: Profile) -> int:
    """The newest plan van aanpak of a case as Markdown or HTML, whole or for one partner."""
    from zvh_tui.services.plan_export import export_plan

    text = export_plan(args.reference, args.format, args.partner)
    write_export(text, args.output, f"het plan van casus {args.reference}")
    return EXIT_OK


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--aanvaard", action="store_true",
        help="werk verder met een database die achterloopt op haar anker (bv. na een verloren "
        "zvh.db-wal, als geen back-up meer bevat); dit wordt in het logboek vastgelegd",
    )


def run_check(args: argparse.Namespace, profile: Profile) -> int:
    """Print what services/integrity.py finds: the database file, the encryption, the audit
    log (triggers, keyed chain, anchor outside the database), file modes and backups."""
    from zvh_tui.services import integrity

    # A database behind its anchor is opened here to be reported, without writing to it
    # (or, with --aanvaard, to go on with it); every other command refuses to open it.
    profile.anchor_mode = "accept" if args.aanvaard else "inspect"
    open_profile(profile)
    report = integrity.check(profile)
    print(f"Controle van profiel '{profile.name}':")
    for line in report.lines():
        print(f"  {line}.")
    if not report.ok:
        print("Er zijn problemen gevonden. Zet zo nodig de nieuwste back-up terug.")
        if report.backup is not None:
            print(integrity.restore_hint(report.backup))
        return EXIT_PROBLEMS
    print("Alles in orde.")
    return EXIT_OK


def version_line() -> str:
    """The one version line of `zvh version` and `zvh --version` (from the package metadata)."""
    try:
        textual_version = metadata.version("textual")
    except metadata.PackageNotFoundError:  # pragma: no cover - textual is a dependency
        textual_version = "?"
    return f"zvh-tui {__version__} (Python {platform.python_version()}, Textual {textual_version})"


def run_version(args: argparse.Namespace, profile: Profile) -> int:
    print(version_line())
    return EXIT_OK


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("moet 1 of meer zijn")
    return value


# -- backups, restore and the audit log (issue 6) ---------------------------------------------
def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", metavar="MAP", type=Path, default=None,
                        help="schrijf de back-up in deze map (bv. een usb-stick) in plaats van "
                        "in de back-upmap van het profiel")


def run_backup(args: argparse.Namespace, profile: Profile) -> int:
    """A verified, encrypted backup (same passphrase as the profile)."""
    from zvh_tui.services import backup, plurals

    made = backup.make_backup(profile, to_dir=args.to)
    size = made.info.size / 1_000_000
    print(f"Back-up gemaakt en gecontroleerd: {made.info.path} ({size:.1f} MB, "
          f"{made.seconds:.1f} s). Versleuteld met het wachtwoord van het profiel.")
    if made.removed:
        print(plurals.plural(len(made.removed), "{n} oudere back-up opgeruimd; ",
                             "{n} oudere back-ups opgeruimd; ") +
              f"er worden er {profile.settings.backup_generations} bewaard.")
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="BESTAND", type=Path, help="het back-upbestand")


PASSPHRASE_OF_BACKUP_NOTICE = (
    "Let op: deze back-up is versleuteld met een ander wachtwoord dan de database die er stond "
    "(gemaakt vóór een wachtwoordwijziging). Vanaf nu opent het profiel met het wachtwoord van "
    "de back-up, dat u zojuist gebruikte; het latere wachtwoord werkt niet meer. Wijzig het "
    "wachtwoord zo nodig opnieuw."
)


def run_restore(args: argparse.Namespace, profile: Profile) -> int:
    """Put a backup back as the profile's database (the current one is kept aside)."""
    from zvh_tui.services import backup

    profile.acquire()  # refused while the app has this profile open
    passphrase = os.environ.get("ZVH_PASSPHRASE") or _ask(
        f"Wachtwoord van de back-up voor profiel '{profile.name}': ")
    from zvh_tui.store.database import opens_with

    # A backup from before a passphrase change brings its own passphrase back (issue 10.7).
    other_passphrase = opens_with(profile.paths.database, passphrase) is False
    result = backup.restore(profile, args.file, passphrase)
    print(f"Back-up teruggezet: {result.restored_from.name}.")
    if other_passphrase:
        print(PASSPHRASE_OF_BACKUP_NOTICE)
    if result.replaced is not None:
        print(f"De database die er stond is bewaard als {result.replaced} (versleuteld).")
    if result.log_carried is None:
        print("Let op: het logboek van na de back-up kon niet uit de oude database worden "
              "overgenomen; het staat nog in dat bewaarde bestand.")
    return EXIT_OK


def _export_log_arguments(parser: argparse.ArgumentParser) -> None:
    subject = parser.add_mutually_exclusive_group(required=True)
    subject.add_argument("--person", metavar="NUMMER", type=_positive_int,
                         help="het logboek van deze betrokkene (inzageverzoek)")
    subject.add_argument("--case", metavar="KENMERK", help="het logboek van deze casus")
    parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (0600)")


def run_export_log(args: argparse.Namespace, profile: Profile) -> int:
    """The audit log (NEN 7513) of one person or case as JSON, for an access request."""
    from zvh_tui.services import audit_log

    text = audit_log.export_json(person_id=args.person, case_ref=args.case)
    what = f"betrokkene {args.person}" if args.person is not None else f"casus {args.case}"
    write_export(text, args.output, f"het logboek van {what}")
    return EXIT_OK


def _import_partners_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="BESTAND",
                        help="CSV-bestand zoals Excel het opslaat (; of , als scheiding)")
    parser.add_argument("-y", "--yes", action="store_true",
                        help="niet om bevestiging vragen: meteen inlezen als het bestand in orde is")


def run_import_partners(args: argparse.Namespace, profile: Profile) -> int:
    """Organisations and contacts from a CSV file: show the preview, confirm, all or nothing."""
    from zvh_tui.services import partner_csv

    preview = partner_csv.import_partners(args.file)
    if not preview.ok:
        print(partner_csv.format_preview(preview), file=sys.stderr)
        return EXIT_REFUSED
    print(partner_csv.format_preview(preview))
    if not preview.changes:
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            raise ZvhError("Bevestig het inlezen met --yes (er is geen terminal om het te vragen).")
        try:
            answer = input("Inlezen? [j/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in {"j", "ja", "y", "yes"}:
            print("Niets veranderd.")
            return EXIT_OK
    result = partner_csv.import_partners(args.file, apply=True)
    if not result.ok:
        print(partner_csv.format_preview(result), file=sys.stderr)
        return EXIT_REFUSED
    print(result.summary())
    return EXIT_OK


def _export_partners_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="BESTAND", help="het CSV-bestand om te schrijven")


def run_export_partners(args: argparse.Namespace, profile: Profile) -> int:
    """The partner roster as CSV for Excel (; and UTF-8 with BOM, Dutch headers)."""
    from zvh_tui.services import partner_csv, plurals

    rows = partner_csv.export_partners(args.file)
    print(f"{plurals.count(rows, 'regel', 'regels')} geschreven naar {Path(args.file).expanduser()} "
          "(CSV met ; en UTF-8 voor Excel).")
    return EXIT_OK


# -- the command table: register new subcommands here ---------------------------------------
START = Command((), "Start de app", run_app, needs_profile=False)

GROUPS: dict[tuple[str, ...], str] = {
    ("export",): "Exporteer gegevens naar een bestand",
}

COMMANDS: tuple[Command, ...] = (
    Command(("demo",), "Vul het profiel met demogegevens (fictief)", run_demo, _demo_arguments),
    Command(("export", "case"), "Exporteer één casus als JSON", run_export_case,
            _export_case_arguments),
    Command(("export", "plan"), "Exporteer het plan van aanpak (Markdown of HTML)",
            run_export_plan, _export_plan_arguments),
    Command(("check",), "Controleer database, versleuteling en auditlog", run_check,
            _check_arguments, needs_profile=False),
    Command(("version",), "Toon de versie", run_version, needs_profile=False),
    Command(("backup",), "Maak een gecontroleerde, versleutelde back-up", run_backup,
            _backup_arguments),
    Command(("restore",), "Zet een back-up terug (de huidige database wordt bewaard)",
            run_restore, _restore_arguments, needs_profile=False),
    Command(("export", "log"), "Exporteer het logboek van een betrokkene of casus (JSON)",
            run_export_log, _export_log_arguments),
    Command(("import-partners",), "Lees ketenpartners en contactpersonen in uit een CSV-bestand",
            run_import_partners, _import_partners_arguments),
    Command(("export-partners",), "Exporteer de ketenpartners naar een CSV-bestand",
            run_export_partners, _export_partners_arguments),
)


# -- parsing ----------------------------------------------------------------------------------
class _Parser(argparse.ArgumentParser):
    """argparse with Dutch headings and a Dutch error line."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "Gebruik:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "Gebruik:", 1)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"{self.prog}: fout: {message}\n")


def _common_options() -> argparse.ArgumentParser:
    """`--data-dir`, accepted before and after the subcommand (SUPPRESS: no default clash)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="MAP", default=argparse.SUPPRESS,
        help=f"gebruik het profiel in deze map (ook: {paths.ENV_DATA_DIR})",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = _Parser(
        prog="zvh",
        description="zvh-tui: procesregie voor Zorg- en Veiligheidshuizen. "
        "Zonder opdracht start de app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=version_line(),
                        help="toon de versie en stop")
    subparsers = {(): parser.add_subparsers(title="opdrachten", metavar="OPDRACHT")}

    def group(path: tuple[str, ...]) -> argparse._SubParsersAction:
        if path not in subparsers:
            owner = group(path[:-1]).add_parser(
                path[-1], help=GROUPS.get(path, ""), description=GROUPS.get(path, ""),
                parents=[common],
            )
            subparsers[path] = owner.add_subparsers(title="opdrachten", metavar="OPDRACHT",
                                                    required=True)
        return subparsers[path]

    for command in COMMANDS:
        sub = group(command.path[:-1]).add_parser(
            command.path[-1], help=command.help, description=command.help, parents=[common]
        )
        command.arguments(sub)
        sub.set_defaults(command=command)
    return parser


# -- entry point ------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    paths.secure_process()
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, or a usage error already explained by argparse
        return exit_.code if isinstance(exit_.code, int) else EXIT_REFUSED
    command: Command = getattr(args, "command", START)
    profile: Profile | None = None
    log_file: Path | None = None
    try:
        profile = Profile.from_dir(getattr(args, "data_dir", None))
        log_file = profile.paths.log_file
        crash.install_excepthook(log_file)
        if command.needs_profile:
            open_profile(profile)
        return command.run(args, profile)
    except ZvhError as error:
        print(f"zvh: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the safe crash policy, no traceback
        print(crash.user_message(crash.report(error, log_file)), file=sys.stderr)
        return EXIT_CRASH
    finally:
        if profile is not None:
            _close(profile, log_file)


def _close(profile: Profile, log_file: Path | None) -> None:
    try:
        profile.close()
    except Exception as error:  # noqa: BLE001 - closing must not print a traceback
        print(crash.user_message(crash.report(error, log_file)), file=sys.stderr)
