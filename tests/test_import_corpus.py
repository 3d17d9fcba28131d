"""The importer on real minutes of bodies nobody here wrote: every document of the development
corpus (../shared/corpus) is imported and scored against its ground truth by
`bench/import_eval.py`; the figures may not fall below what the rules reach today.

The rules were written against two of the corpus's bodies and first measured on the other two
(see the bench's DEVELOPMENT); the floors here hold the figures over all four."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "corpus.yaml").is_file(), reason="the corpus is not beside the repository")
def test_the_corpus_of_other_bodies_minutes_is_imported_and_scored(capsys):
    import bench.import_eval as evaluation

    evaluation.main(["--only", "corpus", "--corpus", str(CORPUS), "--content", str(ROOT / "content")])
    printed = capsys.readouterr().out
    figures = evaluation.FIGURES
    assert figures["refused"] == 0, printed
    items, decisions = figures["overall"]["items"], figures["overall"]["decisions"]
    presenters = figures["overall"]["presenters"]
    assert items[0] >= 0.9 and items[1] >= 0.97, printed
    assert decisions[0] >= 0.84 and decisions[1] >= 0.9, printed
    assert presenters[0] >= 0.3 and presenters[1] >= 0.43, printed
    assert figures["held out"]["items"][0] >= 0.9 and figures["held out"]["decisions"][0] >= 0.79, printed
    votes, dissents = figures["overall"]["votes"], figures["overall"]["reservationer"]
    assert votes[0] >= 0.75 and votes[1] >= 0.9 and dissents == (1.0, 1.0), printed
