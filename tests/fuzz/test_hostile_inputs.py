"""Each hostile input of the reliability passes, at full size: imported and rendered, or
refused with a one-line message.  Each took minutes (or gigabytes) before."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.anchoring.canonical import MAX_BLOCKS, canonical_text
from reader.core.models import ReaderError
from reader.importers.articles import read_article_file
from reader.importers.text_article import article_from_text
from reader.render.html import render_body_html
from reader.render.palette import Theme
from tests.fuzz.corpus import HOSTILE_INPUTS, HostileInput

MARKDOWN_AND_TEXT = [item for item in HOSTILE_INPUTS if not item.name.endswith(".html")]


def import_and_render(path: Path) -> str:
    markdown = read_article_file(path).markdown
    canonical_text(markdown)
    return render_body_html(markdown, Theme.LIGHT)


@pytest.mark.parametrize("hostile", MARKDOWN_AND_TEXT, ids=lambda item: item.name)
def test_full_size_input_is_refused_at_once(hostile: HostileInput, tmp_path: Path) -> None:
    path = tmp_path / hostile.name
    path.write_text(hostile.text(), encoding="utf-8")
    with pytest.raises(ReaderError, match=r"^the article has .* an article may have") as error:
        import_and_render(path)
    assert "\n" not in str(error.value)


def test_a_long_article_within_the_limits_is_imported() -> None:
    paragraphs = MAX_BLOCKS - 1
    text = "\n\n".join(f"Paragraph {index} of a long report." for index in range(paragraphs))
    markdown = article_from_text(text, title="Report").markdown
    assert canonical_text(markdown).count("\n\n") == paragraphs - 1
