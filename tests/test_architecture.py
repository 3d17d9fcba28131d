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
