"""Each hostile input of the reliability passes, at full size: imported and rendered, or
refused with a one-line message.  Each took minutes (or gigabytes) before."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.anchoring.canonical import MAX_BLOCKS, canonical_text
from reader.core.models import ReaderError
from reader.core.palette import Theme
from reader.importers.articles import read_article_file
from reader.importers.html_article import article_from_html
from reader.importers.text_article import article_from_text
from reader.render.html import render_body_html
from tests.fuzz.corpus import CRASH_INPUTS, HOSTILE_INPUTS, HostileInput, many_elements

# what each refusal says: Markdown and text count blocks and syntax, pages elements
REFUSAL = r"^(the article has .* an article may have|\S+\.html has more .* a page may have)"


def import_and_render(path: Path) -> str:
    markdown = read_article_file(path).markdown
    canonical_text(markdown)
    return render_body_html(markdown, Theme.LIGHT)


@pytest.mark.parametrize(
    "hostile", [item for item in HOSTILE_INPUTS if item.refused], ids=lambda item: item.name
)
def test_full_size_input_is_refused_at_once(hostile: HostileInput, tmp_path: Path) -> None:
    path = tmp_path / hostile.name
    path.write_text(hostile.text(), encoding="utf-8")
    with pytest.raises(ReaderError, match=REFUSAL) as error:
        import_and_render(path)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "hostile", [item for item in HOSTILE_INPUTS if not item.refused], ids=lambda item: item.name
)
def test_full_size_input_within_the_limits_is_imported(
    hostile: HostileInput, tmp_path: Path
) -> None:
    path = tmp_path / hostile.name
    path.write_text(hostile.text(), encoding="utf-8")
    assert "<p>" in import_and_render(path)


def test_a_page_within_the_limits_is_imported() -> None:
    html = many_elements(1_000, attributes=30)
    assert canonical_text(article_from_html(html).markdown).count("The council met.") == 1_000


def test_a_long_article_within_the_limits_is_imported() -> None:
    paragraphs = MAX_BLOCKS - 1
    text = "\n\n".join(f"Paragraph {index} of a long report." for index in range(paragraphs))
    markdown = article_from_text(text, title="Report").markdown
    assert canonical_text(markdown).count("\n\n") == paragraphs - 1


def test_a_page_trafilatura_cannot_reread_is_refused() -> None:
    # found by the fuzz run: trafilatura's XML output failed to parse as XML
    path = Path(__file__).parent / "cases" / "xml-unsafe-attribute.html"
    with pytest.raises(ReaderError, match="its HTML is too broken"):
        read_article_file(path)


@pytest.mark.parametrize(("name", "text"), CRASH_INPUTS, ids=[name for name, _ in CRASH_INPUTS])
def test_an_input_that_crashed_imports_or_is_refused_in_one_line(
    name: str, text: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        import_and_render(path)
    except ReaderError as error:
        assert "\n" not in str(error)
