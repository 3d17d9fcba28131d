"""A reader sees how a published protocol changed: with `history: true` each meeting page lists its
published versions from git and what changed, word by word. What was redacted, or put under
secrecy, in any version never appears in any version's diff, nor anywhere else on the site."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

from .conftest import FIXTURES, Project, published_files

VERSIONS = FIXTURES / "versions"
MEETING = "lsg/2021-02-19.md"
PAGE = "lsg/2021-02-19/index.html"
DAYS = ("2021-02-26T09:00:00+01:00", "2021-03-04T16:05:00+01:00", "2021-03-10T11:30:00+01:00")
"""When each fixture version is committed: the draft, the adjusted protocol, the correction."""


def with_history(project: Project) -> Project:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - protokollarkivet:\n", "  - protokollarkivet:\n      history: true\n", 1), encoding="utf-8")
    return project


def git(project: Project, *arguments: str, when: str = DAYS[0]) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Registrator", "GIT_AUTHOR_EMAIL": "registrator@example.se",
           "GIT_COMMITTER_NAME": "Registrator", "GIT_COMMITTER_EMAIL": "registrator@example.se",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", *arguments], cwd=project.root, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit_versions(project: Project, count: int = 3) -> None:
    """The archive's repository: everything committed, then the meeting file's fixture versions
    one commit each."""
    git(project, "init", "-q", "-b", "main")
    for number, (name, when) in enumerate(zip(sorted(p.name for p in VERSIONS.glob("*.md") if p.name[0].isdigit()), DAYS)):
        if number >= count:
            break
        project.write(MEETING, (VERSIONS / name).read_text(encoding="utf-8"))
        git(project, "add", "-A", when=when)
        git(project, "commit", "-q", "-m", f"version {number + 1}", when=when)


def versions_section(project: Project) -> str:
    html = (project.site / PAGE).read_text(encoding="utf-8")
    found = re.search(r'<section class="pa-versions".*?</section>', html, re.DOTALL)
    return found.group() if found else ""


def test_a_corrected_protocol_lists_its_published_versions_with_a_word_diff(project: Project) -> None:
    with_history(project)
    commit_versions(project)
    run = project.build()
    assert run.code == 0, run.stderr
    section = versions_section(project)
    assert '<h2 id="versioner">Versioner</h2>' in section
    # The draft was never published: two versions, dated by their commits, the newest first.
    assert "publicerats i 2 versioner" in section and "UTKASTETS" not in section
    assert section.index("Version 2 (den här)") < section.index("Version 1")
    assert '<time datetime="2021-03-10T11:30:00+01:00">10 mars 2021 kl. 11.30</time>' in section
    assert '<time datetime="2021-03-04T16:05:00+01:00">4 mars 2021 kl. 16.05</time>' in section
    assert '<time datetime="2021-02-26' not in section
    # The correction, word by word, under the item it is in.
    diff = section[section.index("Vad som ändrades i version 2"):]
    assert re.search(r'<p class="pa-diff-heading">§ 5 UPH-medel[^<]*</p>\s*<p class="pa-diff-line">[^<]*enligt '
                     r'<ins><span class="pa-visually-hidden">\[tillagt: </span>beslutad <span class="pa-visually-hidden">\]</span></ins>plan\.</p>', diff), diff
    assert "Rättelser: 2021-03-10: Beslutet i § 5 rättat" in diff


def test_a_page_with_versions_has_no_axe_violations(project: Project, browser: object) -> None:
    from .conftest import serve
    from .test_accessibility import violations

    with_history(project)
    commit_versions(project)
    assert project.build().code == 0
    httpd, url = serve(project.site)
    try:
        for width in (1280, 375):
            assert violations(browser, url + "lsg/2021-02-19/", width) == []  # (with every diff opened)
    finally:
        httpd.shutdown()


def test_a_redacted_name_and_an_item_put_under_secrecy_appear_in_no_version(project: Project) -> None:
    with_history(project)
    commit_versions(project)
    run = project.build()
    assert run.code == 0, run.stderr
    section = versions_section(project)
    assert "Versioner" in section
    # Version 1 named the person and gave the address; the site holds neither, in any file.
    for path, data in published_files(project.site):
        assert b"Gustafsson" not in data and b"Storgatan" not in data, path
    # The redaction itself is no change a reader sees: the sentence reads the same in both versions.
    assert "tillträds av" not in section
    assert "Sekretess: 26 kap. 1 § OSL" in section  # (what the item now says: its legal ground)


def test_a_protocol_never_changed_says_since_when_it_is_published(project: Project) -> None:
    with_history(project)
    commit_versions(project, count=2)
    assert project.build().code == 0
    section = versions_section(project)
    assert "Protokollet har inte ändrats sedan det publicerades 4 mars 2021 kl. 16.05." in section
    assert "<details" not in section


def test_changes_not_yet_committed_are_the_last_version(project: Project) -> None:
    with_history(project)
    commit_versions(project, count=2)
    project.write(MEETING, (VERSIONS / "3-rattelse.md").read_text(encoding="utf-8"))
    assert project.build().code == 0
    section = versions_section(project)
    assert "Version 2 (den här)</span>: ändringar som ännu inte är incheckade" in section and "beslutad" in section


def test_two_builds_with_history_are_byte_identical(project: Project) -> None:
    with_history(project)
    commit_versions(project)
    assert project.build().code == 0
    first = _digest(project.site)
    assert project.build().code == 0
    assert _digest(project.site) == first


def test_content_outside_git_builds_without_versions_and_says_so_once(project: Project) -> None:
    with_history(project)
    run = project.build()
    assert run.code == 0, run.stderr
    assert run.stderr.count("version history:") == 1 and "not in a git repository" in run.stderr
    assert versions_section(project) == ""


def test_a_meeting_file_not_committed_builds_without_versions_and_says_so_once(project: Project) -> None:
    with_history(project)
    commit_versions(project, count=2)
    project.write("lsg/2021-05-05.md", (project.content / MEETING).read_text(encoding="utf-8").replace(
        "date: 2021-02-19", "date: 2021-05-05").replace("next_meetings:\n  - date: 2021-05-05\n    time: \"8–12\"\n    text: 5 maj kl. 8-12\n", ""))
    run = project.build()
    assert run.code == 0, run.stderr
    assert run.stderr.count("version history:") == 1 and "1 meeting files are not committed (lsg/2021-05-05.md)" in run.stderr
    assert "Versioner" not in (project.site / "lsg/2021-05-05/index.html").read_text(encoding="utf-8")
    assert "Versioner" in versions_section(project)


def test_a_shallow_clone_builds_without_versions_and_says_so_once(project: Project, tmp_path: Path) -> None:
    with_history(project)
    commit_versions(project)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project.root}", str(clone)], check=True, capture_output=True)
    shallow = Project(clone)
    run = shallow.build()
    assert run.code == 0, run.stderr
    assert run.stderr.count("version history:") == 1 and "shallow clone" in run.stderr and "fetch-depth: 0" in run.stderr
    assert versions_section(shallow) == ""


def test_the_archive_workflow_checks_out_the_whole_history() -> None:
    from .conftest import ROOT

    workflow = (ROOT / "templates/archive-repository/.github/workflows/publish.yml").read_text(encoding="utf-8")
    assert re.search(r"actions/checkout@v\d+\n\s+with:\n(?:\s+#.*\n)*\s+fetch-depth: 0\n", workflow)


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}
