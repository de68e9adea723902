"""Where one key's time goes: `python -m benchmarks.profile_key WHAT [--scale N]`.

Runs the app the way bench_ui does (cached profile, frame driver, keys through the driver) and
profiles one measured key with cProfile, from the key to the frame that shows its result;
prints the functions with the most cumulative time. WHAT: search (the first letter of the
search word), dossier (Enter, the first of the session), plan (p, 15 actions), roster (F3, the
first time), back (F2 from the roster), next (PgDn in the live meeting); start: in this
process, from unlocking with the passphrase to the first frame that shows a case row (what
`zvh` does after its imports). Uses only the
standard library's profiler (no extra dependency).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import bench_case_list, profiles
from benchmarks.frames import FrameDriver
from benchmarks.report import Series
from benchmarks.ui_kit import Harness

WHAT = ("start", "search", "dossier", "plan", "roster", "back", "next")


async def _start(profile: Any, profiler: cProfile.Profile) -> float:
    """Unlock, start the app, until the terminal shows a case row; seconds."""
    import re
    import time

    from benchmarks.bench_start import CASE_ROW
    from zvh_tui.app import ZvhApp

    row = re.compile(CASE_ROW)
    profiler.enable()
    started = time.monotonic()
    profile.open_with(profiles.PASSPHRASE)
    app = ZvhApp(profile)
    app.driver_class = FrameDriver
    async with app.run_test(headless=False, size=(120, 40)) as pilot:
        while True:
            await pilot.pause(0.005)
            frames = FrameDriver.frames
            if frames is not None and frames.written:
                frames.catch_up()
                if row.search(frames.terminal.text()):
                    took = frames.written[-1][0] - started
                    break
        profiler.disable()
        app.exit()
    return took


def _stats(profiler: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


async def _drive(profile: Any, facts: dict, what: str, word: str, top: int) -> str:
    from zvh_tui.app import ZvhApp

    app = ZvhApp(profile)
    app.driver_class = FrameDriver
    series = Series(what)
    profiler = cProfile.Profile()
    async with app.run_test(headless=False, size=(120, 40)) as pilot:
        h = Harness(app, pilot)
        await h.settle(0)
        key, region, screen = {"search": (word[0], "#case-table", None),
                               "dossier": ("enter", None, "DossierScreen"),
                               "plan": ("p", None, "PlanEditorScreen"),
                               "roster": ("f3", None, "PartnerRosterScreen"),
                               "back": ("f2", None, "CaseListScreen"),
                               "next": ("pagedown", None, "LiveMeetingScreen")}[what]
        if what == "search":
            await h.press("slash")
        elif what == "plan":
            app.screen.open_case(facts["plan_case_id"])
            await h.settle()
        elif what == "back":
            await h.press("f3")
        elif what == "next":
            await h.press("f4")
            await pilot.pause()
            app.start_live(facts["meeting_id"])
            await h.settle()
        profiler.enable()
        took = await h.measure(series, key, region=region, screen=screen)
        profiler.disable()
        app.exit()
    return f"{what}: {took * 1000:.0f} ms tot het frame (onder de profiler)\n{_stats(profiler, top)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_key", description=__doc__)
    parser.add_argument("what", choices=WHAT)
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    cached, facts = profiles.ensure(args.scale)
    with tempfile.TemporaryDirectory(prefix="zvh-bench-") as tmp:
        work = profiles.working_copy(cached, Path(tmp))
        profiles.use_profile_env(work)
        from zvh_tui.services.safety.profile import Profile

        profile = Profile.from_dir(work / "profiel")
        if args.what == "start":
            profiler = cProfile.Profile()
            took = asyncio.run(_start(profile, profiler))
            print(f"start: {took * 1000:.0f} ms tot de eerste casusrij (onder de profiler)\n"
                  f"{_stats(profiler, args.top)}")
        else:
            profile.open_with(profiles.PASSPHRASE)
            word = bench_case_list.search_word()
            print(asyncio.run(_drive(profile, facts, args.what, word, args.top)))
        if profile.unlocked:
            profile.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
