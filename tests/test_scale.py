"""A large archive builds fast and previews instantly, and nothing a reader sees is the price.

Speed itself is measured by `bench/build.py`, never asserted here: these tests hold what the fast
paths must keep, namely pages byte-identical to the ones MkDocs renders itself, and an edit in
the preview re-rendering what it affects and nothing else.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, Project, make_project
from .test_build import tree_digest


@pytest.mark.parametrize("content", [ROOT / "content", FIXTURES / "content"], ids=["example", "committee"])
def test_pages_in_a_shared_layout_are_the_bytes_mkdocs_renders(tmp_path: Path, content: Path) -> None:
    project = make_project(tmp_path, content)
    if content == ROOT / "content":
        shutil.copy(ROOT / "published-urls.txt", tmp_path)
    shared = project.build("-d", str(tmp_path / "shared"))
    assert shared.code == 0, shared.stderr
    written = re.search(r"(\d+) pages written in (\d+) shared layouts", shared.stderr)
    assert written and int(written[1]) > 10, shared.stderr  # (meetings, people, diarienummer...)

    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - protokollarkivet:\n", "  - protokollarkivet:\n      shared_layout: false\n"), encoding="utf-8")
    engine = project.build("-d", str(tmp_path / "engine"))
    assert engine.code == 0, engine.stderr
    assert "shared layouts" not in engine.stderr

    shared_tree, engine_tree = tree_digest(tmp_path / "shared"), tree_digest(tmp_path / "engine")
    assert shared_tree.keys() == engine_tree.keys()
    assert [path for path in shared_tree if shared_tree[path] != engine_tree[path]] == []


def test_the_sitemap_lists_every_page_but_redirects(fixture_site: Path) -> None:
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>https://protokollarkivet\.example\.se/(.*?)</loc>", sitemap))
    pages = {p.parent.relative_to(fixture_site).as_posix() + "/" for p in fixture_site.rglob("index.html")}
    pages = {"" if page == "./" else page for page in pages}
    redirects = {page for page in pages if 'http-equiv="refresh"' in (fixture_site / page / "index.html").read_text("utf-8")}
    assert listed == pages - redirects
    assert len(listed) > 20
