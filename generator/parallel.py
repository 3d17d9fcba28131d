"""Work on more than one core: parsing meeting files in workers, and building the search index
beside the page rendering.

Both use fork, so that the workers see the archive already in memory instead of having it pickled
to them; where fork is missing (or one core is all there is) the work runs in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.util
import os
import threading
import signal
import traceback
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from . import collector
from .problems import file_error

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def room_for_a_copy() -> bool:
    """Whether the system has memory for another whole copy of this process (a fork that reads all
    it inherits copies what it reads, page by page): at 100,000 protocols the build's process is
    about 5 GB. True where the system does not say (no /proc)."""
    try:
        return _has_room(_resident_bytes(), _available_bytes())
    except (OSError, ValueError):
        return True


def _has_room(resident: int, available: int) -> bool:
    return available >= resident


def _resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _available_bytes() -> int:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    raise ValueError("no MemAvailable in /proc/meminfo")


_task: Callable | None = None


def map_in_workers(task: Callable[[T], R], items: list[T], at_least: int = 64,
                   forked: Callable[[], None] = lambda: None) -> Iterator[R]:
    """`map(task, items)` on every core, in order. Fewer than `at_least` items run here: starting
    workers would cost more. Results travel back pickled. `forked` is called here once the workers
    have started, and only then: what only the task reads can be let go of here (each worker holds
    its own)."""
    if not can_fork() or len(items) < at_least:
        yield from map(task, items)
        return
    global _task
    _task = task  # inherited by the forked workers, never pickled to them
    frozen_before = collector.freeze_for_fork()
    try:
        with multiprocessing.get_context("fork").Pool(cores()) as pool:
            forked()  # (a pool forks its workers as it is made)
            # Chunks of items per message to a worker; few items go one by one (or one worker
            # would take them all).
            yield from pool.imap(_run_task, items, chunksize=max(1, min(16, len(items) // (4 * cores()))))
    finally:
        _task = None
        collector.thaw_after_fork(frozen_before)


def _run_task(item):
    assert _task is not None
    return _task(item)


def in_thread(task: Callable[[], None]) -> Callable[[], None]:
    """`task` run in a thread of this process (for work that mostly waits on the disk); returns
    what waits for it to end, and raises its error. Waited for before this process forks again: a
    fork copies only the thread that forks."""
    error: list[BaseException] = []

    def run() -> None:
        try:
            task()
        except BaseException as failure:  # (raised where it is waited for)
            error.append(failure)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def wait() -> None:
        thread.join()
        if error:
            raise error[0]
    return wait


def in_process(task: Callable[[], None], forked: Callable[[], None] = lambda: None) -> Callable[[], None]:
    """`task` run in a fork of this process (for work that holds the interpreter's lock: pickling a
    file of 170 MB, in a thread, held this process's own work back by as long, two seconds on a
    rebuild's longest path at 10,000 protocols); returns what waits for it to end, and raises
    `BackgroundError` if it failed. Without fork, or without room for a copy of what it may read,
    in a thread. `forked` is called here once the fork has started, and only then: what only the
    task reads can be let go of here (the fork holds its own)."""
    if not can_fork() or not room_for_a_copy():
        return in_thread(task)
    wait = Background(task, freeze=False).wait  # (it reads what it inherits once, and ends)
    forked()
    return wait


class BackgroundError(Exception):
    """Work done in the background failed; the message says how."""


class Background(Generic[R]):
    """One function run in a forked process while this one goes on; `wait` for it to end and for
    what it returned (pickled back to this process). Without fork it runs when started. With
    `group`, the process and the workers it forks are a process group of their own, which `cancel`
    stops whole (a task cancelled often, the preview's refresh: its workers would otherwise finish
    the piece of work they hold, on the cores the next edit wants); without, they stay in this
    one's, which an interrupt (Ctrl-C) stops with it. With `freeze` false, the collector is left as
    it is: a process that never reads what it inherits and outlives others started after it
    (`search.job`), whose thawing at its end would thaw what they froze too."""

    def __init__(self, task: Callable[[], R], group: bool = False, freeze: bool = True):
        self._error: str | None = None
        self._value: R | None = None
        self._process = None
        self._group = group and hasattr(os, "killpg")
        if not can_fork():
            self._error, self._value = _attempt(task)
            return
        self._frozen_before = collector.freeze_for_fork() if freeze else True
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self._receive = receive
        self._process = context.Process(target=_report, args=(task, send, self._group))  # (not a daemon: it may use workers of its own)
        self._process.start()
        # A process nobody waited for (the program ended on an error first) is stopped as this one
        # exits: multiprocessing joins its children at exit, which would wait forever for the
        # index's process, itself waiting for documents that will not come.
        self._at_exit = multiprocessing.util.Finalize(None, _stop, args=(self._process, self._group), exitpriority=10)
        if self._group:
            try:  # (the process does it too: whichever comes first, `cancel` finds the group)
                os.setpgid(self._process.pid, self._process.pid)
            except OSError:
                pass
        send.close()

    def wait(self) -> R | None:
        """What the function returned; raises `BackgroundError` if it failed."""
        if self._process is not None:
            try:
                self._error, self._value = self._receive.recv()
            except EOFError:  # it died without a word (killed, out of memory)
                self._error = "the background process stopped unexpectedly"
            self._process.join()
            self._process = None
            self._at_exit.cancel()
            collector.thaw_after_fork(self._frozen_before)
        if self._error:
            raise BackgroundError(self._error)
        value, self._value = self._value, None  # (let go here: it may be large)
        return value

    @property
    def running(self) -> bool:
        """The function has not ended yet (in its process)."""
        return self._process is not None and self._process.is_alive()

    def cancel(self) -> None:
        """Stop the function (and, with `group`, every process it started)."""
        if self._process is not None:
            _stop(self._process, self._group)
            self._process = None
            self._at_exit.cancel()
            collector.thaw_after_fork(self._frozen_before)


def _stop(process, group: bool) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL) if group else process.kill()
    except ProcessLookupError:  # (no such group: it has ended, or never became one)
        process.kill()
    process.join()


def _report(task: Callable[[], R], send, group: bool) -> None:
    if group:
        os.setpgid(0, 0)
    # A short life making millions of small objects and no cycles worth collecting: the
    # collector's passes over them cost a third of the search index's time.
    gc.disable()
    send.send(_attempt(task))
    send.close()


def _attempt(task: Callable[[], R]) -> tuple[str | None, R | None]:
    """(None, what `task` returned), or (what went wrong, None)."""
    try:
        return None, task()
    except OSError as error:  # (the system refused a file: a full disk)
        return file_error(error), None
    except Exception as error:  # a defect: say where, since no traceback reaches the user
        where = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__}: {error} ({os.path.basename(where.filename)}:{where.lineno})", None
