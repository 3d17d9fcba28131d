"""Swedish analysis: text -> tokens -> index terms, the same at build time and at query time.

- tokens: runs of letters/digits; tokens holding a digit (dates, diarienummer, amounts) are
  exact and skip the language pipeline, everything else goes through lunr.sv's pipeline:
  `trimmer-sv`, `stopWordFilter-sv` (lunr-languages' list) and `stemmer-sv` (Snowball Swedish,
  `snowballstemmer` 2.2, the same algorithm generation as lunr-languages' port);
- a printed diarienummer is one token, in its normalised form (`generator/dnr.py`);
- a name's adjacent words are also one token each (`anna maria`), so a full name outranks its parts;
- compounds are split at index time only ("samverkanskoordinator" also yields "samverkan" and
  "koordinator"), from wordfreq's Swedish lexicon plus the archive's own words, where the parts
  are more common than the whole (`Lexicon.parts`); names are not split.

The browser analyses a query with these very patterns: the index's manifest carries them
(`query.browser_rules`), in JavaScript's syntax (`browser_regex`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from itertools import chain
from typing import Iterable

import snowballstemmer

from .. import dnr

# lunr-languages' lunr.sv.wordCharacters and stop words, verbatim.
SV_WORD_CHARACTERS = (
    "A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C\u1D62-\u1D65\u1D6B-\u1D77"
    "\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F"
    "\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A"
)
SV_STOP_WORDS = frozenset(
    "alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina ditt du där då "
    "efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i icke ingen inom "
    "inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss på "
    "samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara varför "
    "varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över".split()
)
_TRIM_START = re.compile(f"^[^{SV_WORD_CHARACTERS}]+")
_TRIM_END = re.compile(f"[^{SV_WORD_CHARACTERS}]+$")
TOKEN = re.compile(r"[0-9][0-9:\-./]*[0-9]|[0-9]|[^\W_]+")
"""Number-like runs first (2021-02-19, 422:1-2021, 50/50), then words."""
EXACT = re.compile(r"[0-9 ]")
"""What makes a token exact: a digit (lunr.sv's trimmer would strip it) or a space (a diarienummer,
a pair of name words). Exact tokens skip the language pipeline."""
_DIGIT = re.compile(r"[0-9]")
DNR_IN_TEXT = re.compile(dnr.IN_TEXT)

MIN_COMPOUND = 8
MIN_PART = 5
MIN_HEAD = 3
MEMO_LIMIT = 250_000
"""Distinct words whose analysis is remembered at most: most of an archive's are seen once (names,
numbers, rare compounds), and remembering them all cost more memory than working them out again."""


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens: `HSN 422:1-2021` gives `hsn 422:1-2021` (a diarienummer is one
    token, in its normalised form), `422:1-2021` alone gives itself, words give words."""
    if not dnr.may_hold(text):  # (most texts: the pattern's scan was 40% of tokenizing at 10,000 protocols)
        return _plain_tokens(text)
    tokens: list[str] = []
    position = 0
    for match in DNR_IN_TEXT.finditer(text):
        tokens += _plain_tokens(text[position:match.start()])
        normalised = dnr.normalise(match.group())
        tokens += [normalised.lower()] if normalised else _plain_tokens(match.group())
        position = match.end()
    tokens += _plain_tokens(text[position:])
    return tokens


def _plain_tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def is_exact(token: str) -> bool:
    return EXACT.search(token) is not None


def name_pairs(name: str) -> list[str]:
    """Adjacent word pairs of a name, as single tokens: `Anna-Maria Stenlund` -> `anna maria`,
    `maria stenlund`. A query's adjacent words match them, so a full name outranks its parts."""
    words = [w for w in _plain_tokens(name) if not is_exact(w)]
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


@lru_cache(maxsize=1)
def stemmer():
    found = snowballstemmer.stemmer("swedish")
    if hasattr(found, "maxCacheSize"):  # (PyStemmer's own cache: most words an index stems are stemmed
        found.maxCacheSize = 0          # once, and keeping it made each stem three times slower)
    return found


_SV_WORD = frozenset(re.findall(f"[{SV_WORD_CHARACTERS}]", "".join(map(chr, range(0x10000)))))
"""The characters of SV_WORD_CHARACTERS, for the trimmer's test of a word's ends."""


def trim(token: str) -> str:
    """lunr.sv's trimmer: non-word characters off both ends."""
    if token and token[0] in _SV_WORD and token[-1] in _SV_WORD:  # (most words: nothing to trim)
        return token
    return _TRIM_END.sub("", _TRIM_START.sub("", token))


@lru_cache(maxsize=100_000)
def pipeline(token: str) -> str | None:
    """lunr.sv's pipeline for one word token: trimmer-sv, stopWordFilter-sv, stemmer-sv."""
    trimmed = trim(token)
    if not trimmed or trimmed in SV_STOP_WORDS:
        return None
    return stemmer().stemWord(trimmed)


def term_of(token: str) -> str | None:
    """A token's index term."""
    # (a word of letters alone is not exact, and `isalpha` asks it in C)
    return pipeline(token) if token.isalpha() or not is_exact(token) else token


def terms(text: str) -> tuple[str, ...]:
    """The index terms of a short text as search reads it, in order, without compound parts
    (a synonym's words, a query's): stop words and punctuation give none."""
    return tuple(term for term in map(term_of, tokenize(text)) if term)


def searchable(text: str) -> bool:
    """Whether search can find `text` at all."""
    return bool(terms(text))


def _expand_number(token: str) -> tuple[str, ...]:
    """A diarienummer is indexed as itself and as its number alone ("422:1-2021")."""
    return (token, token.split(" ", 1)[1]) if " " in token and _DIGIT.search(token) else (token,)


def archive_words(tokens: Iterable[str]) -> set[str]:
    """The archive's tokens a lexicon holds (`Lexicon.from_archive`'s rule, but for wordfreq's list:
    the lexicon holds its words anyway)."""
    # (the cheapest tests first: a million words at 10,000 protocols)
    return {w for w in tokens if len(w) >= MIN_HEAD and w not in SV_STOP_WORDS and not is_exact(w)}


LEXICON_SIZE = 100_000
"""wordfreq's most common words a lexicon holds."""


def read_wordfreq() -> None:
    """wordfreq's list as a lexicon reads it, read now (this process's lexicons read it once)."""
    _listed(LEXICON_SIZE)


@lru_cache(maxsize=None)
def _listed(size: int) -> tuple[float, frozenset[str]]:
    """wordfreq's `size` most common Swedish words a lexicon holds, and the frequency of the last
    (a part's when wordfreq does not have it: a word of the archive's only). Read once per process;
    the index's process reads it while it waits for its input."""
    import wordfreq

    listed = wordfreq.top_n_list("sv", size)
    return wordfreq.get_frequency_dict("sv")[listed[-1]], frozenset(w for w in listed if len(w) >= MIN_HEAD) - SV_STOP_WORDS


class Lexicon:
    """Known Swedish words, for splitting compounds: wordfreq's list plus the archive's words, and
    how common each is in Swedish (wordfreq's frequencies)."""

    def __init__(self, extra: Iterable[str] = (), size: int = LEXICON_SIZE, names: Iterable[str] = (),
                 archive: set[str] | None = None):
        """`extra`: the archive's words; or `archive`, those of them a lexicon holds
        (`archive_words`), when known already (taken: the lexicon's words are added to it)."""
        import wordfreq

        self.names = frozenset(w for w in names if len(w) >= MIN_COMPOUND and not is_exact(w))
        """The words of people's names in the archive (`PackedTexts.capitalised_words` of its field
        of names): a name is not split wherever it is written (Pernilla is no per + nilla,
        Bergström no berg + ström)."""

        self.frequencies = wordfreq.get_frequency_dict("sv")  # (one dict per process: wordfreq caches it)
        self.rarest, self.listed = _listed(size)
        self.words = archive_words(extra) if archive is None else archive
        self.words |= self.listed  # (in place: a copy of a million words was 40 MB more at the index's largest moment)
        self._parts: dict[str, tuple[str, ...]] = {}  # (memory goes with the lexicon, unlike an lru_cache's)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def from_archive(self, word: str) -> bool:
        """Whether `word` is in the lexicon only when the archive has it (not in wordfreq's list)."""
        return len(word) >= MIN_HEAD and not is_exact(word) and word not in SV_STOP_WORDS and word not in self.listed

    def expand(self, token: str) -> tuple[str, ...]:
        """A token as indexed: itself, then a compound's parts, then a diarienummer's number."""
        parts = self.parts(token)
        return (token, *parts) if parts else _expand_number(token)

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of a compound (`hjälpmedelsrådet` -> `hjälpmedel`, `rådet`), or ()."""
        found = self._parts.get(word)
        if found is None:
            if len(self._parts) >= MEMO_LIMIT:
                self._parts.clear()
            found = self._parts[word] = self._split(word)
        return found

    def _split(self, word: str) -> tuple[str, ...]:
        """The split whose parts are the most common (their frequencies' geometric mean), if they
        are more common than the word whole (Koehn and Knight, "Empirical methods for compound
        splitting", 2003): a word that only looks like two (`gemensam`, gem + ensam; `beslutade`,
        bes + lutade; `november`) is more common than its would-be parts, and a word of the
        archive's own (`samverkanskoordinator`) is not in wordfreq's list at all. A split in two
        is preferred to one in more (short common words would otherwise win: `patientsäkerhets-
        arbetet` is patientsäkerhet + arbetet, not patient + säker + hetsar + betet)."""
        if len(word) < MIN_COMPOUND or is_exact(word) or word in self.names:
            return ()
        whole = self.frequencies.get(word, 0.0)
        best, best_product, compound_heads = (), whole * whole, []
        words, frequency, rarest = self.words, self.frequencies.get, self.rarest
        for cut in range(MIN_HEAD, len(word) - MIN_PART + 1):
            tail = word[cut:]
            if tail not in words:
                continue
            head_word = self._head(word[:cut])
            if head_word:
                product = (frequency(head_word) or rarest) * (frequency(tail) or rarest)  # (the geometric mean, squared)
                if product > best_product:
                    best, best_product = (head_word, tail), product
            else:
                compound_heads.append(cut)
        if best:
            return best
        best_score = whole
        for cut in compound_heads:  # a head that is itself a compound: läns|samverkans|gruppen
            head = word[:cut]
            inner = self.parts(head[:-1] if head.endswith("s") else head)
            if inner:
                score = self._score((*inner, word[cut:]))
                if score > best_score:
                    best, best_score = (*inner, word[cut:]), score
        return best

    def _score(self, parts: tuple[str, ...]) -> float:
        product = 1.0
        for part in parts:
            product *= self.frequencies.get(part) or self.rarest
        return product ** (1 / len(parts))

    def _head(self, head: str) -> str | None:
        if head.endswith("s") and head[:-1] in SV_STOP_WORDS:
            return None  # (a function word takes no joining -s: förslaget is no förs + laget, ersätter no ers + ätter)
        if head in self.words:
            return head
        # Swedish joins compounds with an -s- (samverkan-s-koordinator) or drops a final -a/-e.
        if head.endswith("s") and head[:-1] in self.words:
            return head[:-1]
        for vowel in ("a", "e"):
            if head + vowel in self.words:
                return head + vowel
        return None


def analyse(text: str, lexicon: Lexicon | None, names: bool = False) -> list[str]:
    """Field tokens for indexing: the text's tokens, each compound followed by its parts; in a
    field of names (one a line), each name's word pairs instead (a name is no compound: Andersson
    is not and + ersson, nor Bergström a mountain's stream)."""
    return _analysed(text, _expander(None if names else lexicon), names)


def _expander(lexicon: Lexicon | None) -> Callable[[str], tuple[str, ...]]:
    return lexicon.expand if lexicon is not None else _expand_number


def _analysed(text: str, expand: Callable[[str], tuple[str, ...]], names: bool) -> list[str]:
    """The text's tokens, each followed by what `expand` adds; in a names field, name pairs too."""
    out = list(chain.from_iterable(map(expand, tokenize(text))))
    if names:
        out += _name_pairs_of_lines(text)
    return out


def _name_pairs_of_lines(text: str) -> list[str]:
    """A names field's name pairs, one name a line."""
    return [pair for line in text.split("\n") for pair in name_pairs(line)]


class TermCache:
    """A field's index terms, as numbers (`numbers`: each term's, in the order first made), with
    each distinct token's terms worked out once per build; and each compound token's own term and
    part terms, as one string with a space between each (`compound_tokens`: a million of them in
    a large archive), from which the index ships each compound term's parts, so that a query's
    compound finds its parts as the text's do.

    A term is numbered where a token first gives it, which is where the field's terms first hold
    it: the numbers are lunr's term index, the order first seen. (Numbered per entry instead, by a
    lookup of each of a document's terms by its text, counting the terms of 10,000 protocols took
    18.6 s, against 17.0 s.)"""

    def __init__(self, lexicon: Lexicon | None, numbers: defaultdict[str, int]):
        self.lexicon = lexicon
        self.expand = _expander(lexicon)
        self.numbers = numbers
        """Each term's number, a new term's the next (`defaultdict(count().__next__)`); shared by the
        caches of one count."""
        self.known: dict[str, tuple[int, ...]] = {}
        self.compound_tokens: dict[str, str] = {}

    def field(self, text: str, names: bool) -> list[int]:
        # (the tokens seen before are looked up in C, `map(dict.get)`: a call per token was a
        # fifth of the index's time)
        tokens = tokenize(text)
        found = list(map(self.known.get, tokens))
        if None in found:
            found = [terms if terms is not None else self.terms(token) for token, terms in zip(tokens, found)]
        out = list(chain.from_iterable(found))
        if names:  # (a name pair has a space: an exact term, itself)
            out += map(self.numbers.__getitem__, _name_pairs_of_lines(text))
        return out

    def terms(self, token: str) -> tuple[int, ...]:
        found = self.known.get(token)
        if found is None:
            if len(self.known) >= MEMO_LIMIT:
                self.known.clear()
            pieces = list(map(term_of, self.expand(token)))  # (the token itself first)
            written = [term for term in pieces if term]
            found = self.known[token] = tuple(map(self.numbers.__getitem__, written))
            if len(written) > 1 and self.lexicon is not None and self.lexicon.parts(token):
                own = pieces[0]
                parts = tuple(dict.fromkeys(t for t in written[1:] if t != own))
                if own and parts:
                    self.compound_tokens[token] = " ".join((own, *parts))
        return found


_FLAGS = {re.IGNORECASE: "i"}
_ASCII_ONLY_IN_JAVASCRIPT = re.compile(r"\\[wWbB]")


def browser_regex(pattern: re.Pattern[str]) -> list[str]:
    r"""`pattern` as JavaScript's RegExp reads it, [source, flags] (with `u`): a letter or digit of
    any script, Python's `[^\W_]`, is `[\p{L}\p{N}]` there, and a named group `(?<name>...)`.
    JavaScript's `\w` and `\b` know only ASCII letters, so our patterns use neither. (`\d` and `\s`
    stay: only ASCII digits and spaces reach the patterns that use them, the diarienummer shapes,
    which are tried on what DNR_IN_TEXT found.)"""
    source = pattern.pattern.replace(r"[^\W_]", r"[\p{L}\p{N}]").replace("(?P<", "(?<")
    other = pattern.flags & ~(re.UNICODE | re.IGNORECASE)
    if other or _ASCII_ONLY_IN_JAVASCRIPT.search(source):
        raise ValueError(f"the browser would read this pattern otherwise: {pattern.pattern}")
    return [source, "".join(letter for flag, letter in _FLAGS.items() if pattern.flags & flag) + "u"]
