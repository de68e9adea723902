"""Run the benchmarks: `python -m benchmarks.run [--scale N]` (`make bench`).

Prints a table (median, p95, max per measurement) and writes it to benchmarks/results/latest.txt
(git-ignored). Never part of the test suite's pass/fail: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
from pathlib import Path

from benchmarks import bench_case_list

RESULTS = Path(__file__).parent / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--scale", type=int, default=10_000, help="aantal casussen (standaard 10000)")
    args = parser.parse_args(argv)
    head = (f"zvh-tui benchmark {dt.datetime.now():%Y-%m-%d %H:%M}  "
            f"python {platform.python_version()}  {platform.machine()}  "
            f"{os.cpu_count()} cpu, belasting vooraf {os.getloadavg()[0]:.1f}")
    print(head, flush=True)
    report = head + "\n\n" + bench_case_list.run(scale=args.scale)
    report += (f"\n\nBelasting van de machine (load average, 1 min) na afloop: "
               f"{os.getloadavg()[0]:.1f}. Andere processen op dezelfde cpu's maken de tijden langer.")
    print(report.split("\n", 2)[2])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.txt").write_text(report + "\n", encoding="utf-8")
    print(f"\nGeschreven naar {RESULTS / 'latest.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
