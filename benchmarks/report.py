"""Figures and their verdicts: a series of timings per measurement, printed as one table.

Each row: median, p95, min and max over the runs, the target from issue 16 (a median, and a p95
where the issue gives one) and PASS or MISS; a ratio row (start-up against the bare Textual app,
a table against the case list's own) prints the ratio beside the absolute figures.
"""

from __future__ import annotations

import os
import statistics
import sys
from dataclasses import dataclass, field


def say(text: str) -> None:
    """Progress on the real standard error (Textual captures sys.stderr while an app runs)."""
    print(f"  … {text}", file=sys.__stderr__, flush=True)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f}/{five:.2f}"


@dataclass
class Series:
    name: str
    target: float | None = None  # the median must be at most this (ms, MiB, ratio, bytes)
    target_p95: float | None = None
    unit: str = "ms"
    values: list[float] = field(default_factory=list)
    checked: int = 0  # runs whose frame was checked to show the awaited content
    ratio_to: Series | None = None  # a ratio row: this median divided by that one's
    note: str = ""

    def add(self, value: float, *, checked: bool = True) -> None:
        self.values.append(value)
        self.checked += bool(checked)

    def add_seconds(self, seconds: float, *, checked: bool = True) -> None:
        self.add(seconds * 1000, checked=checked)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        v = sorted(self.values)
        return v[min(len(v) - 1, round(0.95 * (len(v) - 1)))]

    @property
    def ratio(self) -> float | None:
        if self.ratio_to is None or not self.ratio_to.values or not self.values:
            return None
        return self.median / self.ratio_to.median

    def verdict(self) -> str:
        if not self.values:
            return "GEEN"
        if self.target is None:
            return ""
        value = self.ratio if self.ratio_to is not None else self.median
        if value is None:
            return "GEEN"
        ok = value <= self.target and (self.target_p95 is None or self.p95 <= self.target_p95)
        return "PASS" if ok else "MISS"

    def row(self) -> str:
        if not self.values:
            return f"{self.name:<50} {'(geen metingen)':>10}"
        v = self.values
        goal = ""
        if self.target is not None:
            goal = f"≤{self.target:g}{'×' if self.ratio_to is not None else ''}"
            if self.target_p95 is not None:
                goal += f" p95≤{self.target_p95:g}"
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else ""
        checked = "" if self.checked == len(v) else f" (gecontroleerd {self.checked}/{len(v)})"
        fmt = "{:>8.1f}" if self.unit in ("ms", "MiB") else "{:>8.0f}"
        figures = " ".join(fmt.format(x) for x in (self.median, self.p95, min(v), max(v)))
        return (f"{self.name:<50} {len(v):>3} {figures} {self.unit:<4} {ratio:>6} {goal:<14} "
                f"{self.verdict():<4}{checked}{('  ' + self.note) if self.note else ''}")


HEADER = (f"{'meting':<50} {'n':>3} {'mediaan':>8} {'p95':>8} {'min':>8} {'max':>8} {'':<4} "
          f"{'ratio':>6} {'doel':<14} oordeel")


def table(series: list[Series]) -> list[str]:
    return [HEADER, *(s.row() for s in series)]
