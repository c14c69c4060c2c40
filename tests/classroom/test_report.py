"""The class report: self-contained, escaped, one page per student, key marked by underline."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from reader.classroom.overview import build_overview
from reader.classroom.report import render_report
from reader.classroom.scores import StudentWork
from reader.classroom.synthetic import synthetic_class
from reader.core.models import Kind
from tests.classroom.conftest import key_flags
from tests.classroom.test_whole_loop import hand_in
from tests.conftest import flag_quote

HOSTILE = '<script>alert("x")</script> "&<>'


class Collector(HTMLParser):
    """Tags, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


def hostile_report(tmp_path: Path) -> tuple[str, list[StudentWork]]:
    article, works = hand_in(tmp_path)
    first = works[0]
    flags = [*first.flags, flag_quote(article, "Parents were asked", Kind.OPINION, note=HOSTILE)]
    works[0] = StudentWork(first.student_id, HOSTILE, flags)
    key = key_flags(article)
    key[2].note = "teacher <b>bold</b> & more"
    overview = build_overview(article, key, works)
    html = render_report(
        overview,
        assignment_title=f"Lunch {HOSTILE}",
        class_name="9B <i>",
        comments={works[1].student_id: f"Well done, {HOSTILE}"},
    )
    return html, works


def test_names_notes_and_comments_are_text_never_markup(tmp_path: Path) -> None:
    html, _ = hostile_report(tmp_path)
    page = parsed(html)
    assert "script" not in page.tags and "b" in page.tags  # our own <b>, not the note's
    assert "i" not in page.tags
    text = "".join(page.text)
    assert HOSTILE in text  # shown as the very characters typed
    assert "teacher <b>bold</b> & more" in text
    assert f"Well done, {HOSTILE}" in text
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_self_contained_no_scripts_no_remote_resources(tmp_path: Path) -> None:
    html, _ = hostile_report(tmp_path)
    page = parsed(html)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not [value for name, value in page.attributes if name.startswith("on")]
    assert not re.search(r"(?:src|href)\s*=|url\(|@import|@font-face", html)
    assert "default-src 'none'" in html


def test_one_page_per_student_with_found_missed_extra_and_comment(tmp_path: Path) -> None:
    html, works = hostile_report(tmp_path)
    pages = html.split('<section class="student">')[1:]
    assert len(pages) == 3
    ben = next(page for page in pages if page.startswith("<h2>Ben</h2>"))
    assert "You found 1 of the 3 flags in the key; 1 of your 3 flags match it." in ben
    assert "Found (2)" in ben and "Missed (1)" in ben and "Extra (not in the key) (1)" in ben
    # the teacher's note on the passage Ben missed, the comment to him
    assert "where does the 2 million come from?" in ben
    assert "Well done, &lt;script&gt;" in ben
    cam = next(page for page in pages if page.startswith("<h2>Cam</h2>"))
    assert "No comment written." in cam
    assert ".student { break-before: page; }" in html
    assert "@page { margin: 16mm 14mm; }" in html


def test_the_key_is_marked_by_underline_style_per_kind(tmp_path: Path) -> None:
    html, _ = hostile_report(tmp_path)
    for style in ("wavy", "dotted", "solid"):
        assert re.search(rf'<span class="key" style="[^"]*text-decoration-style:{style};', html)
    # each passage has its bar, with the figures in words for who cannot tell the colours
    assert html.count("<svg ") == 3
    assert 'aria-label="2 found, 1 other kind, 0 missed"' in html


def test_a_class_without_submissions_still_renders() -> None:
    synthetic = synthetic_class(0, seed=2)
    html = render_report(build_overview(synthetic.article, synthetic.key, []))
    assert "No submissions yet." in html and '<section class="student">' not in html


def test_near_copies_are_named_in_the_summary() -> None:
    synthetic = synthetic_class(8, copies=1, seed=3)
    overview = build_overview(synthetic.article, synthetic.key, synthetic.students)
    html = render_report(overview)
    [(copy, original)] = synthetic.copies
    [warning] = re.findall(r'<p class="warning">(.*?)</p>', html)
    assert overview.names[copy] in warning and overview.names[original] in warning


def test_two_students_with_one_name_both_have_their_page(tmp_path: Path) -> None:
    article, works = hand_in(tmp_path)
    first, second = works[0], works[1]
    same_name = [
        StudentWork(first.student_id, "Sam Lee", first.flags),
        StudentWork(second.student_id, "Sam Lee", second.flags),
    ]
    html = render_report(build_overview(article, key_flags(article), same_name))
    # the ids differ in their last character only: as much of them is shown as tells them apart
    assert f"<h2>Sam Lee ({first.student_id})</h2>" in html
    assert f"<h2>Sam Lee ({second.student_id})</h2>" in html
