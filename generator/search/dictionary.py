"""A preset dictionary for the snippet texts' records: the archive's most frequent words, which
every record may refer back to instead of spelling them out.

A text record (four documents' texts, about 2 kB) is compressed alone, so that a reader fetches
only the records of the results it shows; alone, it repeats little and its compression starts
cold. Deflate can start from a dictionary instead (`zdict`): earlier bytes that the record's
matches reach back into. The dictionary is one file of the index, fetched once by a reader who
reads texts. At 10,000 protocols (`bench/synth.py`) the texts were 35.1 MB compressed, 26.1 MB
with a dictionary of 16 KiB, its file (6.6 kB gzip) included; one of 32 KiB saved 1.4 MB more but
is 13 kB to fetch, which a phrase typed in the header box (it reads texts) pays on its first query.

Browsers inflate with `DecompressionStream`, which takes no dictionary; sok.js gives it the
dictionary as a stored (uncompressed) deflate block before the record's own blocks, and drops the
dictionary's bytes from what comes out (`storedBlock`).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable

DICTIONARY_BYTES = 16_384
"""At most this many bytes: half of deflate's 32 KiB window, the rest for a record's own text."""
SAMPLE_DOCUMENTS = 5_000
"""Documents whose texts are counted for the dictionary, about: beyond it, a share of them chosen
by their address (so that one document added or changed changes the sample by one at most)."""
SHORTEST = 4
"""Bytes of the shortest word kept (with its space): deflate's shortest match is three bytes."""


def in_sample(address: str, documents: int) -> bool:
    """Whether the document at `address`, of `documents`, is one the dictionary is made from."""
    every = max(1, -(-documents // SAMPLE_DOCUMENTS))
    return every == 1 or zlib.crc32(address.encode("utf-8")) % every == 0


def text_dictionary(texts: Iterable[str]) -> bytes:
    """The dictionary made from `texts` (those `in_sample`): their most frequent words, each
    followed by a space, by the bytes they would save (their count times their length), the best
    last (deflate reaches nearer bytes with shorter distances). Empty where no word repeats."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(text.split())
    ranked = sorted((count * len(word.encode("utf-8")), word) for word, count in counts.items()
                    if count > 1 and len(word.encode("utf-8")) + 1 >= SHORTEST)
    chosen: list[bytes] = []
    size = 0
    for _, word in reversed(ranked):
        entry = word.encode("utf-8") + b" "
        if size + len(entry) > DICTIONARY_BYTES:
            break
        chosen.append(entry)
        size += len(entry)
    return b"".join(reversed(chosen))
