"""Case list at scale: services-level query times and in-app latency, key press to refreshed list.

A throw-away profile (in a temp folder, never the user's) is filled with
`zvh_tui.demo.scale.load_scale(N)` (the generator behind `zvh demo --scale N`). Then:

- services: the aggregated load query, FTS5 search per keystroke, filter and sort in memory;
- in the app (`run_test`, headless, 120x40): from the moment a key is sent to the moment the
  screen has been redrawn with the new list (`CaseListScreen.refreshed_at`, set by
  `call_after_refresh`), for search keystrokes and each filter change; and opening a dossier
  (Enter to the dossier drawn, `DossierScreen.shown_at`).

The targets (issue 3): at most 50 ms per keystroke and per filter change, 100 ms to open a
dossier, at 10,000 cases and about 100,000 actions.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PASSPHRASE = "benchmark-wachtwoord"
TARGET_KEY_MS = 50.0
TARGET_DOSSIER_MS = 100.0


@dataclass
class Series:
    name: str
    values_ms: list[float] = field(default_factory=list)
    target_ms: float | None = None

    def add(self, seconds: float) -> None:
        self.values_ms.append(seconds * 1000)

    def row(self) -> str:
        v = sorted(self.values_ms)
        if not v:
            return f"{self.name:<44} (geen metingen)"
        p95 = v[min(len(v) - 1, round(0.95 * (len(v) - 1)))]
        verdict = ""
        if self.target_ms is not None:
            median = statistics.median(v)
            if median > self.target_ms:
                verdict = f"  TE TRAAG (doel {self.target_ms:.0f} ms)"
            elif p95 > self.target_ms:
                verdict = f"  ok (mediaan); p95 boven {self.target_ms:.0f} ms"
            else:
                verdict = "  ok"
        return (f"{self.name:<44} {len(v):>4} {statistics.median(v):>9.1f} {p95:>9.1f} "
                f"{max(v):>9.1f}{verdict}")


def progress(text: str) -> None:
    print(f"  … {text}", file=sys.stderr, flush=True)


HEADER = f"{'meting':<44} {'n':>4} {'mediaan':>9} {'p95':>9} {'max':>9}   (ms)"


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def make_profile(root: Path, scale: int) -> tuple[object, str, float]:
    """A new profile in `root` filled with `scale` cases; returns (profile, source, seconds)."""
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        os.environ[f"XDG_{name}_HOME"] = str(root / "xdg" / name.lower())
    os.environ.pop("ZVH_PASSPHRASE", None)
    os.environ.pop("ZVH_DATA_DIR", None)
    from zvh_tui.services.safety.profile import Profile

    profile = Profile.from_dir(root / "profiel")
    profile.create(PASSPHRASE)
    from zvh_tui.demo.scale import load_scale

    start = time.perf_counter()
    load_scale(scale)
    source = "zvh_tui.demo.scale.load_scale"
    from zvh_tui.store.models import db

    # One big insert leaves everything in the write-ahead log; a user's database is checkpointed
    # long before (autocheckpoint, closing the app). Measure that steady state.
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return profile, source, time.perf_counter() - start


def search_word() -> str:
    """A word to type: the start of a person's name that occurs in the data."""
    from zvh_tui.store.models import Person

    names = [p.name for p in Person.select(Person.name).order_by(Person.id).limit(200)]
    for name in names:
        for part in name.split():
            if len(part) >= 6 and part.isalpha():
                return part[:6].lower()
    return "jan"


def services_level(lines: list[str], series: list[Series], scale: int) -> str:
    from zvh_tui.services.cases import case_list
    from zvh_tui.services.cases.case_list import ListQuery, QuickFilter
    from zvh_tui.store.models import Action, Case

    lines.append(f"Casussen: {Case.select().count():,}  acties: {Action.select().count():,}".replace(",", "."))
    times, rows = timed(lambda: case_list.load_rows(), repeat=5)
    s = Series("services: statistiekquery (load_rows)")
    for t in times:
        s.add(t)
    series.append(s)
    lines.append("EXPLAIN QUERY PLAN van de statistiekquery:")
    lines.extend("    " + line for line in case_list.explain_load())

    word = search_word()
    sorted_rows = case_list.sort_rows(rows, "next")
    s_fts = Series("services: FTS5-zoekvraag per toets", target_ms=TARGET_KEY_MS)
    s_key = Series("services: zoeken + filteren per toets", target_ms=TARGET_KEY_MS)
    for _ in range(5):
        for n in range(1, len(word) + 1):
            text = word[:n]
            t0 = time.perf_counter()
            ids = case_list.search_ids(text)
            t1 = time.perf_counter()
            case_list.filter_rows(sorted_rows, ListQuery(text=text), ids)
            t2 = time.perf_counter()
            s_fts.add(t1 - t0)
            s_key.add(t2 - t0)
    series.extend([s_fts, s_key])
    s_filter = Series("services: snelfilter (in het geheugen)", target_ms=TARGET_KEY_MS)
    for quick in QuickFilter:
        for _ in range(3):
            t0 = time.perf_counter()
            case_list.filter_rows(sorted_rows, ListQuery(quick={quick}), None)
            s_filter.add(time.perf_counter() - t0)
    series.append(s_filter)
    s_sort = Series("services: sorteren op een kolom", target_ms=TARGET_KEY_MS)
    for column in case_list.SORTABLE:
        t0 = time.perf_counter()
        case_list.sort_rows(rows, column)
        s_sort.add(time.perf_counter() - t0)
    series.append(s_sort)
    return word


async def in_app(profile: object, word: str, series: list[Series], lines: list[str]) -> None:
    from zvh_tui.app import ZvhApp
    from zvh_tui.screens.cases.case_list import CaseListScreen
    from zvh_tui.screens.cases.dossier import DossierScreen
    from zvh_tui.services.cases import case_list

    app = ZvhApp(profile)
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = None
        while screen is None or screen.refresh_count == 0 or screen.refreshed_at == 0.0:
            await pilot.pause(0.01)
            screen = app.screen if isinstance(app.screen, CaseListScreen) else None
        s_start = Series("app: starten tot de lijst getoond is")
        s_start.add(screen.refreshed_at - started)
        series.append(s_start)

        progress("lijst getoond; toetsen meten")

        async def measure(keys: list[str], target: Series) -> None:
            for key in keys:
                before = screen.refresh_count
                t0 = time.perf_counter()
                await pilot.press(key)
                deadline = time.perf_counter() + 10
                while screen.refresh_count == before or screen.refreshed_at < t0:
                    if time.perf_counter() > deadline:
                        raise RuntimeError(f"lijst niet ververst na {key!r}")
                    await pilot.pause(0.001)
                target.add(screen.refreshed_at - t0)

        s_search = Series("app: zoektoets -> lijst ververst", target_ms=TARGET_KEY_MS)
        await pilot.press("slash")
        for _ in range(3):
            await measure(list(word), s_search)
            await measure(["backspace"] * len(word), s_search)
        await pilot.press("escape")
        series.append(s_search)

        s_filter = Series("app: filterwissel -> lijst ververst", target_ms=TARGET_KEY_MS)
        for _ in range(2):
            await measure(["1", "1", "2", "2", "3", "3", "4", "4", "5", "5", "6", "6"], s_filter)
            await measure(["f"] * 9, s_filter)  # every phase and back to all
            await measure(["a", "a"], s_filter)
        series.append(s_filter)
        s_sort = Series("app: sorteerwissel -> lijst ververst", target_ms=TARGET_KEY_MS)
        for letter, _, _ in case_list.sort_menu():  # s opens the menu; the letter sorts
            await pilot.press("s")
            await measure([letter], s_sort)
        await measure(["S", "S"], s_sort)
        series.append(s_sort)

        progress("dossiers openen")
        s_first = Series("app: Enter -> eerste dossier (scherm bouwen)")
        s_dossier = Series("app: Enter -> dossier getoond", target_ms=TARGET_DOSSIER_MS)
        for n in range(21):
            await pilot.press(*(["down"] * (n + 1)))
            t0 = time.perf_counter()
            await pilot.press("enter")
            deadline = time.perf_counter() + 10
            while not (isinstance(app.screen, DossierScreen) and app.screen.shown_at > 0):
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"dossier niet geopend: {app.screen!r} {app.focused!r}")
                await pilot.pause(0.001)
            (s_first if n == 0 else s_dossier).add(app.screen.shown_at - t0)
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
        series.extend([s_first, s_dossier])


def run(profile: object, scale: int) -> str:
    """The measurements on a profile filled by `make_profile` (run.py makes it once and hands
    it to the other benchmarks too)."""
    lines: list[str] = []
    series: list[Series] = []
    progress("services meten")
    word = services_level(lines, series, scale)
    lines.append(f"Zoekwoord (per toets getypt en weer gewist): {len(word)} letters")
    progress("in de app meten")
    asyncio.run(in_app(profile, word, series, lines))
    lines.append("")
    lines.append(HEADER)
    lines.extend(s.row() for s in series)
    return "\n".join(lines)
