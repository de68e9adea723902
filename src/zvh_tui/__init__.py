"""zvh-tui: procesregie voor Zorg- en Veiligheidshuizen in de terminal."""

__version__ = "0.1.0"
APP_NAME = "zvh-tui"
