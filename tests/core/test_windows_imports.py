"""The package imports without the POSIX-only modules, as on Windows (issue 9.9).

Each module is imported in a fresh interpreter with `fcntl`, `termios` and `resource` made
unavailable (`sys.modules[name] = None` makes `import name` raise ImportError), so a top-level
POSIX import anywhere in zvh_tui fails this test. What cannot be tested here is listed in the
README ("Windows").
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

POSIX_ONLY = ("fcntl", "termios", "resource", "tty", "pty")

SCRIPT = textwrap.dedent(
    f"""
    import importlib, pkgutil, sys
    for name in {POSIX_ONLY!r}:
        sys.modules[name] = None
    import zvh_tui
    failed = []
    names = sorted(m.name for m in pkgutil.walk_packages(zvh_tui.__path__, "zvh_tui."))
    for name in names:
        if name == "zvh_tui.__main__":
            continue  # runs the command
        try:
            importlib.import_module(name)
        except Exception as error:
            failed.append(f"{{name}}: {{type(error).__name__}}: {{error}}")
    print(len(names))
    print("\\n".join(failed))
    from zvh_tui.core import paths, terminal
    paths.secure_process()  # no resource module: no core limit, no error
    terminal.hold_echo()  # no termios: nothing to do
    terminal.release_echo()
    assert terminal.take_typed_ahead() == ""
    """
)


def test_every_module_imports_without_posix_only_modules() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    count, *failed = result.stdout.splitlines()
    assert int(count) > 40  # every module was tried
    assert [line for line in failed if line] == []


def test_the_profile_lock_works_without_fcntl(tmp_path) -> None:
    """filelock falls back to another lock without fcntl; two holders still exclude each other."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["fcntl"] = None
        from zvh_tui.core.errors import ProfileLocked
        from zvh_tui.services.safety.profile import Profile
        first, second = Profile.from_dir({str(tmp_path)!r}), Profile.from_dir({str(tmp_path)!r})
        first.acquire()
        try:
            second.acquire()
        except ProfileLocked:
            print("geweigerd")
        first.release()
        second.acquire()
        second.release()
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "geweigerd"
