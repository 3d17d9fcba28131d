"""Posting lists as the index's files hold them: bits, written as base-64 digits in a JSON string.

A list (a term's postings in one field, or a block of them; best weights first) is written as
runs of one weight. The documents of one weight come in their order (the index's sort is stable),
so each run is a rising set of document numbers, which Rice codes write in few bits: of `k`
documents among `documents`, a distance is near `documents / k`, written as its high part in
unary and its low `rice_bits(documents, k)` bits as they are. The numbers around them (how many
runs, each run's weight and size) are Exp-Golomb codes, short for small numbers:

    runs - 1                                 Exp-Golomb, order 0
    per run:
        weight (the first run)               Exp-Golomb, order FIRST_WEIGHT_ORDER
        or its drop from the run before, - 1 Exp-Golomb, order DROP_ORDER
        documents - 1                        Exp-Golomb, order 0
        the first document                   Rice, rice_bits(documents, k)
        each next one's distance, - 1        Rice, the same

Bits run from each digit's highest; a list ends with zeros up to its last digit. As JSON arrays
of decimal numbers (weight runs, deflated) the lists took a fifth more bytes: a number's digits
are near the best deflate can do with them, but not the commas and brackets around them, and a
Rice code needs neither. sok.js's `postingsOf` reads them, by the orders the manifest carries
(`browser_rules`).

`coded_lists` writes many lists in one pass over numpy arrays (a list at a time, the numpy steps
cost more than the bits: 120 microseconds a list, where most lists hold one posting).
"""

from __future__ import annotations

import base64

import numpy as np

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
"""Base 64 (RFC 4648): a list's bits, six to a digit."""
FIRST_WEIGHT_ORDER = 10
"""(weights are lunr's scores times 1000: most lie between a hundred and a few thousand)"""
DROP_ORDER = 2
_DIGIT = {digit: value for value, digit in enumerate(ALPHABET)}


def browser_rules() -> dict:
    """The coding's orders, as the index's manifest carries them to sok.js (which holds no copy)."""
    return {"firstWeightOrder": FIRST_WEIGHT_ORDER, "dropOrder": DROP_ORDER}


def rice_bits(documents: int, k: int) -> int:
    """Low bits written as they are, for a run of `k` of `documents` documents: the largest power
    of two not above `documents / (k + 1)`, the mean distance (integers, as sok.js computes it)."""
    return max(0, (documents // (k + 1)).bit_length() - 1)


def coded_lists(docs: np.ndarray, weights: np.ndarray, starts: np.ndarray, ends: np.ndarray, documents: int) -> list[str]:
    """Each list `docs[starts[i]:ends[i]]` (with its `weights`, best first; none empty) coded."""
    starts, sizes = np.asarray(starts, np.int64), np.asarray(ends, np.int64) - np.asarray(starts, np.int64)
    lists, total = len(sizes), int(sizes.sum())
    if not lists:
        return []
    list_of = np.repeat(np.arange(lists), sizes)
    first = np.cumsum(sizes) - sizes
    at = np.arange(total) - first[list_of] + starts[list_of]
    doc, weight = docs[at].astype(np.int64), weights[at].astype(np.int64)

    opens = np.ones(total, dtype=bool)  # (a run opens where its list does, or where the weight drops)
    opens[1:] = weight[1:] != weight[:-1]
    opens[first] = True
    run_starts = np.flatnonzero(opens)
    run_of = np.cumsum(opens) - 1
    run_sizes = np.diff(np.r_[run_starts, total])
    run_list = list_of[run_starts]
    opening = np.zeros(len(run_starts), dtype=bool)
    opening[run_of[first]] = True
    run_weight = weight[run_starts]
    before = np.r_[0, run_weight[:-1]]
    weight_value, weight_width = _exp_golomb(np.where(opening, run_weight, before - run_weight - 1),
                                             np.where(opening, FIRST_WEIGHT_ORDER, DROP_ORDER))
    size_value, size_width = _exp_golomb(run_sizes - 1, 0)
    runs_value, runs_width = _exp_golomb(np.bincount(run_list, minlength=lists) - 1, 0)

    distance = doc.copy()
    distance[1:] -= doc[:-1] + 1
    distance[run_starts] = doc[run_starts]
    low = np.maximum(0, _bit_length(documents // (run_sizes + 1)) - 1)[run_of]
    doc_value = (1 << low) | (distance & ((1 << low) - 1))
    doc_width = (distance >> low) + 1 + low

    # Each list: its runs' count, each run's weight and size before its documents, then zeros to
    # its last digit. A field's place: the fields of everything before it.
    fields = total + 2 * len(run_starts) + 2 * lists
    value, width = np.zeros(fields, np.int64), np.zeros(fields, np.int64)
    posting_at = np.arange(total) + 2 * (run_of + 1) + 2 * list_of + 1
    run_at = run_starts + 2 * np.arange(len(run_starts)) + 2 * run_list + 1
    list_at = first + 2 * run_of[first] + 2 * np.arange(lists)
    value[posting_at], width[posting_at] = doc_value, doc_width
    value[run_at], width[run_at] = weight_value, weight_width
    value[run_at + 1], width[run_at + 1] = size_value, size_width
    value[list_at], width[list_at] = runs_value, runs_width
    bits = np.add.reduceat(width, list_at)
    width[np.r_[list_at[1:], fields] - 1] = -bits % 6

    field_ends = np.cumsum(width)
    digits = base64.b64encode(_packed(value, field_ends)).decode("ascii")
    cuts = (field_ends[np.r_[list_at[1:], fields] - 1] // 6).tolist()
    return [digits[start:end] for start, end in zip([0, *cuts], cuts)]


def postings_of(coded: str, documents: int) -> tuple[list[int], list[int]]:
    """(documents, weights) of a list `coded_lists` wrote, best first (sok.js's `postingsOf`)."""
    bits = _Bits(coded)
    docs: list[int] = []
    weights: list[int] = []
    weight = 0
    for run in range(bits.exp_golomb(0) + 1):
        weight = bits.exp_golomb(FIRST_WEIGHT_ORDER) if run == 0 else weight - bits.exp_golomb(DROP_ORDER) - 1
        size = bits.exp_golomb(0) + 1
        low, doc = rice_bits(documents, size), -1
        for _ in range(size):
            doc += bits.rice(low) + 1
            docs.append(doc)
            weights.append(weight)
    return docs, weights


class _Bits:
    def __init__(self, coded: str):
        self.bits = "".join(f"{_DIGIT[digit]:06b}" for digit in coded)
        self.at = 0

    def unary(self) -> int:
        """Zeros up to a one (read too)."""
        end = self.bits.index("1", self.at)
        zeros, self.at = end - self.at, end + 1
        return zeros

    def number(self, width: int) -> int:
        value = int(self.bits[self.at:self.at + width] or "0", 2)
        self.at += width
        return value

    def exp_golomb(self, order: int) -> int:
        width = self.unary() + order
        return (1 << width | self.number(width)) - (1 << order)

    def rice(self, low: int) -> int:
        return self.unary() << low | self.number(low)


def _exp_golomb(numbers: np.ndarray, order: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
    """Each number's Exp-Golomb code of `order`: its value (the leading zeros implied) and width."""
    shifted = numbers + (np.int64(1) << order)
    return shifted, 2 * _bit_length(shifted) - 1 - order


def _bit_length(numbers: np.ndarray) -> np.ndarray:
    return np.frexp(np.asarray(numbers, dtype=np.float64))[1].astype(np.int64)  # (exact below 2**53)


def _packed(values: np.ndarray, ends: np.ndarray) -> bytes:
    """Fields of bits one after the other, each of `values` ending at bit `ends[i]` (the field's
    bits before its value's highest one are zeros), as bytes, zeros to a whole number of three
    (so that base 64 cuts no digit across two lists' bits)."""
    total = int(ends[-1])
    last = ends - 1
    word, place = last >> 6, (last & 63).astype(np.uint64)
    value = values.astype(np.uint64)
    words = np.zeros(total // 64 + 2, dtype=np.uint64)
    # (a value ends in its last bit's word, and may begin in the word before: never further, as
    # no value is wider than 63 bits; fields are in order, so each word's are together)
    _or_into(words, word, value << (np.uint64(63) - place))
    spills = np.flatnonzero(place < 63)
    _or_into(words, word[spills] - 1, value[spills] >> (place[spills] + np.uint64(1)))
    data = words.astype(">u8").tobytes()[:(total + 7) // 8]
    return data + bytes(-len(data) % 3)


def _or_into(words: np.ndarray, at: np.ndarray, bits: np.ndarray) -> None:
    keep = np.flatnonzero(bits)
    if not len(keep):
        return
    at, bits = at[keep], bits[keep]
    cuts = np.flatnonzero(np.r_[True, at[1:] != at[:-1]])
    words[at[cuts]] |= np.bitwise_or.reduceat(bits, cuts)
