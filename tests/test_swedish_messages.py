"""Staff read `check`, `new`, `import` and the build in Swedish, the default; `LANG=en` gives
English. The catalogue (generator/locale/sv/LC_MESSAGES/protokollarkivet.po) holds every message
the code marks, with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator.messages import CATALOGUE

from .conftest import QUIET, ROOT, Project

PROTOCOL = "lsg/2021-02-19.md"


def _check(project: Project, **language: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in QUIET.items() if key not in ("LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=project.root, capture_output=True, text=True,
                          env=env | language, timeout=120)


def _break(project: Project) -> None:
    path = project.content / PROTOCOL
    path.write_text(path.read_text(encoding="utf-8").replace("status: justerat", "status: justerad")
                    .replace("Föredragande: Anna Bergström", "Föredragnde: Anna Bergström"), encoding="utf-8")


def test_check_speaks_swedish_by_default(project: Project) -> None:
    _break(project)
    run = _check(project, LANG="C.UTF-8")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "content/lsg/2021-02-19.md:8: status: står 'justerad', ska vara en av 'planerad', 'kallad', 'inställd', 'utkast', 'slutlig', 'justerat' eller "
        "'anslaget' (menade du 'justerat'?) [value]",
        "content/lsg/2021-02-19.md:61: Föredragnde: okänd fältetikett (menade du 'Föredragande:'?) [field-label]",
        "2 fel hittades; inget byggdes.",
    ]


def test_lang_en_gives_english(project: Project) -> None:
    _break(project)
    run = _check(project, LANG="en_GB.UTF-8")
    assert run.stderr.splitlines()[-1] == "2 problems found; nothing was built."
    assert "found 'justerad', expected one of" in run.stderr


def test_a_clean_check_says_so_in_swedish(project: Project) -> None:
    run = _check(project, LANG="sv_SE.UTF-8")
    assert run.returncode == 0 and run.stdout.strip() == "OK: 2 möten, 5 ärenden, 2 organ, 2 ämnen."


def test_the_catalogue_holds_every_message_with_its_placeholders() -> None:
    marked = {message for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "generator"), keywords={"_": None, "N_": None}, comment_tags=()) if message}
    with CATALOGUE.open("rb") as handle:
        catalogue = {m.id: m.string for m in read_po(handle) if m.id}
    assert sorted(marked - catalogue.keys()) == [], "run the README's 'Messages in Swedish' steps"
    assert sorted(catalogue.keys() - marked) == [], "the catalogue holds messages the code no longer has"
    fields = re.compile(r"\{[^}]*\}")
    assert [m for m, s in catalogue.items() if not s or sorted(fields.findall(m)) != sorted(fields.findall(s))] == []
