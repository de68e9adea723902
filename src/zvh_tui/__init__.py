"""zvh-tui: procesregie voor Zorg- en Veiligheidshuizen in de terminal."""

APP_NAME = "zvh-tui"


def __getattr__(name: str) -> str:
    """`__version__` on first use: `importlib.metadata` costs ~0.1 s at every start (issue 16)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:  # the one source of the version is pyproject.toml, through the installed metadata
        version = metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        version = "0+onbekend"  # i18n: a version number (PEP 440 local label), kept as is
    globals()["__version__"] = version
    return version
