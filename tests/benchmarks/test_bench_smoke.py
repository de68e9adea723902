"""`make bench` cannot rot: the whole harness on a tiny scale, every measurement with figures.

Timings are not judged here (they depend on the machine); only that each measurement of
benchmarks/run.py produced values, checked against the frames written to the terminal.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCALE = 20


def test_the_benchmark_produces_a_figure_for_every_measurement(tmp_path: Path) -> None:
    env = {**os.environ, "ZVH_BENCH_CACHE": str(tmp_path / "cache")}
    env.pop("ZVH_PASSPHRASE", None)
    tmux = "1" if shutil.which("tmux") else "0"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--scales", str(SCALE), "--quick", "--runs", "1",
         "--tmux-runs", tmux, "--out", str(tmp_path / "out")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads((tmp_path / "out" / "latest.json").read_text(encoding="utf-8"))[str(SCALE)]
    from benchmarks import bench_tables, bench_ui

    wanted = {*bench_ui.series_for(SCALE), *bench_tables.KINDS, "start", "bare", "start_ratio",
              "unlock", "unlock_ratio", "mem", "mem_bare", "per_action", "minutes", "minutes_en"}
    if tmux == "1":
        wanted |= {"tmux", "tmux_bare", "tmux_ratio"}
    assert wanted <= figures.keys(), sorted(wanted - figures.keys())
    empty = [key for key, figure in figures.items() if not figure["values"]]
    assert not empty
    # Every key's frame was checked to show new content (none fell back to "the next frame").
    unchecked = [key for key in bench_ui.series_for(SCALE)
                 if figures[key]["checked"] != len(figures[key]["values"])]
    assert not unchecked
    assert all(figure["verdict"] in ("PASS", "MISS", "") for figure in figures.values())
    report = (tmp_path / "out" / "latest.txt").read_text(encoding="utf-8")
    assert "PASS" in report or "MISS" in report
