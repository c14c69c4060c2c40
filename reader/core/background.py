"""Work run in a thread of its own, its result (or its exception) handed back in a Future:
for work that touches no Qt object and no connection of the caller's."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

Result = TypeVar("Result")


def in_thread(name: str, job: Callable[[], Result]) -> Future[Result]:
    """Start ``job`` in a daemon thread named ``name``; the caller polls or waits on the
    future, which raises what the job raised."""
    future: Future[Result] = Future()

    def work() -> None:
        try:
            future.set_result(job())
        except BaseException as error:  # handed to the caller, which shows or raises it
            future.set_exception(error)

    threading.Thread(target=work, name=name, daemon=True).start()
    return future
