"""A link staff copied today still works in ten years: a build that would drop a published URL
fails naming it; redirects and withdrawn pages cover deliberate changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.load import read_archive

from .browsing import Visit
from .conftest import Project, serve


def test_removing_a_published_page_fails_the_build_naming_it(project: Project) -> None:
    assert project.build().code == 0
    assert "/lsg/2021-02-19/" in (project.root / "published-urls.txt").read_text(encoding="utf-8")
    (project.content / "lsg/2021-02-19.md").unlink()
    run = project.build()
    assert run.code != 0
    assert "published URLs would vanish" in run.stderr and "  /lsg/2021-02-19/" in run.stderr


def test_a_redirect_reaches_its_target(project: Project, browser: object) -> None:
    assert project.build().code == 0
    source = project.content / "lsg/2021-02-19.md"
    shutil.move(source, project.content / "lsg/2021-02-18.md")
    text = (project.content / "lsg/2021-02-18.md").read_text(encoding="utf-8")
    (project.content / "lsg/2021-02-18.md").write_text(text.replace("date: 2021-02-19", "date: 2021-02-18"), encoding="utf-8")
    project.write("redirects.yml", "redirects:\n  - from: lsg/2021-02-19/\n    to: lsg/2021-02-18/\n")
    run = project.build()
    assert run.code == 0, run.stderr
    httpd, base = serve(project.site)
    try:
        visit = Visit(browser, base)
        visit.open(base + "lsg/2021-02-19/")
        visit.page.wait_for_url("**/lsg/2021-02-18/")
        assert visit.page.locator("article.item").count() == 3
        visit.close()
        assert visit.errors == []
    finally:
        httpd.shutdown()


def test_a_withdrawn_page_says_so_and_why(project: Project) -> None:
    project.write("lsg/2021-06-01.md", "---\nbody: lsg\nkind: protokoll\ndate: 2021-06-01\nstatus: slutlig\n---\n\n"
                                       "## 1. Ett ärende\n\nText.\n")
    assert project.build().code == 0
    (project.content / "lsg/2021-06-01.md").unlink()
    project.write("redirects.yml", "removed:\n  - url: lsg/2021-06-01/\n    reason: Protokollet innehöll personuppgifter.\n")
    run = project.build()
    assert run.code == 0, run.stderr
    html = (project.site / "lsg/2021-06-01/index.html").read_text(encoding="utf-8")
    assert "Sidan har tagits bort" in html and "Protokollet innehöll personuppgifter." in html


def test_a_renamed_key_keeps_its_old_addresses(project: Project) -> None:
    bodies = (project.content / "bodies.yml").read_text(encoding="utf-8")
    project.write("bodies.yml", bodies.replace("  short_name: LSG\n", "  short_name: LSG\n  former_keys: [lansgruppen]\n"))
    run = project.build()
    assert run.code == 0, run.stderr
    html = (project.site / "lansgruppen/2021-02-19/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../../lsg/2021-02-19/">' in html


def test_a_circular_redirect_is_an_error(project: Project) -> None:
    project.write("redirects.yml", "redirects:\n  - from: a/\n    to: b/\n  - from: b/\n    to: a/\n")
    _, problems = read_archive(project.content)
    assert [str(p) for p in problems] == [
        "content/redirects.yml:2: redirects[0]: the redirect from 'a/' goes round in a circle (point it at a page) [redirect]",
        "content/redirects.yml:4: redirects[1]: the redirect from 'b/' goes round in a circle (point it at a page) [redirect]",
    ]


def test_a_correction_is_shown_on_the_page_that_keeps_its_url(project: Project) -> None:
    text = (project.content / "lsg/2021-02-19.md").read_text(encoding="utf-8")
    project.write("lsg/2021-02-19.md", text.replace("status: justerat", "status: justerat\ncorrections:\n"
                                                    "  - date: 2021-03-10\n    text: Ett stavfel i § 5 rättades."))
    run = project.build()
    assert run.code == 0, run.stderr
    html = (project.site / "lsg/2021-02-19/index.html").read_text(encoding="utf-8")
    assert "Rättelser" in html and "Ett stavfel i § 5 rättades." in html and "10 mars 2021" in html


def test_the_example_archive_publishes_every_recorded_url(example_site: Path) -> None:
    from .conftest import ROOT

    recorded = [line[1:] for line in (ROOT / "published-urls.txt").read_text(encoding="utf-8").splitlines()]
    missing = [url for url in recorded if not ((example_site / url / "index.html").exists() or (example_site / url).is_file())]
    assert missing == [] and len(recorded) > 150
