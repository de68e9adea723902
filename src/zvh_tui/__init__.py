"""zvh-tui: procesregie voor Zorg- en Veiligheidshuizen in de terminal."""

from importlib import metadata

APP_NAME = "zvh-tui"

try:  # the one source of the version is pyproject.toml, through the installed metadata
    __version__ = metadata.version(APP_NAME)
except metadata.PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+onbekend"
