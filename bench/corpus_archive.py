"""An archive built from minutes nobody here wrote: every document of ../shared/corpus imported
with `protokollarkivet import` (each body's files with `--body`), the drafts made `slutlig` as
they are (nothing corrected by hand), the import reports removed, and the site built.

Search's relevance on it is measured by tests/test_search_corpus_relevance.py, with queries
judged from reading the documents (tests/corpus_judgments.py).

    .venv/bin/python bench/corpus_archive.py OUT   # OUT/content, OUT/mkdocs.yml, OUT/site
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BODIES = """\
- key: dvd-divisionsstamma
  name: Datavetenskapsdivisionen, divisionsstämman
  short_name: Divisionsstämman
  organisation: Datavetenskapsdivisionen
- key: dvd-styrelsen
  name: Datavetenskapsdivisionen, styrelsen
  short_name: DVD-styrelsen
  organisation: Datavetenskapsdivisionen
- key: stacken
  name: Datorföreningen Stacken
  short_name: Stacken
  organisation: Datorföreningen Stacken
- key: lithekod
  name: LiTHe kod
  organisation: LiTHe kod
"""
"""The corpus's four bodies (corpus.yaml's keys), as a new user would register them."""
ENV = {"NO_MKDOCS_2_WARNING": "1", "LANG": "en", "PATH": "/usr/bin:/bin"}


def documents(corpus: Path = CORPUS) -> dict[str, list[Path]]:
    """The corpus's files by body key."""
    listing = yaml.safe_load((corpus / "corpus.yaml").read_text(encoding="utf-8"))
    key_of = {body["name"]: key for key, body in listing["bodies"].items()}
    out: dict[str, list[Path]] = {}
    for doc in listing["documents"]:
        out.setdefault(key_of[doc["body"]], []).append(corpus / doc["file"])
    return out


def build(out: Path, corpus: Path = CORPUS) -> Path:
    """The corpus's archive in `out`, built; returns the site's folder."""
    content = out / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "bodies.yml").write_text(BODIES, encoding="utf-8")
    (content / "topics.yml").write_text("[]\n", encoding="utf-8")
    python = str(Path(sys.executable))
    for body, files in documents(corpus).items():
        subprocess.run([python, "-m", "generator.cli", "import", "--body", body, "--content", str(content), "--force",
                        *map(str, files)], cwd=ROOT, env=ENV, check=False, capture_output=True)
    for report in content.rglob("*.import.txt"):
        report.unlink()
    (content / ".import-state.json").unlink(missing_ok=True)
    for draft in content.glob("*/*.md"):
        text = draft.read_text(encoding="utf-8")
        draft.write_text(re.sub(r"^status: utkast$", "status: slutlig", text, count=1, flags=re.M), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    run = subprocess.run([python, "-m", "mkdocs", "build", "-q"], cwd=out, env=ENV, capture_output=True, text=True)
    if run.returncode:
        raise RuntimeError(run.stderr[-3000:])
    return out / "site"


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
