"""Folders shipped with the project, found relative to the package."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = PROJECT_ROOT / "resources"
SAMPLE_ARTICLES = PROJECT_ROOT / "sample_articles"
