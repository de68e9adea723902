"""Our own colour scheme: high contrast for a projector (and for anyone who needs it).

A projector in a lit meeting room washes out colour and dark backgrounds; black text on
white, a dark blue accent and a black cursor with white text stay readable. Every text colour
has a contrast of at least 7:1 against the background (WCAG AAA), muted text included.
Registered by the app; chosen in Instellingen (F9) or with "Thema" in the command palette.
"""

from __future__ import annotations

from textual.theme import Theme

from zvh_tui.core.i18n import N_

BLACK, WHITE, GREY, BLUE = "#000000", "#FFFFFF", "#E4E4E4", "#00008B"
BROWN, RED, GREEN = "#7A3D00", "#A00000", "#004D00"  # warning, error, success: 7:1 on white

HIGH_CONTRAST = Theme(
    name="zvh-hoog-contrast",
    primary=BLUE, secondary=BLACK, accent=BLUE,
    warning=BROWN, error=RED, success=GREEN,
    foreground=BLACK, background=WHITE, surface=WHITE, panel=GREY, boost="#00000014",
    dark=False,
    variables={
        "text-muted": "#1F1F1F",
        **{f"text-{name}": colour for name, colour in (
            ("primary", BLUE), ("accent", BLUE), ("warning", BROWN), ("error", RED),
            ("success", GREEN))},
        "border": BLACK,
        "border-blurred": "#5A5A5A",
        "block-cursor-background": BLACK,
        "block-cursor-foreground": WHITE,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#BDBDBD",
        "block-cursor-blurred-foreground": BLACK,
        "footer-key-foreground": BLUE,
        "footer-description-foreground": BLACK,
        "footer-background": GREY,
        "input-cursor-background": BLACK,
        "input-cursor-foreground": WHITE,
        "input-selection-background": f"{BLUE} 35%",
    },
)

THEMES = [HIGH_CONTRAST]

# Names shown in Instellingen (marked here, translated where shown: `tr()`); other themes show
# under Textual's own name.
THEME_LABELS = {
    HIGH_CONTRAST.name: N_("Hoog contrast (projector)"),
    "textual-dark": N_("Donker (standaard)"),
    "textual-light": N_("Licht"),
}


def theme_label(name: str) -> str:
    return THEME_LABELS.get(name, name)
