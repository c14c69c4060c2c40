"""Pytest settings for the run without Qt (`-p pytest_without_qt -p no:pytest-qt`).

pytest-qt is off in that run (it refuses to start without a Qt binding), so its
options in pyproject.toml are declared here and --strict-config still holds.
"""

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("qt_log_level_fail", "pytest-qt's option, unused without Qt")
    parser.addini("qt_log_ignore", "pytest-qt's option, unused without Qt", type="linelist")
