"""Scale profiles for the benchmarks, made once per version and scale and kept in a cache.

`ensure(scale)` returns a folder holding a filled profile (`profiel/`, filled by
`zvh_tui.demo.scale.load_scale`, the generator behind `zvh demo --scale N`) with the benchmark's
meeting beside it (bench_meeting's setup: three partners, a case with an adopted plan of 15
actions, an MDO of three items) and `facts.json` (counts, bytes on disk, the meeting's id).
The fill runs in its own process (`python -m benchmarks.profiles DIR SCALE`). The cache key is
the scale, zvh-tui's version and a hash of the store and the demo builder's sources, so a
change of the schema or the generator makes a new one; ZVH_BENCH_CACHE picks the folder
(default: the user's cache folder, `zvh-tui-bench/`). Every benchmark works on a copy
(`working_copy`): what the app writes never reaches the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PASSPHRASE = "benchmark-wachtwoord"
REPO = Path(__file__).resolve().parent.parent
SOURCES = ("src/zvh_tui/store", "src/zvh_tui/demo", "src/zvh_tui/services/safety")


def cache_root() -> Path:
    chosen = os.environ.get("ZVH_BENCH_CACHE")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zvh-tui-bench"


# Read once, at import: `use_profile_env` points XDG_CACHE_HOME into a working copy later.
CACHE = cache_root()


def cache_key(scale: int) -> str:
    from zvh_tui import __version__

    digest = hashlib.sha256()
    for folder in SOURCES:
        for path in sorted((REPO / folder).rglob("*.py")):
            digest.update(path.relative_to(REPO).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}-{scale}-{digest.hexdigest()[:12]}"


def ensure(scale: int, say=print) -> tuple[Path, dict]:
    """The cached profile of `scale` cases (made now when missing) and its facts."""
    root = CACHE / cache_key(scale)
    facts_file = root / "facts.json"
    if not facts_file.is_file():
        say(f"profiel met {scale} casussen vullen (eenmalig, daarna uit {CACHE})")
        partial = root.with_name(root.name + ".bezig")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        subprocess.run([sys.executable, "-m", "benchmarks.profiles", str(partial), str(scale)],
                       cwd=REPO, env=profile_env(partial), check=True)
        shutil.rmtree(root, ignore_errors=True)
        partial.rename(root)
    return root, json.loads(facts_file.read_text(encoding="utf-8"))


def working_copy(cached: Path, into: Path) -> Path:
    """A copy of a cached profile folder to work on (the app writes audit events, drafts)."""
    target = into / "werk"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(cached, target)
    return target


def _fill(root: Path, scale: int) -> None:
    """In its own process: create the profile in `root`, fill it, add the meeting, write facts."""
    use_profile_env(root)
    from zvh_tui.services.safety.profile import Profile

    profile = Profile.from_dir(root / "profiel")
    profile.create(PASSPHRASE)
    from zvh_tui.demo.scale import load_scale
    from zvh_tui.services.shared import context
    from zvh_tui.store.models import Action, Case, db

    start = time.perf_counter()
    load_scale(scale)
    fill_seconds = time.perf_counter() - start
    # A user's database is checkpointed long before (autocheckpoint, closing the app); the bulk
    # insert left everything in the write-ahead log. Measure that steady state.
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database = profile.paths.database
    size = database.stat().st_size + sum(
        p.stat().st_size for p in database.parent.glob(database.name + "-*"))
    cases, actions = Case.select().count(), Action.select().count()
    from benchmarks.bench_meeting import setup_meeting

    meeting_id, owner, case_id = setup_meeting(context.today())
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    profile.close()
    facts = {"scale": scale, "cases": cases, "actions": actions, "db_bytes": size,
             "fill_seconds": round(fill_seconds, 1), "meeting_id": meeting_id,
             "owner": owner, "plan_case_id": case_id}
    (root / "facts.json").write_text(json.dumps(facts), encoding="utf-8")


def profile_env(root: Path) -> dict[str, str]:
    """The environment of a process working on the profile in `root` (never the user's)."""
    env = dict(os.environ)
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(root / "xdg" / name.lower())
    env["ZVH_DATA_DIR"] = str(root / "profiel")
    env.pop("ZVH_PASSPHRASE", None)
    return env


def use_profile_env(root: Path | None) -> None:
    """The same environment for this process (the in-process benchmarks); None: the one it
    had before the first call."""
    global _saved_env
    if _saved_env is None:
        _saved_env = dict(os.environ)
    os.environ.clear()
    os.environ.update(_saved_env if root is None else profile_env(root))


_saved_env: dict[str, str] | None = None


if __name__ == "__main__":
    _fill(Path(sys.argv[1]), int(sys.argv[2]))
