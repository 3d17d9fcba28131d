"""The core stays engine-independent: only the adapter's two modules may import MkDocs."""

from __future__ import annotations

import ast

from .conftest import ROOT

ADAPTER = ("mkdocs_plugin.py", "mkdocs_pages.py")


def test_only_the_adapter_imports_mkdocs() -> None:
    offenders = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        if path.name in ADAPTER and path.parent.name == "generator":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.relative_to(ROOT).as_posix()}: {name}" for name in names if name.split(".")[0] in ("mkdocs", "material")]
    assert offenders == []


def test_the_readmes_module_table_lists_every_module() -> None:
    """A reader learns the code from the README's table: every module in it, none that is gone."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(generator/[^`]+)` \|", readme, re.MULTILINE))
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py") if p.name != "__init__.py"}
    packages = {f"generator/{p.parent.name}/" for p in (ROOT / "generator").glob("*/__init__.py")}
    # A package is described as a whole (`generator/importer/`) or module by module (`generator/search/`).
    wholes = listed & packages
    undescribed = [m for m in modules if m not in listed and not any(m.startswith(package) for package in wholes)]
    assert sorted(undescribed) == [], "describe the module in the README's table"
    assert sorted(listed - modules - packages) == [], "the README names a module that no longer exists"


def test_the_core_reads_no_engine_state_from_the_environment() -> None:
    """Settings reach the core as values: no module but the adapter and the CLI reads or writes
    os.environ (the language of messages aside, which is the reader's)."""
    offenders = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        if path.name in (*ADAPTER, "cli.py", "messages.py") and path.parent.name == "generator":
            continue
        if "os.environ" in path.read_text(encoding="utf-8"):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
