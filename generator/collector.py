"""Python's cycle collector, kept out of the way while the archive is built.

An archive in memory is millions of small objects (meetings, items, blocks, references, views)
that form no reference cycles: reference counting frees them. But the collector starts a pass
whenever many more objects were made than freed, and its full passes walk every object alive, so
reading an archive and deriving its pages made it walk the growing heap again and again: at
10,000 protocols the collector took 4.7 of the 9.6 s that reading and deriving took, and in the
preview 4–7 s of every edit's 8–11 s.

So the phases that build such lasting data run with the collector paused (`paused`), and what
they built is then frozen (`lasting`): later passes (while rendering) leave it alone, and a forked
worker does not copy the pages a pass would have written to.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collector passes inside (a pass may follow: what was made counts towards the next)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextmanager
def lasting() -> Iterator[None]:
    """Build what lives as long as the process's work (an archive and its views): paused, then
    frozen, so that no pass walks it again. What is frozen is still freed when no longer
    referenced (reference counting does not depend on the collector): a preview that replaces its
    archive after an edit does not keep the old one."""
    with paused():
        yield
        gc.freeze()  # (before the collector is back: its first pass would walk everything made here)


def freeze_read() -> None:
    """Inside `lasting`, what was made so far frozen already (before work is forked from it: a
    process forked with nothing frozen would have the collector walk all of it again once it ends,
    `thaw_after_fork`)."""
    gc.freeze()


def freeze_for_fork() -> bool:
    """Freeze everything before forking workers (no pass in this process writes to the pages they
    share, none in theirs walks what they inherit); returns whether something was frozen before."""
    before = gc.get_freeze_count() > 0
    gc.freeze()
    return before


def thaw_after_fork(frozen_before: bool) -> None:
    """Let the collector walk what `freeze_for_fork` froze again (a long-lived process, the
    preview, collects its own garbage), unless something had been frozen before: `lasting`
    data would then be thawed with it, and the next full pass walk all of it (2.5 s in an edit's
    preview at 10,000 protocols)."""
    if not frozen_before:
        gc.unfreeze()
