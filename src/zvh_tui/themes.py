"""Our own colour scheme: high contrast for a projector (and for anyone who needs it).

A projector in a lit meeting room washes out colour and dark backgrounds; black text on
white, a dark blue accent and a black cursor with white text stay readable. Every text colour
has a contrast of at least 7:1 against the background (WCAG AAA), muted text included.
Registered by the app; chosen in Instellingen (F9) or with "Thema" in the command palette.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="zvh-hoog-contrast",
    primary="#00008B",
    secondary="#000000",
    accent="#00008B",
    warning="#7A3D00",
    error="#A00000",
    success="#004D00",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E4E4E4",
    boost="#00000014",
    dark=False,
    variables={
        "text-muted": "#1F1F1F",
        "text-primary": "#00008B",
        "text-accent": "#00008B",
        "text-warning": "#7A3D00",
        "text-error": "#A00000",
        "text-success": "#004D00",
        "border": "#000000",
        "border-blurred": "#5A5A5A",
        "block-cursor-background": "#000000",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#BDBDBD",
        "block-cursor-blurred-foreground": "#000000",
        "footer-key-foreground": "#00008B",
        "footer-description-foreground": "#000000",
        "footer-background": "#E4E4E4",
        "input-cursor-background": "#000000",
        "input-cursor-foreground": "#FFFFFF",
        "input-selection-background": "#00008B 35%",
    },
)

THEMES = [HIGH_CONTRAST]

# Names shown in Instellingen; other themes show under Textual's own name.
THEME_LABELS = {
    HIGH_CONTRAST.name: "Hoog contrast (projector)",
    "textual-dark": "Donker (standaard)",
    "textual-light": "Licht",
}


def theme_label(name: str) -> str:
    return THEME_LABELS.get(name, name)
