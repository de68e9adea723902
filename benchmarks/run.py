"""Run the benchmarks: `python -m benchmarks.run [--scale N]` (`make bench`).

Prints a table (median, p95, max per measurement) and writes it to benchmarks/results/latest.txt
(git-ignored). Never part of the test suite's pass/fail: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
from pathlib import Path

from benchmarks import bench_case_list, bench_meeting

RESULTS = Path(__file__).parent / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--scale", type=int, default=10_000, help="aantal casussen (standaard 10000)")
    parser.add_argument("--only", choices=("case_list", "meeting"), default=None,
                        help="alleen deze meting (standaard alle)")
    args = parser.parse_args(argv)
    head = (f"zvh-tui benchmark {dt.datetime.now():%Y-%m-%d %H:%M}  "
            f"python {platform.python_version()}  {platform.machine()}  "
            f"{os.cpu_count()} cpu, belasting vooraf {os.getloadavg()[0]:.1f}")
    print(head, flush=True)
    # One scaled profile for every benchmark: filling it is the slow part of `make bench`.
    with tempfile.TemporaryDirectory(prefix="zvh-bench-") as tmp:
        bench_case_list.progress(f"profiel vullen met {args.scale} casussen")
        profile, source, fill_seconds = bench_case_list.make_profile(Path(tmp), args.scale)
        try:
            parts = [f"Gegevens: {source}, {args.scale:,} casussen in {fill_seconds:.1f} s".replace(",", ".")]
            if args.only in (None, "case_list"):
                parts.append(bench_case_list.run(profile, args.scale))
            if args.only in (None, "meeting"):
                parts.append(bench_meeting.run(profile))
            report = head + "\n\n" + "\n\n".join(parts)
        finally:
            profile.close()  # type: ignore[attr-defined]
    report += (f"\n\nBelasting van de machine (load average, 1 min) na afloop: "
               f"{os.getloadavg()[0]:.1f}. Andere processen op dezelfde cpu's maken de tijden langer.")
    print(report.split("\n", 2)[2])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.txt").write_text(report + "\n", encoding="utf-8")
    print(f"\nGeschreven naar {RESULTS / 'latest.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
