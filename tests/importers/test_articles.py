import os
import time
from pathlib import Path

import pytest

from reader.anchoring.canonical import canonical_text
from reader.core.limits import MAX_ARTICLE_BYTES
from reader.core.models import ReaderError, SourceFormat
from reader.importers.articles import (
    ARTICLE_SUFFIXES,
    article_from_markdown,
    decode_bytes,
    read_article_file,
)

CP1252_TEXT = "“Smart quotes” — an en dash – café, naïve, 10 €.\n\nIt’s ‘quoted’ too."
LATIN1_TEXT = "Le garçon a mangé une crème brûlée à Noël.\nOù est l'hôtel ? Ça va très bien."


def refused(path: Path, **kwargs: int) -> str:
    with pytest.raises(ReaderError) as caught:
        read_article_file(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert message[0].islower()
    assert path.name in message
    return message


def test_suffixes() -> None:
    assert sorted(ARTICLE_SUFFIXES) == [".htm", ".html", ".markdown", ".md", ".txt"]


@pytest.mark.parametrize(
    ("suffix", "source_format"),
    [
        (".md", SourceFormat.MARKDOWN),
        (".MARKDOWN", SourceFormat.MARKDOWN),
        (".txt", SourceFormat.TEXT),
        (".htm", SourceFormat.HTML),
    ],
)
def test_suffix_picks_the_importer(
    tmp_path: Path, suffix: str, source_format: SourceFormat
) -> None:
    path = tmp_path / f"story{suffix}"
    path.write_text("<p>Title</p>\n\nA paragraph about the council's vote on Tuesday.\n")
    article = read_article_file(path)
    assert article.source_format is source_format
    assert article.source_path == str(path.resolve())
    assert "the council's vote on Tuesday" in canonical_text(article.markdown)


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    article = read_article_file(path, max_bytes=MAX_ARTICLE_BYTES)
    title, body = CP1252_TEXT.split("\n\n")
    assert (article.title, canonical_text(article.markdown)) == (title, body)


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "french.md"
    path.write_bytes(LATIN1_TEXT.encode("latin-1"))
    assert canonical_text(read_article_file(path).markdown) == LATIN1_TEXT.replace("\n", " ")


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    body = "<p>" + "Привет, это новость о городском совете и новых автобусах. " * 8 + "</p>"
    head = '<head><meta charset="windows-1251"></head>'
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    path = tmp_path / "russian.html"
    path.write_bytes(page.encode("cp1251"))
    assert "Привет, это новость" in canonical_text(read_article_file(path).markdown)


def test_utf16_with_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Héllo wörld 😀\n\nSecond.".encode("utf-16"))
    article = read_article_file(path)
    assert (article.title, canonical_text(article.markdown)) == ("Héllo wörld 😀", "Second.")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    assert "the file is empty" in refused(path)


def test_binary_file_renamed_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    png_start = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    path.write_bytes(png_start + bytes(range(256)) * 20)
    assert "not a text file" in refused(path)


def test_random_bytes_without_nul_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((i * 7919 + 13) % 255 + 1 for i in range(4000)))
    assert "not a text file" in refused(path)


def test_invalid_utf8_in_a_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.md"
    path.write_bytes("Café naïve résumé.\n\n".encode() + b"Broken \xff\xfe\xc3( bytes.\n")
    assert "invalid UTF-8" in refused(path)


JAPANESE_TEXT = (
    "市立図書館は月曜日から日曜日の開館時間を短くすると発表しました。"
    "理事会によると、予算の削減が理由です。利用者の多くは反対しています。"
)


def test_shift_jis_page_that_declares_it_is_decoded(tmp_path: Path) -> None:
    # some Shift_JIS byte pairs are valid UTF-8: the page is not damaged UTF-8
    path = tmp_path / "page.html"
    html = (
        f'<html><head><meta charset="shift_jis"></head><body><p>{JAPANESE_TEXT}</p></body></html>'
    )
    path.write_bytes(html.encode("shift_jis"))
    assert JAPANESE_TEXT in canonical_text(read_article_file(path).markdown)


def test_shift_jis_text_without_a_declaration_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(JAPANESE_TEXT.encode("shift_jis"))
    assert JAPANESE_TEXT in canonical_text(read_article_file(path).markdown)


def test_damaged_utf8_page_declaring_latin1_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Café naïve résumé.</p>'
    path.write_bytes(html.encode() + b"<p>Broken \xff\xfe bytes.</p></body></html>")
    assert "invalid UTF-8" in refused(path)


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    message = refused(path, max_bytes=1000)
    assert "limit" in message and "1000 bytes" in message


def test_sparse_50_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    message = refused(path)
    assert time.perf_counter() - started < 0.5
    assert "50 MB" in message and "10 MB limit" in message


def test_unknown_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    message = refused(path)
    assert ".pdf" in message
    for suffix in ARTICLE_SUFFIXES:
        assert suffix in message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    # the message does not assume the file was being imported: `suggest` reads files too
    assert refused(tmp_path / "missing.html") == "cannot read missing.html: no such file"


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.md"
    folder.mkdir()
    assert "folder" in refused(folder)


def test_decode_bytes_order() -> None:
    assert decode_bytes("plain".encode("utf-8-sig")) == "plain"
    assert decode_bytes("naïve".encode()) == "naïve"
    assert decode_bytes("naïve".encode("cp1252")) == "naïve"
    assert decode_bytes(b"caf\xe9", declared_encoding="iso-8859-1") == "café"
    with pytest.raises(ReaderError, match="NUL"):
        decode_bytes(b"text\x00more")


@pytest.mark.parametrize(
    "label",
    ["rot13", "hex", "base64", "zlib", "uu", "bz2", "zip", "quopri", "undefined", "unicode_escape"],
)
def test_a_declared_charset_that_is_no_web_encoding_is_ignored(tmp_path: Path, label: str) -> None:
    # Python's codecs know these names, but they are byte or text transforms
    page = (
        f"<html><head><meta charset='{label}'></head><body><article>"
        "<p>The council met on Tuesday at the café on the square.</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    text = canonical_text(read_article_file(path).markdown)
    assert text == "The council met on Tuesday at the café on the square."


def test_a_parser_library_error_becomes_one_line_with_the_cause_kept(tmp_path: Path) -> None:
    # PyYAML's scanner raises ValueError on an escape past the last code point
    path = tmp_path / "escape.md"
    path.write_text('---\ntitle: "\\U00110000"\n---\n\nThe council met on Tuesday.\n')
    message = refused(path)
    assert message.startswith("cannot read escape.md: its content cannot be parsed (ValueError")
    with pytest.raises(ReaderError) as caught:
        read_article_file(path)
    assert isinstance(caught.value.__cause__, ValueError)  # for the crash log


def test_pasted_markdown_raises_only_reader_errors() -> None:
    with pytest.raises(ReaderError, match="^cannot read the Markdown text: .*ValueError"):
        article_from_markdown('---\ntitle: "\\U00110000"\n---\n\nText.\n')


def test_refusals_name_the_file_in_the_article_wording(tmp_path: Path) -> None:
    folder = tmp_path / "folder.md"
    folder.mkdir()
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    assert refused(folder) == "cannot read folder.md: it is a folder, not a file"
    assert refused(pipe) == "cannot read pipe.md: not a regular file"
