"""The secretary's preview (`mkdocs serve`) shows content errors in the browser, not only in the
terminal: every page lists the problems at its top while it keeps showing the last valid content,
and the list goes away as soon as the file is valid again."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import Project, fetch, preview, wait_for

PROTOCOL = "lsg/2021-02-19.md"


def test_an_invalid_edit_is_listed_in_the_browser_until_it_is_fixed(project: Project, tmp_path: Path, browser) -> None:
    source = project.content / PROTOCOL
    valid = source.read_text(encoding="utf-8")
    with preview(project, tmp_path) as running:
        page_url = f"{running.url}lsg/2021-02-19/"
        wait_for(lambda: "Dagordningen godkändes" in fetch(page_url), "the preview")
        page = browser.new_page()
        try:
            page.goto(page_url)
            assert page.locator(".pa-preview-problems").count() == 0

            source.write_text(valid.replace("status: justerat", "status: klar"), encoding="utf-8")
            banner = page.locator(".pa-preview-problems")
            banner.wait_for(timeout=60_000)  # (the live reload brings it)
            assert banner.get_attribute("role") == "alert"
            assert "Innehållet har 1 fel som måste rättas" in banner.inner_text()
            assert ("content/lsg/2021-02-19.md:8: status: found 'klar', expected one of 'planerad', 'kallad', 'inställd', "
                    "'utkast', 'slutlig', 'justerat' or 'anslaget'") in banner.inner_text()
            assert "Dagordningen godkändes" in page.content()  # the last valid page, still readable

            source.write_text(valid.replace("Dagordningen godkändes.", "Dagordningen godkändes med ett tillägg."),
                              encoding="utf-8")
            page.locator(".decision").get_by_text("Dagordningen godkändes med ett tillägg.").wait_for(timeout=60_000)
            assert page.locator(".pa-preview-problems").count() == 0
        finally:
            page.close()


def test_a_preview_started_on_broken_content_shows_the_rest_and_the_problems(project: Project, tmp_path: Path) -> None:
    source = project.content / PROTOCOL
    source.write_text(source.read_text(encoding="utf-8").replace("date: 2021-02-19", "date: 2021-02-30"), encoding="utf-8")
    with preview(project, tmp_path) as running:
        wait_for(lambda: fetch(f"{running.url}socialnamnden/2024-03-12/") != "", "the preview")
        problems = fetch(f"{running.url}_forhandsvisning/problem.json")
    assert problems == ('["content/lsg/2021-02-19.md:4: date: found \'2021-02-30\', expected a date that exists [date]"]')


def test_a_build_never_publishes_broken_content(project: Project) -> None:
    source = project.content / PROTOCOL
    source.write_text(source.read_text(encoding="utf-8").replace("status: justerat", "status: klar"), encoding="utf-8")
    run = project.build()
    assert run.code == 1 and "status: found 'klar'" in run.stderr
    assert not project.site.exists()


def test_a_full_disk_in_the_preview_is_told_in_one_line_and_the_next_save_is_shown(project: Project, tmp_path: Path) -> None:
    """The secretary's disk is full when she saves: the preview says which file it could not write
    and why, keeps serving the pages as they were, and shows her next save once there is room."""
    source = project.content / PROTOCOL
    valid = source.read_text(encoding="utf-8")
    with preview(project, tmp_path, largest_file=1_500_000) as running:  # (the theme's largest file: 1 MB)
        page_url = f"{running.url}lsg/2021-02-19/"
        wait_for(lambda: "Dagordningen godkändes" in fetch(page_url), "the preview")
        huge = "Dagordningen godkändes.\n\n" + "En mycket lång redogörelse. " * 70_000  # (a page of 2 MB)
        source.write_text(valid.replace("Dagordningen godkändes.", huge, 1), encoding="utf-8")
        wait_for(lambda: "ulimit -f" in running.log.read_text(encoding="utf-8"), "the preview to tell the refused write")
        told = running.log.read_text(encoding="utf-8")
        assert "Traceback" not in told and re.search(r"lsg/2021-02-19/\S*: File too large", told), told
        assert "redogörelse" not in fetch(page_url)

        source.write_text(valid.replace("Dagordningen godkändes.", "Dagordningen godkändes med ett tillägg."), encoding="utf-8")
        wait_for(lambda: "med ett tillägg" in fetch(page_url), "the next save")
