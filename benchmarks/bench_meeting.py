"""Live meeting at scale: capture a line, next agenda item, start live mode (issue 13.8).

Runs on the profile bench_case_list filled (10,000 cases, about 100,000 actions: `run.py` makes
it once for both). Beside that data, through the services: three fictional partners with a
contact person each, a case at the table with all three, its plan of 15 actions adopted (so the
first item's card lists 15 actions to review), and an MDO today with that case and two cases of
the scale data on its agenda. Then, in the app (`run_test`, headless, 120x40):

- start live mode: `ZvhApp.start_live(N)` (what `l` on the meetings list and `zvh meeting live N`
  call) to the first frame that draws the case card; the first time builds the screen (its CSS);
- next agenda item: PgDn / PgUp (the keys for `/volgende`, `/vorige`) to the frame that draws the
  other item's title and card;
- capture a line: Enter on `b …`, `n …` or `a … @OWNER vr` (typed into the line beforehand) to
  the frame that shows it (the decision or note in the notes panel; the action's answer and the
  card's new count of open actions). What Enter stores is committed before the frame (capture.
  execute returns after the commit); the rows are counted at the end.

Beside them, without a target: where the time goes in the services (capture.execute, the card,
every panel's reads, a draft write), the floor (a small text changed to the frame that draws
it), and the whole app start of `zvh meeting live N` after unlock (three times).

"A frame draws it": `Widget.render_lines` is wrapped for the benchmark and stamps the moment the
compositor first renders the awaited widget with the awaited text (Textual renders a widget's
lines only for a frame it paints). Pilot's own pause after a key is not in the figures: the stamp
is taken inside the frame. Targets: 50 ms per line and per item, 300 ms to start live mode.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from collections.abc import Callable
from typing import Any

from benchmarks.bench_case_list import HEADER, PASSPHRASE, Series, progress

TARGET_CAPTURE_MS = 50.0
TARGET_NEXT_MS = 50.0
TARGET_START_MS = 300.0
PLAN_ACTIONS = 15
STARTS = 10  # after the first
STEPS = 32  # PgDn/PgUp, back and forth over the three items (ends on item 1)
LINES = 15  # of each kind (b, n, a)
FRAME_TIMEOUT = 15.0  # seconds: a frame that never comes is an error, not a figure


class FrameWatch:
    """Stamps the first frame in which a widget (by id) is drawn the way it is awaited.

    `expect(widget_id, wanted)`: `wanted(widget, text)` is asked each time the compositor renders
    that widget's lines (`text`: the lines rendered, joined); the first time it says yes, the
    moment is kept (`at`)."""

    def __init__(self) -> None:
        self.waits: dict[str, list[Any]] = {}
        self._original: Callable[..., Any] | None = None

    def install(self) -> None:
        from textual.widget import Widget

        original = self._original = Widget.render_lines
        watch = self

        def render_lines(widget: Any, crop: Any) -> Any:
            lines = original(widget, crop)
            waiting = watch.waits.get(widget.id or "")
            if waiting is not None and not waiting[1]:
                text = "".join(strip.text for strip in lines)
                if waiting[0](widget, text):
                    waiting[1] = time.perf_counter()
            return lines

        Widget.render_lines = render_lines  # type: ignore[method-assign]

    def uninstall(self) -> None:
        from textual.widget import Widget

        if self._original is not None:
            Widget.render_lines = self._original  # type: ignore[method-assign]
            self._original = None

    def expect(self, widget_id: str, wanted: Callable[[Any, str], bool]) -> None:
        self.waits[widget_id] = [wanted, 0.0]

    def showing(self, widget_id: str, text: str) -> None:
        self.expect(widget_id, lambda _widget, shown: text in shown)

    def changed(self, widget_id: str, widget: Any) -> None:
        """Awaits the widget drawn with other content than it has now (a redraw)."""
        before = widget.content
        self.expect(widget_id, lambda w, _shown: w.content is not before)

    async def drawn(self, pilot: Any, *widget_ids: str) -> float:
        """The moment the last of these widgets was drawn as awaited (waits for it)."""
        deadline = time.perf_counter() + FRAME_TIMEOUT
        while not all(self.waits[w][1] for w in widget_ids):
            if time.perf_counter() > deadline:
                missing = [w for w in widget_ids if not self.waits[w][1]]
                raise RuntimeError(f"niet getekend binnen {FRAME_TIMEOUT} s: {missing}")
            await pilot.pause(0.001)
        return max(self.waits[w][1] for w in widget_ids)


def _meeting(today: dt.date) -> tuple[int, str]:
    """The meeting of the benchmark, beside the scale data; returns (id, owner word for @)."""
    from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
    from zvh_tui.services.cases import lifecycle as cases
    from zvh_tui.services.meetings import meeting as meetings
    from zvh_tui.services.partners import participants
    from zvh_tui.services.partners import roster as partners
    from zvh_tui.services.plans import versions as plans
    from zvh_tui.store.models import Case

    team = partners.create_partner("Bench Wijkteam Zuid", "gemeente", convenant_signed=True)
    police = partners.create_partner("Bench Politie Zuid", "straf", convenant_signed=True)
    housing = partners.create_partner("Bench Woningcorporatie Zuid", "wonen", convenant_signed=True)
    worker = partners.add_contact(team, "Bench Sanne Meting", phone="06 00000011")
    agent = partners.add_contact(police, "Bench Wim Meting", phone="06 00000012")
    tenant = partners.add_contact(housing, "Bench Huub Meting", phone="06 00000013")
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Bench Cliënt Meting")],
                                           reason="Benchmark: overlast en schulden",
                                           referrer_partner_id=team.id))
    participants.set_check(participants.participants_of(case)[0], CheckStatus.KNOWN,
                           basis="convenant art. 5")
    for step in (Phase.SCREENING, Phase.TRIAGE):
        cases.move_phase(case, step)
    cases.set_triage(case, TriageOutcome.TAKE_ON)
    cases.move_phase(case, Phase.ANALYSIS)
    participants.add_participant(case, police.id, contact_id=agent.id)
    participants.add_participant(case, housing.id, contact_id=tenant.id)
    participants.set_director(case, team.id, contact_id=worker.id)
    cases.move_phase(case, Phase.MEETING)
    cases.move_phase(case, Phase.PLAN)
    plan = plans.start_plan(case)
    plans.update_plan(plan, shared_task="Wonen behouden en de overlast stoppen",
                      evaluation_on=today + dt.timedelta(weeks=6))
    goal = plans.add_goal(plan, "Hij houdt zijn woning")
    owners = ((team.id, worker.id), (police.id, agent.id), (housing.id, tenant.id))
    for n in range(PLAN_ACTIONS):
        partner_id, contact_id = owners[n % 3]
        plans.add_action(plan, f"Actie {n + 1} van het plan: afspraak maken en terugkoppelen",
                         goal=goal if n % 2 else None, owner_partner_id=partner_id,
                         owner_contact_id=contact_id, deadline=today + dt.timedelta(days=n * 3 - 10))
    plans.add_agreement(plan, "Bij een incident belt de politie de casusregisseur")
    plans.adopt(plan)
    cases.move_phase(case, Phase.EXECUTION)
    others = list(Case.select().where((Case.phase == Phase.EXECUTION.value) & (Case.id != case.id))
                  .order_by(Case.id).limit(2))
    meeting = meetings.create_meeting("MDO", today, start_time="09:30", location="Benchmark")
    for on_agenda, minutes in zip([case, *others], (20, 15, 15), strict=True):
        meetings.add_item(meeting, on_agenda, slot_minutes=minutes)
    return meeting.id, "woningcorporatie"


async def _wait_screen(pilot: Any, wanted: Callable[[Any], bool]) -> None:
    deadline = time.perf_counter() + FRAME_TIMEOUT
    while not wanted(pilot.app.screen):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"scherm niet bereikt: {pilot.app.screen!r}")
        await pilot.pause(0.01)


async def in_app(profile: object, meeting_id: int, owner: str, series: list[Series],
                 lines: list[str]) -> None:
    from textual.widgets import Static

    from zvh_tui.app import ZvhApp
    from zvh_tui.screens.meetings.live import LiveMeetingScreen
    from zvh_tui.services.meetings import card
    from zvh_tui.services.shared import context
    from zvh_tui.store.models import Action, MeetingNote, db

    watch = FrameWatch()
    watch.install()
    app = ZvhApp(profile)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await _wait_screen(pilot, lambda s: app.is_unlocked and app.current_mode == app.MAIN_MODE)
            await app.workers.wait_for_complete()
            await app.action_meetings()
            await _wait_screen(pilot, lambda s: app.current_mode == "meetings")
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)

            progress("live-modus starten")
            s_first = Series("live: starten, eerste keer (scherm bouwen)")
            s_start = Series("live: starten -> eerste beeld met kaart", target_ms=TARGET_START_MS)
            for n in range(STARTS + 1):
                watch.showing("live-card", "Fase:")
                t0 = time.perf_counter()
                app.start_live(meeting_id)
                (s_first if n == 0 else s_start).add(await watch.drawn(pilot, "live-card") - t0)
                await app.workers.wait_for_complete()
                await pilot.pause(0.05)
                if n < STARTS:
                    await pilot.press("escape")  # back to the meetings area; the meeting stays open
                    await _wait_screen(pilot, lambda s: not isinstance(s, LiveMeetingScreen))
                    await pilot.pause(0.05)
            series.extend([s_first, s_start])
            screen = app.screen
            assert isinstance(screen, LiveMeetingScreen)

            # The floor under every figure: one small widget changed, to the frame that draws it
            # (Textual paints at most 60 frames a second; no key, no query, no write).
            s_floor = Series("live: ijkpunt, tekst bijwerken -> getekend")
            for n in range(20):
                watch.showing("capture-answer", f"ijkpunt {n}")
                t0 = time.perf_counter()
                screen.capture_line.say(f"ijkpunt {n}")
                s_floor.add(await watch.drawn(pilot, "capture-answer") - t0)
                await pilot.pause(0.02)
            series.append(s_floor)

            progress("volgend en vorig agendapunt")
            s_next = Series("live: PgDn/PgUp -> ander punt met kaart", target_ms=TARGET_NEXT_MS)
            s_heavy = Series("live: ... naar het punt met 15 acties", target_ms=TARGET_NEXT_MS)
            position = 1
            for n in range(STEPS):
                step = 1 if (n // 2) % 2 == 0 else -1  # 1 -> 2 -> 3 -> 2 -> 1 -> 2 ...
                target = position + step
                watch.changed("live-card", screen.query_one("#live-card", Static))
                title = re.compile(rf"\bpunt {target}( van |/)3\b")  # "punt 2 van 3", "punt 2/3"
                watch.expect("live-title", lambda _w, shown, title=title: bool(title.search(shown)))
                t0 = time.perf_counter()
                await pilot.press("pagedown" if step > 0 else "pageup")
                took = await watch.drawn(pilot, "live-card", "live-title") - t0
                (s_heavy if target == 1 else s_next).add(took)
                position = target
                await pilot.pause(0.02)
            series.extend([s_next, s_heavy])
            assert position == 1  # the item with the plan of 15 actions, for the lines

            progress("regels vastleggen")
            s_b = Series("live: Enter op b … -> besluit getoond", target_ms=TARGET_CAPTURE_MS)
            s_n = Series("live: Enter op n … -> notitie getoond", target_ms=TARGET_CAPTURE_MS)
            s_a = Series("live: Enter op a … @eigenaar vr -> getoond", target_ms=TARGET_CAPTURE_MS)
            field = screen.capture_line.input
            today = context.today()
            notes_before = MeetingNote.select().count()
            for n in range(LINES):
                for kind, target in (("b", s_b), ("n", s_n), ("a", s_a)):
                    if kind == "b":
                        field.value = f"b Besluit {n} van de meting"
                        watch.showing("live-notes", f"BESLUIT Besluit {n} van de meting")
                        shown = ("live-notes",)
                    elif kind == "n":
                        field.value = f"n Notitie {n} van de meting"
                        watch.showing("live-notes", f"Notitie {n} van de meting")
                        shown = ("live-notes",)
                    else:
                        field.value = f"a Actie {n} uit het overleg @{owner} vr"
                        screen.capture_line.say("")
                        expected = card.case_card(screen.item, today).open_actions + 1
                        watch.showing("capture-answer", "Actie in plan versie")
                        watch.showing("live-card", f"Acties: {expected} open")
                        shown = ("capture-answer", "live-card")
                    await pilot.pause()  # the draft of the typed line is kept before Enter
                    t0 = time.perf_counter()
                    await pilot.press("enter")
                    target.add(await watch.drawn(pilot, *shown) - t0)
                    await pilot.pause(0.02)
            series.extend([s_b, s_n, s_a])
            stored_notes = MeetingNote.select().count() - notes_before
            stored_actions = Action.select().where(Action.agreed_in == screen.item.id).count()
            lines.append(f"Vastgelegd en opgeslagen (geteld na afloop): {stored_notes} besluiten en "
                         f"notities, {stored_actions} acties; open transactie: {db.in_transaction()}")
            if stored_notes != 2 * LINES or stored_actions != LINES:
                raise RuntimeError("niet elke vastgelegde regel is opgeslagen")
    finally:
        watch.uninstall()


def services_level(meeting_id: int, owner: str, series: list[Series]) -> None:
    """Where the time of a line and of an item goes, without the screen (item 1, its plan)."""
    from zvh_tui.services.meetings import capture, card, live
    from zvh_tui.services.meetings import meeting as meetings
    from zvh_tui.services.shared import context, drafts
    from zvh_tui.store.models import utcnow

    item = meetings.items_of(meetings.get_meeting(meeting_id))[0]
    today = context.today()
    now = utcnow()
    rows = [
        ("services: capture.execute(b …), vastgelegd", lambda n: capture.execute(
            f"b Besluit {n} zonder scherm", item, today=today, now=now)),
        ("services: capture.execute(a … @eigenaar vr)", lambda n: capture.execute(
            f"a Actie {n} zonder scherm @{owner} vr", item, today=today, now=now)),
        ("services: drafts.save (de regel als concept)", lambda n: drafts.save(
            f"capture:{meeting_id}", {"capture-input": f"b half getypt {n}"}, case_id=item.case_id)),
        ("services: card.case_card (punt 1)", lambda n: card.case_card(item, today)),
        ("services: capture.names_for (namen na @)", lambda n: capture.names_for(item)),
        ("services: alle panelen lezen (punt 1)", lambda n: (
            card.case_card(item, today), live.attendance_of(item), card.agenda(item.meeting, item.id),
            live.notes_of(item), live.decisions_of(item), capture.names_for(item))),
    ]
    for name, step in rows:
        s = Series(name)
        for n in range(10):
            t0 = time.perf_counter()
            step(n)
            s.add(time.perf_counter() - t0)
        series.append(s)
    drafts.discard(f"capture:{meeting_id}")


async def cold_start(profile: object, meeting_id: int, target: Series) -> None:
    """`zvh meeting live N` after unlock: the app straight into live mode, to the card drawn."""
    from zvh_tui.app import ZvhApp

    watch = FrameWatch()
    watch.install()
    try:
        watch.showing("live-card", "Fase:")
        app = ZvhApp(profile, start_meeting=meeting_id)
        t0 = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            target.add(await watch.drawn(pilot, "live-card") - t0)
            await app.workers.wait_for_complete()
    finally:
        watch.uninstall()


def _open(profile: Any) -> None:
    """The app closes the profile when it ends (ZvhApp.on_unmount): open it again, untimed."""
    if not profile.unlocked:
        profile.unlock(PASSPHRASE)


def run(profile: Any) -> str:
    """The measurements on a filled profile; the report (a table like bench_case_list's)."""
    from zvh_tui.services.shared import context
    from zvh_tui.store.models import Action, Plan

    _open(profile)
    lines: list[str] = ["Overleg live (issue 13.8)"]
    series: list[Series] = []
    progress("overleg klaarzetten")
    meeting_id, owner = _meeting(context.today())
    first_plan = Plan.select().order_by(Plan.id.desc()).first()
    lines.append(f"Agenda: 3 punten; punt 1 met een vastgesteld plan van "
                 f"{Action.select().where(Action.plan == first_plan.id).count()} acties "
                 f"(terugblik op de kaart), punt 2 en 3 uit de schaaldata")
    asyncio.run(in_app(profile, meeting_id, owner, series, lines))
    _open(profile)
    services_level(meeting_id, owner, series)
    s_cold = Series("app: starten met zvh meeting live N -> kaart")
    for _ in range(3):
        _open(profile)  # the app closed it
        asyncio.run(cold_start(profile, meeting_id, s_cold))
    series.append(s_cold)
    lines.append("")
    lines.append(HEADER)
    lines.extend(s.row() for s in series)
    return "\n".join(lines)
