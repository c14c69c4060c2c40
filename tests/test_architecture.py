"""The import graph: only reader/gui may import PySide6, and no module imports itself.

The import-linter contracts in pyproject.toml (run by `.ci/run` as `lint-imports`)
check every import, direct or indirect; these tests check what they cannot see.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

import reader

PACKAGE = Path(reader.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def test_the_qt_contract_covers_every_package_but_gui() -> None:
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    qt_contract = next(c for c in contracts["contracts"] if c["type"] == "forbidden")
    packages = {
        f"reader.{path.parent.name}"
        for path in PACKAGE.glob("*/__init__.py")
        if path.parent.name != "gui"
    }
    assert set(qt_contract["source_modules"]) == packages | {"reader.__main__"}


def test_cli_services_and_storage_import_without_loading_qt() -> None:
    # The CLI imports reader.gui.app inside the functions that open a window: the
    # contracts allow that one import, so this checks it stays out of module level.
    code = (
        "import importlib, pkgutil, sys\n"
        "for name in ('reader.cli', 'reader.services', 'reader.storage'):\n"
        "    package = importlib.import_module(name)\n"
        "    for module in pkgutil.iter_modules(package.__path__, name + '.'):\n"
        "        importlib.import_module(module.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_no_module_imports_itself_through_others() -> None:
    # import-linter checks layers, not circles inside one.  Imports under TYPE_CHECKING
    # are left out: they never run, and a module naming its caller's type in an annotation
    # (storage.classroom's `Library`) is no circle a reader has to follow at run time.
    graph = grimp.build_graph("reader", exclude_type_checking_imports=True, cache_dir=None)
    in_circles = {
        module: sorted(graph.find_upstream_modules(module) & graph.find_downstream_modules(module))
        for module in graph.modules
    }
    assert {module: others for module, others in in_circles.items() if others} == {}
