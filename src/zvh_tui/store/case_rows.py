"""The case list's one query: every case as a compact row (the backend seam of the case list).

Written for SQLite (`julianday`, the two-argument `MAX`, `EXPLAIN QUERY PLAN`); a PostgreSQL
backend gives the same rows in the same order from its own query. services/cases/case_list.py
turns a row into a `CaseRow` with its badges.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from zvh_tui.core.vocab import ActionStatus, MeetingStatus, ParticipantRole, Phase, PlanStatus
from zvh_tui.store.models import db

# One row per case; every per-case figure is an indexed lookup (see `explain`):
# the newest non-superseded plan by plan_case_id_version, its open and overdue actions counted
# on the covering index action_plan_id_status_deadline, the casusregisseur by
# participant_case_id_role, a person whose informing is to be reconsidered (schema v6: per
# betrokkene) by case_person's (case_id, person_id) index. Loading a few cases (`case_ids`) costs as little as it should.
# Days since the last change count from the local day of the stored UTC moment (the rule of
# services/shared/clock.py; SQLite's 'localtime' reads the same TZ as Python).
LOAD_SQL = """
SELECT c.id, c.reference, c.title, c.phase, c.ave_phase, c.level, c.zvh_role, pr.name, co.name,
  (SELECT COUNT(*) FROM action a WHERE a.plan_id = pl.id AND a.status IN (:open, :busy)),
  (SELECT COUNT(*) FROM action a
   WHERE a.plan_id = pl.id AND a.status IN (:open, :busy) AND a.deadline < :today),
  CASE WHEN c.phase = :closed THEN NULL ELSE pl.evaluation_on END,
  CASE WHEN c.phase = :closed THEN NULL ELSE
    (SELECT MIN(m.held_on) FROM meeting_item mi JOIN meeting m ON m.id = mi.meeting_id
     WHERE mi.case_id = c.id AND m.held_on >= :today AND m.status != :meeting_closed) END,
  MAX(0, CAST(julianday(:today) - julianday(date(c.updated_at, 'localtime')) AS INTEGER)),
  EXISTS (SELECT 1 FROM plan p2 WHERE p2.case_id = c.id AND p2.status != :concept),
  EXISTS (SELECT 1 FROM case_person cp WHERE cp.case_id = c.id AND cp.informed = 0
          AND cp.informed_review_on < :today),
  c.retention_end
FROM "case" c
LEFT JOIN plan pl ON pl.id = (
  SELECT p1.id FROM plan p1 WHERE p1.case_id = c.id AND p1.superseded = 0
  ORDER BY p1.version DESC LIMIT 1)
LEFT JOIN participant pa ON pa.id = (
  SELECT MIN(x.id) FROM participant x WHERE x.case_id = c.id AND x.role = :director)
LEFT JOIN partner pr ON pr.id = pa.partner_id
LEFT JOIN contact co ON co.id = pa.contact_id
"""
_SQL_NAMES = re.compile(r":(\w+)")


def _bind(sql: str, today: dt.date) -> tuple[str, list[object]]:
    """Named parameters to positional ones (the driver's paramstyle is `?`)."""
    values = {
        "open": ActionStatus.OPEN.value,
        "busy": ActionStatus.BUSY.value,
        "today": today.isoformat(),
        "concept": PlanStatus.CONCEPT.value,
        "meeting_closed": MeetingStatus.CLOSED.value,
        "director": ParticipantRole.CASE_DIRECTOR.value,
        "closed": Phase.CLOSED.value,
    }
    params = [values[name] for name in _SQL_NAMES.findall(sql)]
    return _SQL_NAMES.sub("?", sql), params


def load(today: dt.date, case_ids: Sequence[int] | None = None) -> list[tuple]:
    """Every case (or only `case_ids`), in reference order: (id, reference, title, phase,
    ave_phase, level, zvh_role, director partner, director contact, open actions, overdue
    actions, evaluation date, next meeting, days since the last change, has an adopted plan,
    informing to be reviewed, retention end date: services/safety/retention.passed decides)."""
    sql, params = _bind(LOAD_SQL, today)
    if case_ids is not None:
        sql += " WHERE c.id IN (" + ",".join("?" * len(case_ids)) + ")"
        params = [*params, *case_ids]
    sql += " ORDER BY c.reference"
    return db.execute_sql(sql, params).fetchall()


# The first screenful in the list's first order (Volgende, soonest first, open cases only),
# without aggregating every case (issue 16): the two dates that make up "next" come from their
# own indexes in date order (plan_evaluation_on, meeting_held_on), merged, and cut once enough
# cases are known; each date only counts where LOAD_SQL counts it. CROSS JOIN keeps SQLite's
# join order, so the meetings are read in date order from their index.
FIRST_PLANS_SQL = """
SELECT c.id, c.reference, substr(pl.evaluation_on, 1, 10) FROM plan pl
JOIN "case" c ON c.id = pl.case_id
WHERE pl.evaluation_on IS NOT NULL AND pl.superseded = 0 AND c.phase != :closed AND pl.id = (
  SELECT p1.id FROM plan p1 WHERE p1.case_id = c.id AND p1.superseded = 0
  ORDER BY p1.version DESC LIMIT 1)
ORDER BY pl.evaluation_on, c.reference
"""
FIRST_MEETINGS_SQL = """
SELECT c.id, c.reference, substr(m.held_on, 1, 10) FROM meeting m
CROSS JOIN meeting_item mi ON mi.meeting_id = m.id
CROSS JOIN "case" c ON c.id = mi.case_id
WHERE m.held_on >= :today AND m.status != :meeting_closed AND c.phase != :closed
ORDER BY m.held_on, c.reference
"""
FIRST_UNDATED_SQL = """
SELECT c.id FROM "case" c WHERE c.phase != :closed ORDER BY c.reference
"""


def _first_of(sql: str, today: dt.date, limit: int) -> list[tuple]:
    sql, params = _bind(sql, today)
    return db.execute_sql(sql + " LIMIT ?", [*params, limit]).fetchall()


def first_ids(today: dt.date, count: int) -> list[int]:
    """The ids of the first `count` open cases by their next date (the earlier of the current
    plan's evaluation and the next meeting; none last), ties by reference: the order
    `load` + sorting on "next" gives. Costs the same at any number of cases."""
    limit = max(count, 1) * 2
    while True:
        streams = [_first_of(FIRST_PLANS_SQL, today, limit),
                   _first_of(FIRST_MEETINGS_SQL, today, limit)]
        # Complete up to the last row of a stream that was cut off at the limit.
        cut = min(((s[-1][2], s[-1][1]) for s in streams if len(s) == limit), default=None)
        merged = [row for s in streams for row in s if cut is None or (row[2], row[1]) <= cut]
        merged.sort(key=lambda row: (row[2], row[1]))
        found: dict[int, None] = {}
        for case_id, _reference, _date in merged:
            found.setdefault(case_id, None)
            if len(found) == count:
                return list(found)
        if cut is None:
            break  # every dated case is known: the undated follow, by reference
        limit *= 4
    dated = set(found)
    for (case_id,) in _first_of(FIRST_UNDATED_SQL, today, count + len(dated)):
        if case_id not in dated:
            found.setdefault(case_id, None)
            if len(found) == count:
                break
    return list(found)


def explain(today: dt.date) -> list[str]:
    """EXPLAIN QUERY PLAN of the load query (for the benchmark and for checking indexes)."""
    sql, params = _bind(LOAD_SQL, today)
    cursor = db.execute_sql("EXPLAIN QUERY PLAN " + sql, params)
    return [str(row[-1]) for row in cursor.fetchall()]
