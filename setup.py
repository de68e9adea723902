"""The build's one step of our own: compile the translation catalogues into the wheel.

Everything else is in pyproject.toml. `build_py` copies the package (the `.po` files with it,
MANIFEST.in grafts the folder) and then writes each catalogue's `.mo` beside its `.po` in the
build folder, with Babel (a build requirement). A checkout needs no compiled catalogue: the app
compiles a `.po` in memory when its `.mo` is missing or older (src/zvh_tui/core/i18n.py).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(Path(self.build_lib, "zvh_tui", "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as handle:
                catalogue = read_po(handle)
            with po.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalogue)


setup(cmdclass={"build_py": BuildWithCatalogues})
