"""Pasted text is stored exactly or refused with a Dutch reason: never cut at the first line,
never reordered around an ESC, never stripped of NUL (services.text.paste_refusal,
widgets.paste_guard, ZvhApp._refuse_paste)."""

from __future__ import annotations

import pytest
import safety_helpers as h
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.widgets import Input, TextArea

from zvh_tui.app import ZvhApp
from zvh_tui.compat.textual import XTermParser
from zvh_tui.screens.cases.new_case import NewCaseScreen
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared.text import LINE_MAX, block, line, paste_refusal
from zvh_tui.widgets import paste_guard

SIZE = (120, 40)
START, END = paste_guard.START, paste_guard.END


# -- the rule ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "multiline", "reason"),
    [
        ("regel 1\nregel 2", False, "de tekst heeft 2 regels en dit veld heeft er één"),
        ("a\r\nb\r\nc", False, "3 regels"),
        ("a\u2028b", False, "2 regels"),
        ("Jan^[\x1b[31mRood", False, "stuurteken, ␛ (ESC)"),
        ("Jan\x00Jansen", True, "stuurteken, ␀ (NUL)"),
        ("a\tb", False, "␉ (tab)"),
        ("exe.\u202efdp", True, "leesrichting omdraait, ⟨U+202E⟩"),
    ],
)
def test_a_paste_that_cannot_go_in_as_it_is_is_refused_with_the_reason(
    pasted: str, multiline: bool, reason: str
) -> None:
    refusal = paste_refusal(pasted, multiline=multiline)
    assert refusal is not None and refusal.startswith("Niet geplakt: ")
    assert reason in refusal


@pytest.mark.parametrize(
    ("pasted", "multiline"),
    [("Jan de Vries", False), ("Jan de Vries\n", False), ("[/b] Zoë 👍🏽", False),
     ("regel 1\nregel 2\n\ttab", True), ("regel 1\r\nregel 2", True)],
)
def test_ordinary_pastes_are_let_through(pasted: str, multiline: bool) -> None:
    assert paste_refusal(pasted, multiline=multiline) is None


@given(st.text(max_size=LINE_MAX))  # longer: refused by length on saving, with a message
def test_what_is_let_through_is_what_the_field_would_store(pasted: str) -> None:
    """A paste let into a one-line field passes line(); into a text field, block() (after
    the text field's own line endings)."""
    if paste_refusal(pasted, multiline=False) is None:
        body = pasted[:-1] if pasted.endswith(("\n", "\r")) else pasted
        body = body[:-1] if pasted.endswith("\r\n") else body
        assert line(body, "Naam") == body.strip()
    if paste_refusal(pasted, multiline=True) is None:
        text = pasted.replace("\r\n", "\n").replace("\r", "\n")
        assert block(text, "Notitie") == text.strip()


# -- the terminal parser keeps the paste whole -------------------------------------------------


def parse(*chunks: str) -> list[events.Event]:
    parser = XTermParser()
    found: list[events.Event] = []
    for chunk in chunks:
        found.extend(parser.feed(chunk))
    return found


def test_a_paste_with_esc_and_nul_arrives_whole_and_in_order() -> None:
    paste_guard.install()
    pasted = "Jan\x1b[2JJansen\x00 en \x1b]2;PWNED\x07 klaar"
    found = parse(f"x{START}{pasted}{END}y")
    keys = [e.key for e in found if isinstance(e, events.Key)]
    [paste] = [e for e in found if isinstance(e, events.Paste)]
    assert paste_guard.restore(paste.text) == pasted
    assert keys == ["x", "y"]  # nothing of the paste came as key presses


def test_the_paste_survives_every_cut_between_two_reads() -> None:
    paste_guard.install()
    pasted = "a\x1bb\x00c"
    data = f"q{START}{pasted}{END}\x1b[A"
    for cut in range(len(data) + 1):
        found = parse(data[:cut], data[cut:]) if cut else parse(data)
        pastes = [paste_guard.restore(e.text) for e in found if isinstance(e, events.Paste)]
        assert pastes == [pasted], cut
        assert [e.key for e in found if isinstance(e, events.Key)] == ["q", "up"], cut


# -- in the app ---------------------------------------------------------------------------------


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def test_pasting_into_a_form_goes_in_exactly_or_not_at_all(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await h.wait_for(pilot, lambda: app.current_mode == "cases")
        await app.push_screen(NewCaseScreen())
        await h.wait_for(pilot, lambda: isinstance(app.screen, NewCaseScreen))
        title = app.screen.query_one("#title", Input)
        title.focus()
        await pilot.pause()

        await paste(pilot, "Familie Jansen\nRegel twee")  # Textual would keep only line 1
        assert title.value == ""
        await h.wait_for(pilot, lambda: any("2 regels" in n.message for n in app._notifications))

        await paste(pilot, "Jansen\x1b[2J")
        assert title.value == ""
        await h.wait_for(pilot, lambda: any("␛ (ESC)" in n.message for n in app._notifications))

        await paste(pilot, "Familie Jansen")
        assert title.value == "Familie Jansen"

        reason = app.screen.query_one("#reason", TextArea)
        reason.focus()
        await pilot.pause()
        await paste(pilot, "Eerste regel\nTweede regel\n\tingesprongen")
        await h.wait_for(pilot, lambda: reason.text == "Eerste regel\nTweede regel\n\tingesprongen")

        await paste(pilot, paste_guard._mark("en dan\x00nul"))  # as the parser now delivers NUL
        assert reason.text == "Eerste regel\nTweede regel\n\tingesprongen"
        await h.wait_for(pilot, lambda: any("␀ (NUL)" in n.message for n in app._notifications))
