"""Does search land a reader on the answer in minutes nobody here wrote? The archive imported
from ../shared/corpus (bench/corpus_archive.py: drafts made `slutlig` as imported), 40 queries
judged by reading the documents (tests/corpus_judgments.py), through our results and through
stock Material's search dialog, both in the real browser; recall@10 and MRR are printed for both,
and the queries without an answer must find nothing with us."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus_archive import CORPUS, build
from generator.load import load_archive
from generator import urls

from .conftest import QUIET, ROOT, serve, stock_material_config
from .corpus_judgments import JUDGMENTS
from .test_search_relevance import metrics, ours, stock

pytestmark = [pytest.mark.skipif(not (CORPUS / "corpus.yaml").is_file(), reason="the corpus is not beside the repository"),
              pytest.mark.heavy]  # (run first: conftest.py)

MRR_FLOOR = 0.75
RECALL_FLOOR = 0.85
"""Below what search reaches today (the figures are printed; see README, "Search")."""


@pytest.fixture(scope="session")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus's archive, imported and built once per session (about two minutes)."""
    folder = tmp_path_factory.mktemp("corpus")
    build(folder)
    return folder


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace('"', "").split())


def resolved(content: Path) -> list[tuple[str, list[str]]]:
    """The judgments with each answer's address in the imported archive, found by its title."""
    archive = load_archive(content)
    out = []
    for query, answers in JUDGMENTS:
        refs = []
        for body, day, title in answers:
            meeting = next(m for m in archive.meetings if m.body == body and m.date.isoformat() == day)
            if title is None:
                refs.append(urls.meeting(meeting).url)
                continue
            wanted = _norm(title)
            found = [i for i in meeting.items if _norm(i.title).startswith(wanted) or wanted.startswith(_norm(i.title))]
            assert len(found) == 1, (query, body, day, title, [i.title for i in meeting.items])
            refs.append(urls.item(meeting, found[0]))
        out.append((query, refs))
    return out


@pytest.fixture(scope="module")
def servers(corpus_project: Path):
    stock_folder = corpus_project.parent / "stock"
    stock_folder.mkdir(exist_ok=True)
    config = stock_material_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = config.replace("docs_dir: content", f"docs_dir: {corpus_project / 'content'}")
    (stock_folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=stock_folder, check=True, env=QUIET)
    ours_httpd, ours_url = serve(corpus_project / "site")
    stock_httpd, stock_url = serve(stock_folder / "site")
    yield ours_url, stock_url
    ours_httpd.shutdown()
    stock_httpd.shutdown()


def test_search_finds_the_answers_in_minutes_nobody_here_wrote(browser: object, servers, corpus_project: Path) -> None:
    judged = resolved(corpus_project / "content")
    ours_url, stock_url = servers
    our_ranked, stock_ranked = ours(browser, ours_url, judged), stock(browser, stock_url, judged)
    our_recall, our_mrr, our_misses = metrics(our_ranked, judged)
    stock_recall, stock_mrr, _ = metrics(stock_ranked, judged)
    unanswerable = [query for query, relevant in judged if not relevant]
    print(f"\n{len(judged)} judged queries on the corpus ({len(unanswerable)} without an answer)")
    print(f"ours:           recall@10 {our_recall:.3f}  MRR {our_mrr:.3f}")
    print(f"stock Material: recall@10 {stock_recall:.3f}  MRR {stock_mrr:.3f}")
    print("no answer, ours: " + ", ".join(f"{q!r}: {len(our_ranked[q])} results" for q in unanswerable))
    print("no answer, stock: " + ", ".join(f"{q!r}: {len(stock_ranked[q])} results" for q in unanswerable))
    print("our misses:\n  " + "\n  ".join(our_misses))
    assert our_mrr >= MRR_FLOOR and our_recall >= RECALL_FLOOR, our_misses
    assert our_mrr > stock_mrr and our_recall > stock_recall
    assert all(our_ranked[q] == [] for q in unanswerable), {q: our_ranked[q][:3] for q in unanswerable}
