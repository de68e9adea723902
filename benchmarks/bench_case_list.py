"""The case list through the services, without the screen: where a keystroke's time goes.

The aggregated load query, the FTS5 search per keystroke, filtering and sorting in memory, on a
profile filled by benchmarks/profiles.py. bench_ui measures the same keys in the app, to the
frame that shows the new rows; these figures say how much of that is the data.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from benchmarks.report import Series


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def search_word() -> str:
    """A word to type: the start of a person's name that occurs in the data."""
    from zvh_tui.store.models import Person

    names = [p.name for p in Person.select(Person.name).order_by(Person.id).limit(200)]
    for name in names:
        for part in name.split():
            if len(part) >= 6 and part.isalpha():
                return part[:6].lower()
    return "jan"


def services_level(lines: list[str], series: list[Series]) -> str:
    from zvh_tui.services.cases import case_list
    from zvh_tui.services.cases.case_list import ListQuery, QuickFilter
    from zvh_tui.store.models import Action, Case

    lines.append(f"Casussen: {Case.select().count():,}  acties: {Action.select().count():,}".replace(",", "."))
    times, rows = timed(lambda: case_list.load_rows(), repeat=5)
    s = Series("services: statistiekquery (load_rows)")
    for t in times:
        s.add_seconds(t)
    series.append(s)
    lines.append("EXPLAIN QUERY PLAN van de statistiekquery:")
    lines.extend("    " + line for line in case_list.explain_load())

    word = search_word()
    sorted_rows = case_list.sort_rows(rows, "next")
    s_fts = Series("services: FTS5-zoekvraag per toets")
    s_key = Series("services: zoeken + filteren per toets")
    for _ in range(5):
        for n in range(1, len(word) + 1):
            text = word[:n]
            t0 = time.perf_counter()
            ids = case_list.search_ids(text)
            t1 = time.perf_counter()
            case_list.filter_rows(sorted_rows, ListQuery(text=text), ids)
            t2 = time.perf_counter()
            s_fts.add_seconds(t1 - t0)
            s_key.add_seconds(t2 - t0)
    series.extend([s_fts, s_key])
    s_filter = Series("services: snelfilter (in het geheugen)")
    for quick in QuickFilter:
        for _ in range(3):
            t0 = time.perf_counter()
            case_list.filter_rows(sorted_rows, ListQuery(quick={quick}), None)
            s_filter.add_seconds(time.perf_counter() - t0)
    series.append(s_filter)
    s_sort = Series("services: sorteren op een kolom")
    for column in case_list.SORTABLE:
        t0 = time.perf_counter()
        case_list.sort_rows(rows, column)
        s_sort.add_seconds(time.perf_counter() - t0)
    series.append(s_sort)
    return word
