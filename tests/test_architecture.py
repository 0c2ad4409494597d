"""The dependency rule of DESIGN.md, checked on the source itself.

Only the GUI may import Qt; the domain stays stdlib-only; each layer imports only the
layers beneath it. A violation here is how a desk ends up unable to run headless or a
hub ends up pulling in a widget toolkit.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "frontdesk"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

# What each part may import from frontdesk itself (DESIGN.md, "The parts").
ALLOWED = {
    "core": {"core"},
    "formats": {"core", "formats"},
    "store": {"core", "store"},
    "search": {"core", "store", "search"},
    "sync": {"core", "store", "sync"},
    "hub": {"core", "formats", "hub"},
    "gui": {"core", "formats", "store", "search", "sync", "gui", "resources"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def python_files(part: str | None = None) -> list[Path]:
    root = PACKAGE / part if part else PACKAGE
    return sorted(root.rglob("*.py"))


def test_nothing_outside_the_gui_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in python_files()
        if "gui" not in path.relative_to(PACKAGE).parts
        for name in imports_of(path)
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_the_domain_uses_only_the_standard_library() -> None:
    import sys

    offenders = [
        f"{path.name} imports {name}"
        for path in python_files("core")
        for name in imports_of(path)
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith("frontdesk.core")
    ]
    assert offenders == []


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_the_layers_beneath_it(part: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in python_files(part)
        for name in imports_of(path)
        if name.startswith("frontdesk.")
        and name.split(".")[1] not in ALLOWED[part]
        and name != "frontdesk"
    ]
    assert offenders == []


def test_every_package_in_the_tree_is_shipped() -> None:
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(PACKAGE.parent).parts)
        for init in PACKAGE.rglob("__init__.py")
    } | {"frontdesk.resources", "frontdesk.ui"}
    # Data folders under resources/ ship as packages of frontdesk.resources.
    found |= {
        f"frontdesk.resources.{folder.name}"
        for folder in (PACKAGE.parent / "resources").iterdir()
        if folder.is_dir() and not folder.name.startswith((".", "_"))
    }
    assert found == declared
