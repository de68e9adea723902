"""The `zvh` command's entry point: terminal echo off first, then everything else.

Kept apart from `zvh_tui.cli.commands` so that the first instructions run before the heavy imports
(Textual, Peewee, SQLCipher: about 0.1-0.3 s) - see `zvh_tui.core.terminal`.
"""

from __future__ import annotations

from zvh_tui.core import terminal


def main() -> int:
    terminal.hold_echo()
    try:
        import sys

        from zvh_tui.core import keyahead

        keyahead.start_from_environment(sys.argv[1:])  # meanwhile the imports (issue 16)
        from zvh_tui.cli.commands import main as cli_main

        return cli_main()
    except KeyboardInterrupt:  # Ctrl+C while still importing
        return 130
    finally:
        terminal.release_echo()
