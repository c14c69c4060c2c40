"""Work run in a thread hands back its result, or its exception, through the future."""

from __future__ import annotations

import threading

import pytest

from reader.core.background import in_thread


def test_the_jobs_result_comes_back_from_its_own_thread() -> None:
    future = in_thread("job", lambda: threading.current_thread().name)
    assert future.result(timeout=10) == "job"


def test_the_jobs_exception_is_raised_by_the_future() -> None:
    def fails() -> None:
        raise ValueError("no such page")

    with pytest.raises(ValueError, match="no such page"):
        in_thread("job", fails).result(timeout=10)
