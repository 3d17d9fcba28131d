"""The core stays engine-independent: only the adapter's two modules may import MkDocs."""

from __future__ import annotations

import ast

from .conftest import ROOT

ADAPTER = ("mkdocs_plugin.py", "mkdocs_pages.py")


def test_only_the_adapter_imports_mkdocs() -> None:
    offenders = []
    for path in sorted((ROOT / "generator").glob("*.py")):
        if path.name in ADAPTER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] in ("mkdocs", "material")]
    assert offenders == []


def test_the_readmes_module_table_lists_every_module() -> None:
    """A reader learns the code from the README's table: every module in it, none that is gone."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(generator/[^`]+)` \|", readme, re.MULTILINE))
    modules = {f"generator/{p.relative_to(ROOT / 'generator').as_posix()}" for p in (ROOT / "generator").glob("*.py")
               if p.name != "__init__.py"}
    packages = {f"generator/{p.parent.name}/" for p in (ROOT / "generator").glob("*/__init__.py")}
    assert sorted((modules | packages) - listed) == [], "describe the module in the README's table"
    assert sorted(listed - modules - packages) == [], "the README names a module that no longer exists"


def test_the_core_reads_no_engine_state_from_the_environment() -> None:
    """Settings reach the core as values: no module but the adapter and the CLI reads or writes
    os.environ (the language of messages aside, which is the reader's)."""
    offenders = []
    for path in sorted((ROOT / "generator").glob("*.py")):
        if path.name in (*ADAPTER, "cli.py", "messages.py"):
            continue
        if "os.environ" in path.read_text(encoding="utf-8"):
            offenders.append(path.name)
    assert offenders == []
