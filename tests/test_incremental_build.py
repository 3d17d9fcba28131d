"""A commit that changes one meeting does not rebuild every page: the build carries the published
site forward (hard links) and renders only the pages whose views changed. Whatever the edit, the
result is the bytes a full build of the same content makes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from generator.urls import DATA_DIR, OPARL_DIR

from .conftest import ROOT, Project, make_project
from .test_build import tree_digest

pytestmark = pytest.mark.heavy  # (run first: conftest.py)

DAY = dt.date(2026, 12, 2)


def _change_a_decision(content: Path) -> None:
    path = content / "lsg/2023-09-15.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Föregående protokoll godkändes", "Föregående protokoll godkändes utan ändringar", 1), encoding="utf-8")


def _present_one_more_item(content: Path) -> None:
    """Dagmar Schröder, at the meeting already, presents § 31 too: her page changes, nothing but
    the meeting's own counts of her do."""
    path = content / "lsg/2023-09-15.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Föredragande: André Forslöf, Region Västerbotten", "Föredragande: André Forslöf, Region Västerbotten; Dagmar Schröder", 1),
        encoding="utf-8")


def _add_a_meeting(content: Path) -> None:
    (content / "lsg/2021-05-05.md").write_text(
        "---\nbody: lsg\nkind: protokoll\ndate: 2021-05-05\nstatus: slutlig\n---\n\n"
        "## 1. Godkännande av dagordning\n\n::: beslut\nDagordningen godkändes.\n:::\n", encoding="utf-8")


def _delete_a_meeting(content: Path) -> None:
    (content / "vvg/2021-10-04.md").unlink()
    (content / "redirects.yml").write_text("removed:\n  - url: vvg/2021-10-04/\n    reason: Felaktigt publicerat.\n",
                                           encoding="utf-8")


def _rename_a_body(content: Path) -> None:
    path = content / "bodies.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Samråd vård och omsorg", "name: Samrådet vård och omsorg"),
                    encoding="utf-8")


def _change_a_registry(content: Path) -> None:
    path = content / "topics.yml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^  name: (.*)$", text, re.MULTILINE)
    assert first is not None
    path.write_text(text.replace(first.group(0), f"  name: {first.group(1)} (ändrat)", 1), encoding="utf-8")


EDITS = {
    "change a decision": _change_a_decision,
    "present one more item": _present_one_more_item,
    "add a meeting": _add_a_meeting,
    "delete a meeting": _delete_a_meeting,
    "rename a body": _rename_a_body,
    "change a registry": _change_a_registry,
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The example archive, built once as CI publishes it."""
    project = make_project(tmp_path_factory.mktemp("published") / "archive", ROOT / "content")
    assert project.build(on=DAY).code == 0
    return project


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edit_built_on_the_published_site_gives_the_bytes_of_a_full_build(published: Project, tmp_path: Path,
                                                                            edit: str) -> None:
    incremental = make_project(tmp_path / "incremental", published.content)
    shutil.copytree(published.site, incremental.site)
    shutil.copytree(published.root / ".protokollarkivet-cache", incremental.root / ".protokollarkivet-cache")
    _rebase_record(published.root, incremental.root)
    EDITS[edit](incremental.content)
    published_bytes = tree_digest(incremental.site)
    run = incremental.build("-v", on=DAY)
    assert run.code == 0, run.stderr
    full = make_project(tmp_path / "full", incremental.content)
    assert full.build(on=DAY).code == 0
    carried, total = _carried(run.stderr)
    if edit in ("change a decision", "present one more item"):  # (the others change what every page may link to)
        assert 0 < carried < total
        # (and the OParl objects of every meeting but the one changed are kept, not made again)
        meetings_carried, meetings = _carried(run.stderr, "meetings' OParl objects")
        assert meetings_carried == meetings - 1 > 0
        # (no site the last build replaced waits in the cache, as on a CI runner: the published
        # site was copied while the archive was read)
        assert "incremental: the published site copied while the archive was read" in run.stderr
    assert tree_digest(incremental.site) == tree_digest(full.site)
    assert _folders(incremental.site) == _folders(full.site)
    # The published site was never written through a link: the site replaced holds what it held.
    [replaced] = [path for path in (incremental.root / ".protokollarkivet-cache").iterdir()
                  if re.match(r"(retired|stale)-site-", path.name)]
    assert tree_digest(replaced) == published_bytes
    assert not list((incremental.root / ".protokollarkivet-cache").glob("reusing-*"))


def test_the_oparl_objects_of_the_meetings_not_edited_are_kept_as_a_full_build_makes_them(tmp_path: Path) -> None:
    """A meeting's OParl objects (its agenda items, consultations, location) are made again only
    when what they are made of changed; what the papers and files list of the others (every
    consultation of a diarienummer, every place a file is attached) is the same as a full build's."""
    project = make_project(tmp_path / "project")  # (the fixture: items with diarienummer, attachments, votes)
    first = project.content / "socialnamnden/2024-03-12.md"
    for day in ("2024-04-09", "2024-05-14"):  # (more meetings of the committee, taking up the same case)
        (project.content / f"socialnamnden/{day}.md").write_text(
            first.read_text(encoding="utf-8").replace("date: 2024-03-12", f"date: {day}"), encoding="utf-8")
        shutil.copytree(project.content / "socialnamnden/2024-03-12", project.content / f"socialnamnden/{day}")
    assert project.build(on=DAY).code == 0
    edited = project.content / "socialnamnden/2024-04-09.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("att anta riktlinjer", "att anta reviderade riktlinjer"),
                      encoding="utf-8")
    run = project.build("-v", on=DAY)
    assert run.code == 0, run.stderr
    assert _carried(run.stderr, "meetings' OParl objects") == (3, 4)
    full = make_project(tmp_path / "full", project.content)
    assert full.build(on=DAY).code == 0
    assert tree_digest(project.site) == tree_digest(full.site)
    paper = json.loads(next((full.site / OPARL_DIR / "paper").glob("*.json")).read_text(encoding="utf-8"))
    assert len(paper["consultation"]) >= 3  # (the case taken up at every meeting of the committee)


def test_the_site_a_build_replaced_is_made_the_next_builds_copy_whatever_it_holds(published: Project,
                                                                                 tmp_path: Path) -> None:
    """The site a build replaces waits in the cache; the next build makes its copy of the published
    site out of it, file by file where the two differ, instead of linking every file anew and
    removing the old site's. Whatever was done to it meanwhile, the result is a full build's."""
    project = make_project(tmp_path / "project", published.content)
    shutil.copytree(published.site, project.site)
    shutil.copytree(published.root / ".protokollarkivet-cache", project.root / ".protokollarkivet-cache")
    _rebase_record(published.root, project.root)
    _change_a_decision(project.content)
    assert project.build(on=DAY).code == 0
    [retired] = (project.root / ".protokollarkivet-cache").glob("retired-site-*")
    (retired / "stray.html").write_text("left over", encoding="utf-8")  # (not in the site)
    (retired / "index.html").unlink()
    (retired / "index.html").write_text("other bytes", encoding="utf-8")  # (another file, not a link)
    gone = next(path for path in (retired / DATA_DIR).rglob("*.json"))
    gone.unlink()
    made_a_folder = next(path for path in (retired / "lsg").rglob("*.html"))
    made_a_folder.unlink()
    (made_a_folder / "x.html").parent.mkdir()
    (made_a_folder / "x.html").write_text("in the way", encoding="utf-8")
    (retired / "empty" / "folder").mkdir(parents=True)
    folder = retired.stat().st_ino
    path = project.content / "lsg/2023-09-15.md"
    path.write_text(path.read_text(encoding="utf-8").replace("utan ändringar", "utan några ändringar"), encoding="utf-8")

    run = project.build("-v", on=DAY)
    assert run.code == 0, run.stderr
    carried, total = _carried(run.stderr)
    assert 0 < carried < total and project.site.stat().st_ino == folder  # (the retired site, brought up to date)
    full = make_project(tmp_path / "full", project.content)
    assert full.build(on=DAY).code == 0
    assert tree_digest(project.site) == tree_digest(full.site)
    assert _folders(project.site) == _folders(full.site)
    assert not list((project.root / ".protokollarkivet-cache").glob("reusing-*"))
    # A build that renders every page writes every file anew: the site it claimed is removed while
    # it builds, and the one it replaces shares no file with the new site: left to be removed, never claimed.
    _rename_a_body(project.content)
    assert project.build(on=DAY).code == 0
    cache = project.root / ".protokollarkivet-cache"
    assert sorted(p.name.split("-")[0] for p in cache.iterdir() if "-site-" in p.name) == ["stale"]
    run = project.build("-v", on=DAY)
    assert run.code == 0 and _carried(run.stderr)[0] > 0
    assert sorted(p.name.split("-")[0] for p in cache.iterdir() if "-site-" in p.name) == ["retired"]


def test_a_build_that_fails_while_the_published_site_is_copied_leaves_the_copy_to_the_next(published: Project,
                                                                                           tmp_path: Path) -> None:
    """A build stopped by a broken protocol stops its copy of the published site where it is (no
    process left behind); the next build makes its staging folder of that copy, brought up to
    date, and gives a full build's bytes."""
    project = make_project(tmp_path / "project", published.content)
    shutil.copytree(published.site, project.site)
    shutil.copytree(published.root / ".protokollarkivet-cache", project.root / ".protokollarkivet-cache")
    _rebase_record(published.root, project.root)
    published_bytes = tree_digest(project.site)
    path = project.content / "lsg/2023-09-15.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("date: 2023-09-15", "date: 2023-02-30"), encoding="utf-8")
    failed = project.build("-v", on=DAY)
    assert failed.code != 0 and tree_digest(project.site) == published_bytes
    cache = project.root / ".protokollarkivet-cache"
    [stopped] = [p for p in cache.iterdir() if "-site-" in p.name]
    assert stopped.name.startswith("reusing-")  # (the stopped copy)
    folder = stopped.stat().st_ino

    path.write_text(good.replace("Föregående protokoll godkändes", "Föregående protokoll godkändes utan ändringar", 1),
                    encoding="utf-8")
    run = project.build("-v", on=DAY)
    assert run.code == 0, run.stderr
    assert 0 < _carried(run.stderr)[0] and project.site.stat().st_ino == folder  # (the stopped copy, claimed)
    full = make_project(tmp_path / "full", project.content)
    assert full.build(on=DAY).code == 0
    assert tree_digest(project.site) == tree_digest(full.site) and _folders(project.site) == _folders(full.site)
    assert sorted(p.name.split("-")[0] for p in cache.iterdir() if "-site-" in p.name) == ["retired"]


def test_a_copy_of_the_published_site_that_cannot_be_made_ends_quietly(tmp_path: Path, capfd) -> None:
    """Where the copy cannot be made (here: the site is gone; elsewhere another file system, which
    takes no hard links), its process ends with no traceback and `take` gives None: the build then
    makes its staging folder as it would without it (`carry_forward`)."""
    from generator import staging

    copying = staging.Copying(tmp_path / "no-site", tmp_path / "copy", ("sok/index",))
    assert copying.take() is None
    assert "Traceback" not in capfd.readouterr().err
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("a", encoding="utf-8")
    copying = staging.Copying(site, tmp_path / "copy-2", ("sok/index",))
    assert copying.take() == tmp_path / "copy-2"
    assert (tmp_path / "copy-2" / "a" / "index.html").stat().st_ino == (site / "a" / "index.html").stat().st_ino


def _folders(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_dir()}


def test_an_unchanged_archive_renders_no_page_of_its_own_again(published: Project, tmp_path: Path) -> None:
    again = make_project(tmp_path / "again", published.content)
    shutil.copytree(published.site, again.site)
    shutil.copytree(published.root / ".protokollarkivet-cache", again.root / ".protokollarkivet-cache")
    _rebase_record(published.root, again.root)
    run = again.build("-v", on=DAY)
    carried, total = _carried(run.stderr)
    assert carried == total and tree_digest(again.site) == tree_digest(published.site)


def test_the_navigations_pages_an_edit_leaves_as_they_were_are_the_published_files(published: Project,
                                                                                    tmp_path: Path) -> None:
    """The engine's pages (a body's page, the topics' index) are not rendered or written again when
    their view is as it was: the new site holds the published files, and the build does not call
    them skipped. The changed body's page is written anew."""
    again = make_project(tmp_path / "again", published.content)
    shutil.copytree(published.site, again.site)
    shutil.copytree(published.root / ".protokollarkivet-cache", again.root / ".protokollarkivet-cache")
    _rebase_record(published.root, again.root)
    _change_a_decision(again.content)
    pages = {name: (again.site / name / "index.html").stat().st_ino for name in ("lsg", "samrad", "amne")}
    run = again.build("-v", on=DAY)
    assert run.code == 0, run.stderr
    kept = {name for name, inode in pages.items() if (again.site / name / "index.html").stat().st_ino == inode}
    assert kept == {"samrad", "amne"}  # (lsg's decision log holds the changed decision)
    assert "Page skipped" not in run.stderr


def test_data_files_that_did_not_change_stay_the_published_files(published: Project, tmp_path: Path) -> None:
    """Open data and the OParl endpoint are written as they are made, each file only when its bytes
    changed: the others stay the very files the site published (hard-linked into the new site)."""
    again = make_project(tmp_path / "again", published.content)
    shutil.copytree(published.site, again.site)
    shutil.copytree(published.root / ".protokollarkivet-cache", again.root / ".protokollarkivet-cache")
    _rebase_record(published.root, again.root)
    _change_a_decision(again.content)
    data = [path for folder in (DATA_DIR, OPARL_DIR) for path in (again.site / folder).rglob("*") if path.is_file()]
    before = {path.relative_to(again.site): path.stat().st_ino for path in data}
    assert len(before) > 100
    assert again.build(on=DAY).code == 0
    after = {name: (again.site / name).stat().st_ino for name in before if (again.site / name).exists()}
    rewritten = {name for name in after if after[name] != before[name]}
    meeting = "lsg/2023-09-15.json"
    assert any(str(name).endswith(meeting) for name in rewritten)  # (the changed meeting's open data)
    assert 0 < len(rewritten) < len(before) / 4, sorted(map(str, rewritten))[:20]


def test_the_record_knows_the_bytes_of_every_data_file_published(published: Project) -> None:
    """The next build compares each data file it makes with the record's digest, not with the file
    on disk: the record must hold every data file the site has, as its bytes are."""
    from generator.staging import BuildRecord, bytes_digest

    record = BuildRecord.read(published.root / ".protokollarkivet-cache", published.site)
    assert record is not None
    data = {path.relative_to(published.site).as_posix(): path for folder in (DATA_DIR, OPARL_DIR)
            for path in (published.site / folder).rglob("*") if path.is_file() and path.name != "index.html"}
    assert len(data) > 100 and data.keys() <= record.files.keys()
    assert all(record.files[name] == bytes_digest(path.read_bytes()) for name, path in data.items())
    # (and what each meeting's data file and OParl objects were made of: the next build makes only
    # those of meetings read otherwise)
    meetings = [name for name in data if name.startswith(f"{DATA_DIR}/") and name.count("/") == 2 and "/schema/" not in name]
    oparl_meetings = [name for name in data if name.startswith(f"{OPARL_DIR}/meeting/") and name.count("/") == 4]
    assert len(meetings) >= 5 and len(oparl_meetings) == len(meetings)
    assert record.made_of.keys() == {*meetings, *oparl_meetings}


def test_the_data_files_digests_are_kept_beside_the_record_by_the_build_that_wrote_them(published: Project, tmp_path: Path) -> None:
    """The data files' digests (each file's, 190,000 at 10,000 protocols) are kept in a file of
    their own beside the record, by the process that wrote the files; the record names it. A record
    whose file is gone builds the site in full, and the next record that is written removes what a
    killed build left of such files."""
    from generator.staging import BuildRecord

    cache = published.root / ".protokollarkivet-cache"
    kept = sorted(cache.glob("site-*.data-*.json"))
    record_file = next(path for path in cache.glob("site-*.json") if ".data-" not in path.name)
    assert len(kept) == 1 and json.loads(record_file.read_text(encoding="utf-8"))["data"] == kept[0].name
    assert "files" not in json.loads(record_file.read_text(encoding="utf-8"))
    assert len(json.loads(kept[0].read_text(encoding="utf-8"))["files"]) > 100

    other = make_project(tmp_path / "other", published.content)
    shutil.copytree(published.site, other.site)
    shutil.copytree(cache, other.root / ".protokollarkivet-cache")
    _rebase_record(published.root, other.root)
    other_cache = other.root / ".protokollarkivet-cache"
    for path in other_cache.glob("site-*.data-*.json"):
        path.unlink()
    killed = other_cache / f"{BuildRecord.path(other_cache, other.site).stem}.data-999999-0badf00d.json"
    killed.write_text('{"files": {}, "compo', encoding="utf-8")  # (a build killed as it wrote it)
    run = other.build("-v", on=DAY)
    assert run.code == 0 and "carried forward" not in run.stderr
    assert tree_digest(other.site) == tree_digest(published.site)
    assert not killed.exists() and len(list(other_cache.glob(f"{BuildRecord.path(other_cache, other.site).stem}.data-*.json"))) == 1


def test_the_data_files_digests_are_written_a_slice_at_a_time_as_one_json_object(published: Project, tmp_path: Path,
                                                                                    monkeypatch) -> None:
    """The digests are written a slice of the entries at a time (made at once, their JSON was the
    data files' writer's largest moment at 100,000 protocols): whatever the slice, the file is the
    bytes of the whole written at once, keys sorted, and reads back as what was written."""
    import orjson

    from generator import staging

    [kept] = (published.root / ".protokollarkivet-cache").glob("site-*.data-*.json")
    record = orjson.loads(kept.read_bytes())
    assert len(record["files"]) > 100 and record["composed"]
    whole = orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
    for entries_at_once in (staging._ENTRIES_AT_ONCE, 7, 1):
        monkeypatch.setattr(staging, "_ENTRIES_AT_ONCE", entries_at_once)
        written = tmp_path / f"record-{entries_at_once}.json"
        # (given in another order than sorted, as the writer adds them)
        # (the files' digests as the writer holds them, their 16 bytes; the record's are hexadecimal)
        files = {path: bytes.fromhex(digest) for path, digest in reversed(record["files"].items())}
        staging.write_data_record(written, files, dict(reversed(record["composed"].items())))
        assert written.read_bytes() == whole and orjson.loads(written.read_bytes()) == record
    staging.write_data_record(tmp_path / "empty.json", {}, {})
    assert orjson.loads((tmp_path / "empty.json").read_bytes()) == {"files": {}, "composed": {}}
    assert not list(tmp_path.glob(".*.new-*"))


def test_a_published_site_changed_by_hand_is_not_carried_forward(published: Project, tmp_path: Path) -> None:
    """The record names the sitemap the last build wrote: a site that is not that build's is built in full."""
    other = make_project(tmp_path / "other", published.content)
    shutil.copytree(published.site, other.site)
    shutil.copytree(published.root / ".protokollarkivet-cache", other.root / ".protokollarkivet-cache")
    _rebase_record(published.root, other.root)
    (other.site / "sitemap.xml").write_text("edited", encoding="utf-8")
    run = other.build("-v", on=DAY)
    assert "carried forward" not in run.stderr
    assert tree_digest(other.site) == tree_digest(published.site)


def _carried(log: str, what: str = "pages") -> tuple[int, int]:
    found = re.search(rf"incremental: (\d+) of (\d+) {what} carried forward", log)
    return (int(found[1]), int(found[2])) if found else (0, 1)


def _comparable(sent: object) -> object:
    """What was sent, its arrays as their type and bytes (compared whole)."""
    import numpy as np

    if isinstance(sent, np.ndarray):
        return sent.dtype.str, sent.tobytes()
    if isinstance(sent, (tuple, list)):
        return [_comparable(part) for part in sent]
    return sent


def _rebase_record(old_root: Path, new_root: Path) -> None:
    """The build record names the site by its path: the copy's record names the copy's site."""
    from generator.staging import BuildRecord

    cache = new_root / ".protokollarkivet-cache"
    record = BuildRecord.read(old_root / ".protokollarkivet-cache", old_root / "site")
    assert record is not None
    record.write(cache, new_root / "site")


def _counted_afresh(docs):
    from generator.search.counts import count_terms, count_tokens, lexicon_of
    from generator.search.texts import PackedTexts

    texts = PackedTexts.of(docs)
    tokens = count_tokens(texts, None)
    lexicon = lexicon_of(texts, tokens.documents_per_token())
    return count_terms(texts, lexicon, tokens, None), tokens.documents_per_token(), lexicon


def _counted_again(docs, last):
    """As a build counts: what it prepared of the last tally while it waited for its input taken."""
    from generator.search.counts import Prepared, count_terms, count_tokens, lexicon_of
    from generator.search.texts import PackedTexts

    texts = PackedTexts.of(docs)
    prepared = Prepared.of(last)
    tokens = count_tokens(texts, last, prepared)
    lexicon = lexicon_of(texts, tokens.tokens, tokens.archive_words(prepared))
    recounted = count_terms(texts, lexicon, tokens, last, prepared)
    return recounted, tokens.documents_per_token(), int((tokens.taken < 0).sum()), lexicon


def _with_text(doc, extra: str):
    import dataclasses

    return dataclasses.replace(doc, texts={**doc.texts, "text": doc.texts.get("text", "") + extra},
                               snippet_source=doc.snippet_source + extra)


def _with_person(doc, name: str):
    import dataclasses

    return dataclasses.replace(doc, texts={**doc.texts, "people": doc.texts.get("people", "") + "\n" + name})


def _index_edits(docs):
    """Edits of the search documents, each as (name, documents before, documents after)."""
    compound = "kommunzorblaxen"  # (splits into kommun + zorblaxen only while some text has "zorblaxen")
    with_compound = [_with_text(docs[0], f" {compound}"), *docs[1:]]
    with_both = [*with_compound[:-1], _with_text(with_compound[-1], " zorblaxen")]
    # (and never while someone is named so: a name is not split, wherever it is written)
    with_name = [*with_both[:7], _with_person(with_both[7], "Eva Kommunzorblaxen"), *with_both[8:]]
    return {
        "a document's text changed": (docs, [*docs[:5], _with_text(docs[5], " samråd om hemsjukvård"), *docs[6:]]),
        "documents added and removed": (docs, [*docs[:3], *docs[4:9], docs[9], *docs[10:], _with_text(docs[2], " ny")]),
        "the documents in another order": (docs, docs[len(docs) // 2:] + docs[:len(docs) // 2]),
        "a word become a name is not split elsewhere": (with_both, with_name),
        "a name gone splits as a word elsewhere": (with_name, with_both),
        "a new word splits a compound elsewhere": (with_compound, with_both),
        "a word gone joins a compound elsewhere": (with_both, with_compound),
    }


def test_a_change_to_a_body_or_topic_every_meeting_page_holds_changes_each_ones_digest(tmp_path: Path) -> None:
    """Every meeting's page holds the archive's bodies and topics, digested once a build as one
    table each: a body's or a topic's description changed (no frame digest holds them) changes the
    digest of every meeting's page, and an edit to one meeting those of its own page and its neighbour's only."""
    import datetime as dt

    from generator.cache import CACHE_DIR, ParseCache
    from generator.render import THEME_DIR
    from generator.settings import Settings
    from generator.site import Site, SiteConfig, _view_digest
    from generator.views import MeetingView

    project = make_project(tmp_path / "archive", ROOT / "content")
    config = SiteConfig(project.content, THEME_DIR, Settings(today=dt.date(2026, 12, 1)))
    cache = ParseCache(project.root / CACHE_DIR)

    def meeting_digests() -> dict[str, str]:
        site = Site.load(config, cache)
        digests = site.page_digests()
        return {view.target.url: digests[view.target.url] for view in site.views.values() if isinstance(view, MeetingView)}

    before = meeting_digests()
    described = before
    for registry, words, changed in (("bodies.yml", "Gruppen bereder ärenden", "Gruppen förbereder ärenden"),
                                     ("topics.yml", "individuella avsteg", "enskilda avsteg")):
        path = project.content / registry
        path.write_text(path.read_text(encoding="utf-8").replace(words, changed, 1), encoding="utf-8")
        earlier, described = described, meeting_digests()
        assert len(earlier) == 5 and all(described[url] != digest for url, digest in earlier.items()), registry
    # (the tables themselves: the registries are in every meeting's cache key too)
    view = next(v for v in Site.load(config, cache).views.values() if isinstance(v, MeetingView))
    fewer = dict(view.topics)
    fewer.popitem()
    assert _view_digest(view, {}, {}) != _view_digest(dataclasses.replace(view, topics=fewer), {}, {})
    _change_a_decision(project.content)
    edited = meeting_digests()
    # (and that of the body's meeting before it, whose page links to it by its title)
    assert [url for url, digest in described.items() if edited[url] != digest] == ["lsg/2021-02-19/", "lsg/2023-09-15/"]


def test_the_search_index_counts_only_what_changed_and_gives_a_full_counts_index(tmp_path: Path) -> None:
    """Pass one of the index takes what the last build counted for every document whose texts are
    as they were, unless the lexicon's change may split one of its words otherwise: the counts, the
    terms' numbering and the compounds are those of counting every document afresh."""
    from generator.load import load_archive
    from generator.search.counts import COMPOUNDS_FILE, MadeCompounds, Tally
    from generator.search.documents import documents

    docs = documents(load_archive(ROOT / "content"))
    for name, (before, after) in _index_edits(docs).items():
        _counted_afresh(before)[0].write(tmp_path)  # (kept as a build keeps it, and read back)
        last = Tally.read(tmp_path)
        assert last is not None and MadeCompounds.read(tmp_path, last.stamp, np.arange(len(last.terms))) is not None
        compounds_before = last.compounds  # (the recount lets the tally's parts go)
        again, in_docs_again, counted, lexicon_again = _counted_again(after, last)
        assert again.compound_changes is not None, name
        if "compound" in name or "name" in name:  # (a split made or undone: the kept compounds updated)
            assert again.compound_changes.gone + again.compound_changes.came, name
        afresh = MadeCompounds.of(again.compound_tokens.values(), {term: number for number, term in enumerate(again.terms)})
        again.write(tmp_path)  # (the last build's compounds, updated by what the recount changed, and kept)
        kept = pickle.loads((tmp_path / COMPOUNDS_FILE).read_bytes())["terms"]
        kept_terms = [again.terms[number] for number in np.frombuffer(kept, dtype=np.uint32).tolist()]
        assert kept_terms == sorted(kept_terms) and len(kept_terms) > 100, name  # (in the order the term files read them)
        fresh, in_docs_fresh, lexicon_fresh = _counted_afresh(after)
        assert counted < len(after) / 4, name
        assert in_docs_again == in_docs_fresh, name
        assert (lexicon_again.words, lexicon_again.names) == (lexicon_fresh.words, lexicon_fresh.names), name
        assert again.terms == fresh.terms, name
        for array_name in ("entry_term", "entry_tf", "distinct", "lengths", "by_term"):
            assert (getattr(again, array_name) == getattr(fresh, array_name)).all(), (name, array_name)
        assert [fresh.terms[number] for number in fresh.by_term] == sorted(fresh.terms), name
        assert again.made is not None and _held(again.made) == _held(afresh), name
        assert again.take_compounds() == fresh.compounds, name
        if name == "a word become a name is not split elsewhere":
            assert "kommunzorblax" in compounds_before and "kommunzorblax" not in fresh.compounds
    # (the last edit: the compound split while "zorblaxen" was there, and no longer does)
    assert compounds_before.get("kommunzorblax") == ("kommun", "zorblax") and "kommunzorblax" not in fresh.compounds


def test_the_compounds_updated_by_tokens_gone_and_come_are_those_made_afresh() -> None:
    """Where tokens of one term split apart, the term's parts are the least; a token gone leaves
    the least of the others', and a token come may be less. Updated so, the compounds equal those
    made from every token's split, over random changes of a table with many shared terms."""
    import random

    from generator.search.counts import MadeCompounds

    draw = random.Random(20)
    owns = [f"ord{n}" for n in range(40)]
    parts = ["a b", "a c", "b", "a b c", "c a"]

    def new_split() -> str:
        return f"{draw.choice(owns)} {draw.choice(parts)}"
    splits = {f"token{n}": new_split() for n in range(120)}
    number_of = {own: number for number, own in enumerate(owns)}
    made = MadeCompounds.of(splits.values(), number_of)
    assert any(len(listed) > 2 for listed in made.shared.values())
    for _ in range(200):
        gone, came = [], []
        for token in draw.sample(sorted(splits), min(len(splits), draw.randrange(6))):
            gone.append(splits.pop(token))
        for token in {f"token{draw.randrange(200)}" for _ in range(draw.randrange(10))}:  # (a token's split is made once)
            if token in splits:
                gone.append(splits[token])
            splits[token] = new_split()
            came.append(splits[token])
        made.update(gone, came, number_of)
        assert _held(made) == _held(MadeCompounds.of(splits.values(), number_of))
        assert made.parts == MadeCompounds.of(reversed(splits.values()), number_of).parts  # (whichever token came first)


def _held(made) -> tuple[dict, dict]:
    """The compounds, and each shared term's parts in order (held in the order they came)."""
    return made.parts, {own: sorted(listed) for own, listed in made.shared.items()}


def test_a_damaged_or_older_tally_is_counted_afresh(tmp_path: Path) -> None:
    """What the last build counted is a cache: cut short (a full disk), of other code, or not a
    tally at all, it is not read, and the index counts every document."""
    from generator.load import load_archive
    from generator.search.counts import TALLY_FILE, Tally
    from generator.search.documents import documents

    docs = documents(load_archive(ROOT / "content"))
    _counted_afresh(docs)[0].write(tmp_path)
    whole = (tmp_path / TALLY_FILE).read_bytes()
    assert Tally.read(tmp_path) is not None
    stored = pickle.loads(whole)
    for damaged in (whole[:len(whole) // 2], b"not a tally", pickle.dumps({**stored, "code": "older"}), pickle.dumps([1, 2])):
        (tmp_path / TALLY_FILE).write_bytes(damaged)
        assert Tally.read(tmp_path) is None


def test_a_kept_tally_holds_the_counts_in_the_bytes_they_need_and_reads_back_whole(tmp_path: Path) -> None:
    """The counts of a term in a field are kept in as few bytes as the largest needs (one, in the
    example archive), and read back as counted, a count of several hundred as well."""
    from generator.load import load_archive
    from generator.search.counts import TALLY_FILE, Tally
    from generator.search.documents import documents

    tally = _counted_afresh(documents(load_archive(ROOT / "content")))[0]
    counted = tally.entry_tf.copy()
    for largest, size in ((None, 1), (300, 2)):
        if largest is not None:
            tally.entry_tf[len(counted) // 2] = counted[len(counted) // 2] = largest
        tally.write(tmp_path)
        assert pickle.loads((tmp_path / TALLY_FILE).read_bytes())["entry_tf"].dtype.itemsize == size
        read = Tally.read(tmp_path)
        assert read is not None and read.entry_tf.dtype == np.uint32 and (read.entry_tf == counted).all()
        assert read.tokens and read.tokens == tally.tokens  # (written twice, whole twice: `write` keeps what it wrote)


def test_the_documents_records_are_compressed_again_only_where_they_changed(tmp_path: Path) -> None:
    """A result's facts and text come in records compressed one by one; a build keeps them by their
    JSON, and the next compresses only the records whose JSON changed: the files are the bytes a
    build without them writes."""

    from generator.load import load_archive
    from generator.search import packs
    from generator.search.documents import documents
    from generator.search.files import IndexInput, snippet, write_document_files

    def document_files(source: IndexInput, files: dict, memo: packs.RecordMemo | None = None) -> dict:
        snippets = [snippet(doc.snippet_source) for doc in source.docs]
        return write_document_files(source.docs, source.bodies, source.topics, snippets.__getitem__, files, memo)

    archive = load_archive(ROOT / "content")
    docs = documents(archive)
    source = dataclasses.replace(IndexInput.of(archive), docs=docs)  # (the documents with their snippet sources)
    document_files(source, {}, first := packs.RecordMemo.read(tmp_path))
    first.write()
    assert first.made == first.kept > 10
    edits = {name: after for name, (_, after) in _index_edits(docs).items() if not name.startswith("a ")}
    # (a word found once: the texts' dictionary, of words found more often, stays as it was)
    edits["a word added to a text"] = [*docs[:5], _with_text(docs[5], " kvarterszorblaxen"), *docs[6:]]
    for name, after in edits.items():
        memo = packs.RecordMemo.read(tmp_path)
        kept, fresh = {}, {}
        changed = dataclasses.replace(source, docs=after)
        tables = document_files(changed, kept, memo)
        assert (tables, kept) == (document_files(changed, fresh), fresh), name
        if name == "a word added to a text":  # (its texts' record only: the rest are taken as they were)
            assert memo.made == 1, name
    # A damaged memo, or one of other code, is not read: everything is compressed again. A
    # record whose bytes changed is compressed again.
    whole = (tmp_path / packs.MEMO_FILE).read_bytes()
    key = kept_keys(tmp_path / packs.MEMO_FILE)[0]
    changed = bytearray(whole)
    changed[whole.index(stored_record(tmp_path / packs.MEMO_FILE, key))] ^= 1
    for damaged in (whole[:len(whole) // 2], b"not a memo", bytes(changed)):
        (tmp_path / packs.MEMO_FILE).write_bytes(damaged)
        memo = packs.RecordMemo.read(tmp_path)
        assert memo.get(key, lambda: b"made again") == b"made again"
        memo.close()
    (tmp_path / packs.MEMO_FILE).write_bytes(whole)
    assert packs.RecordMemo.read(tmp_path, code="other code").get(key, lambda: b"made again") == b"made again"
    assert packs.RecordMemo.read(tmp_path).get(key, lambda: b"made again") != b"made again"
    former = tmp_path / "search-records.pickle"  # (the code's before records were kept so: removed)
    former.write_bytes(b"x")
    packs.RecordMemo.read(tmp_path).close()
    assert not former.exists()


def kept_keys(path: Path) -> list[bytes]:
    from generator.kept import KeptFile
    from generator.search import packs

    kept = KeptFile.open(path, packs._MEMO_CODE)
    assert kept is not None
    return kept.keys()


def stored_record(path: Path, key: bytes) -> bytes:
    from generator.kept import KeptFile
    from generator.search import packs

    kept = KeptFile.open(path, packs._MEMO_CODE)
    assert kept is not None
    found = kept.get(key)
    assert found is not None
    return found[0]


def test_the_build_record_keeps_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """The record is written as orjson writes JSON, which refuses a lone surrogate (a file name
    Python read from bytes that are not UTF-8): such a record is written as json writes it."""
    from generator.staging import BuildRecord, digest_of

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap.xml").write_text("<urlset/>")
    for name in ("bilaga.pdf", "bilaga-\udcc4.pdf"):
        BuildRecord("frame", digest_of(site / "sitemap.xml"), {"a/": "1"}, {f"filer/{name}": b"\x02"}).write(tmp_path / "cache", site)
        record = BuildRecord.read(tmp_path / "cache", site)
        assert record is not None and record.files == {f"filer/{name}": b"\x02"}, name


def test_a_rebuild_makes_the_search_documents_and_table_rows_of_the_changed_meeting_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each meeting's search documents (as the index's input carries them) and its rows of the open
    data's tables are kept in the build cache by what the meeting is made of: after an edit to one
    meeting, the next build makes those of that meeting only, and what it makes is what a build
    without them makes."""
    from generator import opendata
    from generator.render import THEME_DIR
    from generator.search import encoded
    from generator.search.files import IndexInput
    from generator.settings import Settings
    from generator.memo import MeetingKeys
    from generator.site import Site, SiteConfig
    from generator.spool import Spooled

    project = make_project(tmp_path / "archive", ROOT / "content")
    config = SiteConfig(project.content, THEME_DIR, Settings(today=DAY))
    kept = tmp_path / "kept"

    def made(module: object, name: str) -> list[str]:
        """The meetings `module.name` makes anything of, from now on."""
        making, calls = getattr(module, name), []
        def counted(archive, meeting, *more):
            calls.append(meeting.key)
            return making(archive, meeting, *more)
        monkeypatch.setattr(module, name, counted)
        return calls

    def built(memo: bool) -> tuple[list, dict, dict]:
        """The index's input as sent, the index's files its maker wrote, and the open-data files,
        of the content as it is now."""
        site = Site.load(config)
        files: dict[str, bytes] = {}
        keys = MeetingKeys(site.code_digest, site.read_by) if memo else None
        sent = [_comparable(pickle.loads(part)) for part in IndexInput.pickled(site.published, files, kept if memo else None,
                                                                               made_of=keys)]
        data = site.open_data if memo else opendata.open_data(site.facts, "")
        return sent, files, {path: made.read() if isinstance(made, Spooled) else made for path, made in data.items()}

    built(memo=True)
    _change_a_decision(project.content)
    documents, rows = made(encoded, "meeting_documents"), made(opendata, "_rows_of")
    again = built(memo=True)
    assert documents == rows == ["lsg/2023-09-15"]
    assert again == built(memo=False)


def test_the_search_documents_file_a_build_keeps_is_read_only_whole_and_of_the_same_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search documents a build made are kept in a file of the build cache, which the next
    build copies unchanged meetings' documents from. A file cut short, with a byte changed, of
    other code, or not one at all is not read: every meeting's documents are made again, and what is
    sent is what a build without the file sends. A killed build's unfinished file is removed, and
    so is the file of the code before (one pickle of every document)."""
    from generator.render import THEME_DIR
    from generator.search import encoded
    from generator.search.files import IndexInput
    from generator.settings import Settings
    from generator.memo import MeetingKeys
    from generator.site import Site, SiteConfig

    project = make_project(tmp_path / "archive", ROOT / "content")
    site = Site.load(SiteConfig(project.content, THEME_DIR, Settings(today=DAY)))
    kept = tmp_path / "kept"
    made: list[str] = []
    making = encoded.meeting_documents
    monkeypatch.setattr(encoded, "meeting_documents", lambda archive, meeting: made.append(meeting.key) or making(archive, meeting))

    def sent(keys: MeetingKeys | None, into: Path | None = kept) -> list:
        made.clear()
        return [_comparable(pickle.loads(part)) for part in IndexInput.pickled(site.published, {}, into, made_of=keys)]

    keys = MeetingKeys(site.code_digest, site.read_by)
    afresh = sent(None, None)
    meetings = len(made)
    assert meetings == len(site.published.meetings) > 3
    assert sent(keys) == afresh and len(made) == meetings
    assert sent(keys) == afresh and made == []  # (every meeting's documents copied from the file)
    whole = (kept / encoded.SPOOL_FILE).read_bytes()
    changed = bytearray(whole)
    changed[len(whole) // 3] ^= 0x20
    for name, damaged in [("cut short", whole[:len(whole) // 2]), ("a byte changed", bytes(changed)), ("not one", b"not a file")]:
        (kept / encoded.SPOOL_FILE).write_bytes(damaged)
        assert sent(keys) == afresh, name
        assert len(made) >= (1 if name == "a byte changed" else meetings), name
        assert sent(keys) == afresh and made == [], name  # (the file written again, whole)
    assert sent(MeetingKeys("other code", site.read_by)) == afresh and len(made) == meetings

    left_behind = kept / f".{encoded.SPOOL_FILE}.new-999999999"
    former = kept / "search-documents.pickle"
    for path in (left_behind, former):
        path.write_bytes(b"x" * 100)
    sent(keys)
    assert not left_behind.exists() and not former.exists()
    assert sorted(path.name for path in kept.iterdir() if "search-documents" in path.name) == [encoded.SPOOL_FILE]


@pytest.mark.parametrize(("records", "memo", "pack"), [("posting tails", "search-tails-*.kept", "p"),
                                                      ("direct hits", "search-hits.kept", "h")])
def test_the_posting_tails_and_direct_hits_are_compressed_again_only_where_they_changed(
        tmp_path: Path, records: str, memo: str, pack: str) -> None:
    """A common word's postings beyond its term chunk come in tail records, and the direct hits'
    table in shards: an edit to one meeting leaves nearly all as they were. A build keeps them
    compressed, and the next takes those whose JSON is the same instead of compressing them
    again; the index is the bytes of a build without them."""
    import importlib.util

    from generator.load import load_archive
    from generator.search import packs
    from generator.search.files import IndexInput, index_into

    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    content = synth.generate(tmp_path / "archive", 120)
    kept = tmp_path / "kept"
    kept.mkdir()
    index_into(IndexInput.of(load_archive(content)), {}, kept)
    memo_files = sorted(kept.glob(memo))
    assert [p.name for p in memo_files] == (["search-tails-0.kept", "search-tails-1.kept"] if pack == "p" else [memo])

    def edit(words: str) -> None:
        protocol = sorted(content.glob("*/*.md"))[7]
        protocol.write_text(protocol.read_text(encoding="utf-8").replace("::: beslut\n", f"::: beslut\n{words}\n", 1),
                            encoding="utf-8")

    def index(kept: Path | None) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        index_into(IndexInput.of(load_archive(content)), files, kept)
        return files

    edit("Ändrat i en commit.")
    assert index(kept) == index(None)  # the kept records are the bytes a build without them writes

    # Each kept record replaced by another deflate of the same JSON (at another level): a build
    # that takes kept records publishes these bytes, one that compresses them again does not.
    from generator.kept import KeptFileWriter

    others = 0
    for path in memo_files:
        rewritten = KeptFileWriter(path.parent, path.name)
        for key in kept_keys(path):
            record = stored_record(path, key)
            other = packs.zlib_ng.compressobj(1, packs.zlib_ng.DEFLATED, -15)
            rewritten.add(key, other_record := other.compress(packs.zlib.decompress(record, -15)) + other.flush())
            others += other_record != record
        rewritten.keep(packs._MEMO_CODE)
    assert others > 20
    edit("Ändrat i en commit till.")
    again, fresh = index(kept), index(None)

    def tails(files: dict[str, bytes]) -> list[bytes]:
        """The records of the packs in their order (the tails' by their keys, `p0.0`, `p0.1`, …,
        `p1.0`, …; the direct hits' by their table; a pack's name is its bytes' digest)."""
        manifest = json.loads(files["manifest.json"])
        named = manifest["packs"]
        keys = sorted((key for key in named if key.startswith("p")), key=lambda key: tuple(map(int, key[1:].split("."))))
        names = [named[key] for key in keys] if pack == "p" else [name for _, name, _ in manifest["direct"]["table"]]
        return [record for name in names for record in _raw_records(files[name])]

    taken = set(tails(again)) - set(tails(fresh))
    assert len(taken) > 0.9 * others, records  # (all kept records, but those the edit changed)
    assert [packs.zlib.decompress(r, -15) for r in tails(again)] == [packs.zlib.decompress(r, -15) for r in tails(fresh)]


def _raw_records(pack: bytes) -> list[bytes]:
    import struct

    (footer,) = struct.unpack_from("<I", pack, len(pack) - 4)
    offsets = struct.unpack_from(f"<{(len(pack) - footer) // 4}I", pack, footer)
    return [pack[start:end] for start, end in zip(offsets, offsets[1:])]
