"""lunr.py is the reference: our builder gives its weights, and the browser (real lunr.js with
lunr-languages' lunr.sv, reading our split index) gives its results, in its order.

Results are compared as (document, score) lists ordered by score, ties by document number. The
browser makes its queries by the rules of `generator/search/query.py`, which the index's manifest
carries: sok.js holds no copy of them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lunr  # noqa: F401  (the package; the builder below is lunr.py's)
import pytest
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.query import Query, QueryPresence

from generator import dnr, urls
from generator.search import analysis, packs, query, synonyms
from generator.search.files import TEXT_LENGTH
from generator.search.counts import lexicon_of
from generator.search.documents import FIELD_NAMES, FIELDS, documents
from generator.search.index import build_index, field_tokens
from generator.search.query import has_phrase, holds_enough, parse, query_clauses
from generator.search.texts import PackedTexts
from generator.load import load_archive

from .browsing import Visit
from .conftest import ROOT

QUERIES = [
    "samverkansrådet", "samverkansråd", "samverkansråden", "hemsjukvård", "Hjälpmedelsrådet", "hjälpmedel",
    "koordinator", "rådet", "HSN 422:1-2021", "HSN: 200:3-2023", "422:1-2021", "2021-02-19", "Anna Kroik",
    "Katarina Lindahl", "SIP", "UPH", "VVG", "betalningsansvar", "nära vård", "Nära vård 2030", "LINK Prator",
    "läkarmedverkan särskilt boende", "patientsäkerhet", "vaccination", "Loka brunn", "utskrivningsklara",
    "beslutade att uppdra", "och", "digitala möten", "Ställningstagande", "xyzzy",
    # compounds split as the text's are, synonyms both ways, phrases and exclusions
    "hjälpmedelssortiment", "sortimentsbegreppet", "LSG", "Länssamverkansgruppen", "Samrådet", "Uppdrag Psykisk Hälsa",
    '"vård och omsorg"', "”nära vård” Västerbotten", "samverkan -hjälpmedel", "samverkan -hjälpmedel -HSN", "-samverkan",
    '"Samråd vård och omsorg" -2021', "kommittén", "samverkansrådets",
]


def _exact_or(fn):
    def wrapped(token, i=None, tokens=None):
        text = str(token)
        if analysis.is_exact(text):
            return token
        return fn(token, text)
    return wrapped


@_exact_or
def trimmer_sv(token, text):
    trimmed = analysis.trim(text)
    return token.update(lambda *_: trimmed) if trimmed else None


@_exact_or
def stop_word_filter_sv(token, text):
    return None if text in analysis.SV_STOP_WORDS else token


@_exact_or
def stemmer_sv(token, text):
    return token.update(lambda *_: analysis.stemmer().stemWord(text))


for fn, label in ((trimmer_sv, "trimmer-sv"), (stop_word_filter_sv, "stopWordFilter-sv"), (stemmer_sv, "stemmer-sv")):
    Pipeline.register_function(fn, label)


@pytest.fixture(scope="module")
def corpus():
    archive = load_archive(ROOT / "content")
    docs = documents(archive)
    vocabulary = {t for d in docs for text in d.texts.values() for t in analysis.tokenize(text)}
    lexicon = lexicon_of(PackedTexts.of(docs), vocabulary)  # (the build's: its people's names are not split)
    ours = build_index(docs, lexicon)
    builder = Builder()
    builder.pipeline.add(trimmer_sv, stop_word_filter_sv, stemmer_sv)
    builder.search_pipeline.add(trimmer_sv, stop_word_filter_sv, stemmer_sv)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    texts = [(doc.title, " ".join(doc.snippet_source.split())[:TEXT_LENGTH]) for doc in docs]
    for number, doc in enumerate(docs):
        builder.add({"ref": str(number), **{name: field_tokens(doc, name, lexicon) for name in FIELD_NAMES}})
    return docs, ours, builder.build(), (ours.compounds, synonyms.groups(archive), texts)


def reference(index, text: str, extras) -> list[tuple[int, float]]:
    """lunr.py's results for the query's clauses, kept where the query's phrases stand in the
    result's title or text (what the browser fetches for a result)."""
    compounds, groups, texts = extras
    query, clauses = index.create_query(), query_clauses(text, compounds, groups)
    if not clauses:
        return []
    for clause in clauses:
        query.term(clause.term, fields=list(clause.fields), boost=clause.boost, use_pipeline=clause.use_pipeline,
                   wildcard=Query.WILDCARD_TRAILING if clause.prefix else Query.WILDCARD_NONE,
                   presence=QueryPresence.PROHIBITED if clause.presence == "prohibited" else QueryPresence.OPTIONAL)
    phrases = parse(text).phrases
    results = [(int(r["ref"]), r["score"]) for r in index.query(query)
               if holds_enough(set(r["match_data"].metadata), clauses)]
    results = [r for r in results if all(any(has_phrase(t, p) for t in texts[r[0]]) for p in phrases)]
    return sorted(results, key=lambda r: (-r[1], r[0]))


def test_our_weights_and_term_order_are_lunr_pys(corpus) -> None:
    docs, ours, reference_index, _ = corpus
    assert set(ours.terms) == set(reference_index.inverted_index)
    for term, posting in reference_index.inverted_index.items():
        assert ours.terms[term].index == posting["_index"], term
    mismatches = []
    for field_ref, vector in reference_index.field_vectors.items():
        field_name, doc = field_ref.split("/", 1)[0], int(field_ref.split("/", 1)[1])
        terms = {p["_index"]: t for t, p in reference_index.inverted_index.items()}
        elements = vector.elements
        for i in range(0, len(elements), 2):
            term = terms[elements[i]]
            if ours.weight(term, field_name, doc) != elements[i + 1]:
                mismatches.append((field_ref, term, ours.weight(term, field_name, doc), elements[i + 1]))
    assert mismatches == []


def test_the_browser_ranks_as_lunr_py_does(corpus, browser: object, server: str) -> None:
    docs, _, reference_index, extras = corpus
    visit = Visit(browser, server)
    visit.open(server + "sok/")
    found = visit.page.evaluate(
        """async (queries) => {
            const out = {};
            for (const q of queries) {
                const r = await window.protokollarkivetSearch.find(q, {limit: 1e9, exhaustive: true});
                out[q] = r.results.map(x => [x.doc, x.score]);
            }
            return out;
        }""",
        QUERIES,
    )
    visit.close()
    assert visit.errors == []
    for text in QUERIES:
        expected = reference(reference_index, text, extras)
        got = [tuple(pair) for pair in found[text]]
        assert [d for d, _ in got] == [d for d, _ in expected], text
        assert all(abs(a[1] - b[1]) < 1e-9 for a, b in zip(got, expected)), text
    assert sum(1 for text in QUERIES if found[text]) >= len(QUERIES) - 3  # "och", "xyzzy" and "-samverkan" find nothing


def test_the_browser_analyses_text_as_the_builder_does(corpus, browser: object, server: str) -> None:
    docs, _, _, _ = corpus
    samples = [doc.texts.get("text", "") or doc.texts.get("title", "") for doc in docs][:40]
    samples += ["Dnr: HSN: 200:3-2023 och Dnr HSN 422:1 - 2021", "UPH-medel 2021–2022 (SKR) 50/50 kr", "Åsele, ÖVERENSKOMMELSE",
                "Dnr KS 2023 / 45, KS/2023:45, KS 2023.45, SN.2024.233, RS 2019-00123, HSN 422.1-2021, dnr 123/2023, Dnr: 2023/45, "
                "verksamhetsåret 2022/2023 och I 2023/24"]
    words = sorted({t for doc in docs for text in doc.texts.values() for t in analysis.tokenize(text) if not analysis.is_exact(t)})
    visit = Visit(browser, server)
    visit.open(server + "sok/")
    result = visit.page.evaluate(
        """async ([samples, words]) => {
            const search = window.protokollarkivetSearch;
            await search.ready();
            const manifest = await search.fetchJSON("manifest.json");
            const p = new lunr.Pipeline();
            p.add(lunr.sv.trimmer, lunr.sv.stopWordFilter, lunr.sv.stemmer);
            return {
                tokens: samples.map(s => search.tokenize(s, manifest)),
                stems: words.map(w => p.runString(w)[0] ?? null),
            };
        }""",
        [samples, words],
    )
    visit.close()
    assert result["tokens"] == [analysis.tokenize(s) for s in samples]
    assert result["stems"] == [analysis.pipeline(w) for w in words]


def _python_syntax(carried: list[str]) -> tuple[str, bool]:
    """A pattern the manifest carries, in Python's syntax again, and whether it ignores case."""
    source, flags = carried
    return re.sub(r"\(\?<(?=\w)", "(?P<", source.replace(r"[\p{L}\p{N}]", r"[^\W_]")), "i" in flags


def test_the_index_carries_the_rules_queries_are_made_by(example_site: Path) -> None:
    manifest = json.loads((example_site / urls.SEARCH_INDEX_DIR / "manifest.json").read_text(encoding="utf-8"))
    rules = manifest["query"]
    assert rules["boosts"] == {"exact": query.EXACT_BOOST, "pair": query.PAIR_BOOST, "relaxed": query.RELAXED_BOOST,
                               "prefix": query.PREFIX_BOOST, "part": query.PART_BOOST, "synonym": query.SYNONYM_BOOST}
    assert rules["minPrefix"] == query.MIN_PREFIX and rules["minRelaxed"] == query.MIN_RELAXED
    assert rules["relaxSuffixes"] == list(query.RELAX_SUFFIXES)
    patterns = [rules["token"], rules["exact"], rules["dnr"], rules["phrase"], rules["exclusion"],
                *(shape for shape, _ in rules["dnrShapes"])]
    python = [analysis.TOKEN, analysis.EXACT, analysis.DNR_IN_TEXT, query.PHRASE, query.EXCLUSION,
              *(pattern for _, pattern, _ in dnr.SHAPES)]
    assert [_python_syntax(p) for p in patterns] == [(p.pattern, bool(p.flags & re.IGNORECASE)) for p in python]
    assert [form for _, form in rules["dnrShapes"]] == [form for _, _, form in dnr.SHAPES]
    # A result's facts and text are found by the packs the manifest names.
    index = example_site / urls.SEARCH_INDEX_DIR
    files = {p.relative_to(index).as_posix(): p.read_bytes() for p in index.rglob("*") if p.is_file()}
    last = manifest["docCount"] - 1
    facts = packs.read_slotted(files, manifest["docs"], last // manifest["docBlock"])[last % manifest["docBlock"]]
    text = packs.read_numbered(files, manifest["texts"], last // manifest["textBlock"],
                               files[manifest["textDictionary"]])[last % manifest["textBlock"]]
    assert (example_site / facts[0].partition("#")[0] / "index.html").is_file() and text


def test_the_browser_holds_no_copy_of_those_rules() -> None:
    script = (ROOT / "theme/assets/search/sok.js").read_text(encoding="utf-8")
    # No 16 characters of a pattern, as Python or JavaScript spells it, in a regex literal or a string.
    patterns = [analysis.TOKEN, analysis.DNR_IN_TEXT, query.PHRASE, query.EXCLUSION, *(pattern for _, pattern, _ in dnr.SHAPES)]
    spellings = {form for p in patterns for source in (p.pattern, analysis.browser_regex(p)[0])
                 for form in (source, json.dumps(source)[1:-1])}
    assert sorted(set().union(*map(_substrings, spellings)) & _substrings(script)) == []
    assert "[0-9]" not in script  # (the digit of a number-like token, of an exact token)
    assert re.findall(r"boost:\s*[0-9]|(?:BOOST|MIN_PREFIX|MIN_RELAXED)\s*=\s*[0-9]", script) == []
    assert re.findall(r'"[^"]*\\u201[cde]', script) == []  # (the quotation marks a phrase is written in)
    assert [s for s in query.RELAX_SUFFIXES if f'"{s}"' in script] == []
    assert '"d/"' not in script and '"x/"' not in script
    # The one path the manifest cannot carry is its own folder's.
    assert f'"{urls.SEARCH_INDEX_DIR}/"' in script


def _substrings(text: str, size: int = 16) -> set[str]:
    return {text[i:i + size] for i in range(len(text) - size + 1)}
