"""Links between pages are relative, so the archive works under any path on any host."""

from __future__ import annotations

import pytest

from generator.urls import relative


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("lsg/", "lsg/2021-02-19/", "../"),
        ("", "lsg/2021-02-19/", "../../"),
        ("", "", "./"),
        ("lsg/2021-02-19/#p5", "lsg/2021-02-19/", "#p5"),
        ("lsg/2021-02-19/#p5", "lsg/", "2021-02-19/#p5"),
        ("amne/nara-vard/", "", "amne/nara-vard/"),
        ("amne/nara-vard/", "lsg/2021-02-19/", "../../amne/nara-vard/"),
        ("lsg/2021-02-19/bilaga-6.pdf", "lsg/2021-02-19/", "bilaga-6.pdf"),
    ],
)
def test_relative_links(url: str, base: str, expected: str) -> None:
    assert relative(url, base) == expected
