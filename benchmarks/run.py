"""Run the benchmarks: `python -m benchmarks.run [--scales 1000,10000]` (`make bench SCALES=…`).

Per scale (a cached profile, benchmarks/profiles.py, worked on as a copy): start-up in fresh
processes and in tmux (bench_start), the case list's services (bench_case_list), three tables
refilled side by side (bench_tables), every key of the app to the frame that shows its result
(bench_ui), the live meeting's services (bench_meeting), bytes on disk. Then one table per
scale (median, p95, min, max, target, PASS/MISS; the machine's load before and after each
group) and a growth table over the scales. Written to benchmarks/results/latest.txt and
latest.json (git-ignored). Never part of the test suite's pass/fail: timings depend on the
machine (tests/benchmarks only checks that every figure is produced, on a tiny scale).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from benchmarks import bench_case_list, bench_meeting, bench_start, bench_tables, bench_ui, profiles
from benchmarks.report import Series, load, say, table

RESULTS = Path(__file__).parent / "results"
DEFAULT_SCALES = "1000,10000"
QUICK = bench_ui.Counts(search_rounds=1, filter_rounds=1, dossiers=2, repeats=2, steps=2, lines=1,
                        filter_keys=4, sorts=2)
# The figures the growth table follows from scale to scale.
GROWTH = ["start", "start_ratio", "unlock", "tmux", "mem", "search", "filter", "sort",
          "dossier_first", "dossier", "f2_dossier", "plan", "roster_first", "roster", "f2_roster",
          "next_item", "line_a", "minutes", "minutes_en", "case_table", "datatable", "fastdatatable", "per_action"]


def one_scale(scale: int, args: argparse.Namespace, counts: bench_ui.Counts) -> tuple[list[str], dict[str, Series]]:
    lines = [f"=== {scale:,} casussen ===".replace(",", ".")]
    cached, facts = profiles.ensure(scale, say=say)
    named: dict[str, Series] = {}
    groups: list[tuple[str, list[Series]]] = []
    with tempfile.TemporaryDirectory(prefix="zvh-bench-") as tmp:
        work = profiles.working_copy(cached, Path(tmp))
        loads = [load()]
        started = bench_start.run(work, args.runs, args.tmux_runs, warm=not args.quick)
        loads.append(load())
        named.update(started)
        groups.append((f"Opstarten (belasting voor/na {loads[0]} -> {loads[1]})", list(started.values())))

        profiles.use_profile_env(work)
        from zvh_tui.services.safety.profile import Profile

        profile = Profile.from_dir(work / "profiel")
        profile.open_with(profiles.PASSPHRASE)
        try:
            loads = [load()]
            info: list[str] = []
            services: list[Series] = []
            word = bench_case_list.services_level(info, services)
            if args.quick:
                word = word[:2]
            tables = bench_tables.run(word, rounds=1)
            named.update(zip(bench_tables.KINDS, tables, strict=True))
            loads.append(load())
            lines += info + [f"Zoekwoord: {len(word)} letters, getypt en weer gewist"]
            groups.append((f"Tabellen naast elkaar (belasting {loads[0]} -> {loads[1]})", tables))

            loads = [load()]
            ui = bench_ui.run(facts, word, counts, profile)
            loads.append(load())
            keys = bench_ui.series_for(scale).keys()
            named.update(zip(keys, ui, strict=True))
            groups.append((f"In de app, toets tot frame (belasting {loads[0]} -> {loads[1]})", ui))

            if not profile.unlocked:
                profile.unlock(profiles.PASSPHRASE)  # the app closed it when it ended
            meeting: list[Series] = []
            bench_meeting.services_level(facts["meeting_id"], facts["owner"], meeting)
            groups.append(("Waar de tijd zit (services, zonder scherm)", services + meeting))
            written: list[Series] = []
            bench_meeting.minutes_of_ten(written, Path(tmp), runs=2 if args.quick else 5)
            named["minutes"] = written[0]
            named["minutes_en"] = written[1]
            groups.append(("Verslag van een overleg (services, naar schijf)", written))
        finally:
            if profile.unlocked:
                profile.close()
            profiles.use_profile_env(None)
    per_case = Series("database op schijf per casus", unit="B")
    per_case.add(facts["db_bytes"] / facts["cases"])
    per_action = Series("database op schijf per actie", 2048, unit="B")
    per_action.add(facts["db_bytes"] / max(1, facts["actions"]))
    named["per_action"] = per_action
    lines.append(f"Gegevens: {facts['cases']:,} casussen, {facts['actions']:,} acties, "
                 f"{facts['db_bytes'] / 2**20:.1f} MiB op schijf (gevuld in {facts['fill_seconds']} s)"
                 .replace(",", "."))
    groups.append(("Schijf", [per_case, per_action]))
    for title, series in groups:
        lines += ["", title, *table(series)]
    return lines, named


def growth(results: dict[int, dict[str, Series]]) -> list[str]:
    scales = sorted(results)
    if len(scales) < 2:
        return []
    head = f"{'mediaan per schaal':<50}" + "".join(f"{s:>10,}".replace(",", ".") for s in scales)
    out = ["", "Groei (mediaan; laatste/eerste schaal)", head + f"{'groei':>8}  "]
    for key in GROWTH:
        row = [results[s].get(key) for s in scales]
        if any(r is None or not r.values for r in row):
            continue
        values = [r.ratio if r.ratio_to is not None else r.median for r in row]  # type: ignore[union-attr]
        grow = values[-1] / values[0] if values[0] else float("inf")
        kind = "constant" if grow < 1.5 else "groeit"
        out.append(f"{row[0].name:<50}" + "".join(f"{v:>10.1f}" for v in values)  # type: ignore[union-attr]
                   + f"{grow:>7.1f}×  {kind}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--scales", default=os.environ.get("SCALES") or DEFAULT_SCALES,
                        help=f"aantallen casussen, met komma's (standaard {DEFAULT_SCALES})")
    parser.add_argument("--runs", type=int, default=5, help="opstarts per soort (standaard 5)")
    parser.add_argument("--tmux-runs", type=int, default=2, help="opstarts in tmux (0: geen)")
    parser.add_argument("--quick", action="store_true",
                        help="weinig herhalingen (de rooktest in make test)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="map voor latest.txt/.json")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    counts = QUICK if args.quick else bench_ui.Counts()
    began = time.monotonic()
    head = (f"zvh-tui benchmark {dt.datetime.now():%Y-%m-%d %H:%M}  python "
            f"{platform.python_version()}  {platform.machine()}  {os.cpu_count()} cpu, "
            f"belasting (1/5 min) vooraf {load()}")
    say(head)
    report = [head]
    results: dict[int, dict[str, Series]] = {}
    for scale in scales:
        lines, results[scale] = one_scale(scale, args, counts)
        report += ["", *lines]
    report += growth(results)
    report += ["", f"Belasting na afloop {load()}; duur {time.monotonic() - began:.0f} s. Andere "
               "processen op dezelfde cpu's maken de tijden langer; de verhoudingen (ratio) "
               "zijn om en om gemeten en minder gevoelig."]
    text = "\n".join(report) + "\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.txt").write_text(text, encoding="utf-8")
    figures = {str(scale): {key: {"name": s.name, "values": s.values, "checked": s.checked,
                                  "verdict": s.verdict()} for key, s in named.items()}
               for scale, named in results.items()}
    (args.out / "latest.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    say(f"geschreven naar {args.out / 'latest.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
