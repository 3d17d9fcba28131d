"""The C library's allocator, told to give back what a process lets go.

glibc serves a large block from its heap once a block that size was freed (its threshold for
mapping a block of its own rises to it), and a heap's free space goes back to the system only from
its top. In a process that makes and drops arrays of tens of megabytes, next to millions of small
objects that stay, the freed blocks then stay resident: the search index's process at 10,000
protocols held about 100 MB more at its peak than its arrays and objects needed. With the threshold
fixed, every large block is mapped on its own and unmapped when freed. Elsewhere than glibc,
nothing is changed.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_MMAP_THRESHOLD = -3
"""glibc's `mallopt` parameter (malloc.h): setting it turns the dynamic threshold off."""
LARGE = 128 * 1024
"""glibc's own initial threshold."""
HUGE = 1 << 30
"""A threshold no block of a build reaches."""


def map_large_blocks() -> bool:
    """Every block of LARGE or more bytes mapped on its own from now on; whether that could be said."""
    return _mmap_threshold(LARGE)


def reuse_freed_blocks() -> bool:
    """Blocks served from the heap again, whatever their size: where a process's largest moment is
    past and it goes on making and dropping arrays, each mapped anew cost the system's zeroing of
    every page again (in the search index's process at 10,000 protocols, after counting: a second
    of CPU of each rebuild); whether that could be said."""
    return _mmap_threshold(HUGE)


def _mmap_threshold(size: int) -> bool:
    try:
        return bool(ctypes.CDLL(ctypes.util.find_library("c")).mallopt(M_MMAP_THRESHOLD, size))
    except (OSError, AttributeError, TypeError):
        return False
