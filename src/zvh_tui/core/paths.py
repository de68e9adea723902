"""Where a profile keeps its files.

The default profile lives in the per-user folders of platformdirs. `--data-dir DIR` or
`ZVH_DATA_DIR` points at another profile: then everything (database, settings, state, logs,
backups) lives below that one folder, so a test or a second profile never touches the default.
"""

from __future__ import annotations

import os
import shlex
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from zvh_tui import APP_NAME

DB_FILENAME = "zvh.db"
ENV_DATA_DIR = "ZVH_DATA_DIR"


@dataclass(frozen=True)
class ProfilePaths:
    data: Path
    config: Path
    state: Path
    log: Path
    chosen: bool = False  # given by --data-dir / ZVH_DATA_DIR (not the per-user default)

    @property
    def database(self) -> Path:
        return self.data / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def lock_file(self) -> Path:
        return self.data / "zvh.lock"

    @property
    def log_file(self) -> Path:
        return self.log / "zvh.log"

    @property
    def exports(self) -> Path:
        """Where the app's own exports go (the CLI writes where -o says)."""
        return self.data / "exports"

    @property
    def name(self) -> str:
        """A short profile name for the header (the folder name, no full path)."""
        return self.data.name

    def folders(self) -> list[Path]:
        return [self.data, self.config, self.state, self.log, self.backups]


def resolve(data_dir: str | os.PathLike[str] | None = None) -> ProfilePaths:
    """The profile's folders: the given one, `ZVH_DATA_DIR`, or the per-user default."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or None
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return ProfilePaths(data=root, config=root, state=root / "state", log=root / "logs",
                            chosen=True)
    return ProfilePaths(
        data=platformdirs.user_data_path(APP_NAME, appauthor=False),
        config=platformdirs.user_config_path(APP_NAME, appauthor=False),
        state=platformdirs.user_state_path(APP_NAME, appauthor=False),
        log=platformdirs.user_log_path(APP_NAME, appauthor=False),
    )


def restore_command(paths: ProfilePaths, backup_file: Path) -> str:
    """The exact `zvh restore` line for this profile (with `--data-dir` when not the default)."""
    words = ["zvh", "restore", str(backup_file)]
    if paths.chosen:
        words += ["--data-dir", str(paths.data)]
    return shlex.join(words)


def secure_process() -> None:
    """Files we create are ours alone, and a crash leaves no core dump with client data.

    On Windows `umask` only affects the read-only bit and there are no core limits: files get
    the rights of the user's profile folder there (README, "Windows").
    """
    os.umask(0o077)
    try:
        import resource  # POSIX only
    except ImportError:
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):  # pragma: no cover - a hard limit we may not change
        pass


def ensure_folders(paths: ProfilePaths) -> None:
    """Create the profile's folders (0700) and correct the modes of what is already there."""
    for folder in paths.folders():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fix_permissions(paths)


def fix_permissions(paths: ProfilePaths) -> list[Path]:
    """Set folders to 0700 and files to 0600; return what had to be corrected."""
    corrected: list[Path] = []
    seen: set[Path] = set()
    for folder in paths.folders():
        if not folder.exists() or folder in seen:
            continue
        seen.add(folder)
        for path in [folder, *folder.rglob("*")]:
            try:
                mode = stat.S_IMODE(path.lstat().st_mode)
                if path.is_symlink():
                    continue
                wanted = 0o700 if path.is_dir() else 0o600
                if mode != wanted:
                    path.chmod(wanted)
                    corrected.append(path)
            except OSError:
                continue
    return corrected
