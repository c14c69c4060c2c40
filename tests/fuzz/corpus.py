"""Hostile article inputs, built at any size: the fuzz corpus and the benchmark's inputs.

Each input is a file name (its suffix picks the importer) and a function of a size in
bytes that builds the file's text.  The sizes the reliability passes found stalls at
are ``FULL_SIZES``; the fuzz run uses smaller ones so that each case runs in seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MB = 1024 * 1024


def _repeated(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _nested_links(size: int) -> str:
    depth = max(1, size // 3)
    return "[" * depth + "x" + "](" * depth


def _nested_images(size: int) -> str:
    # found by the fuzz run (seed 2): each image's label holds the next, and every "a-"
    # is two inline tokens but no Markdown syntax, so no limit refuses it
    depth = 100  # markdown-it's nesting bound: deeper images cost no more
    return "![" * depth + "a-" * max(1, (size - 6 * depth) // 2) + "](u)" * depth


def _many_attributes(size: int) -> str:
    count = max(1, size // 14)
    attributes = "".join(f' a{index:07d}="1"' for index in range(count))  # 14 characters each
    return f"<html><body><article><p{attributes}>The council met.</p></article></body></html>"


def _html_page(body: str) -> str:
    return f"<html><body><article>{body}</article></body></html>"


def _share_links(size: int) -> str:
    # one container of share links: each link's ancestors were judged again for each link
    link = "<a href='http://digg.com/submit?u=1'>Digg</a> | "
    story = "<p>" + "The council met and voted on the plan. " * 10 + "</p>"
    return _html_page(story + "<div>" + _repeated(link, size) + "</div>")


@dataclass(frozen=True)
class HostileInput:
    name: str  # a file name: its suffix picks the importer
    build: Callable[[int], str]
    full_size: int  # bytes, as the reliability passes measured it
    refused: bool = True  # at full size, over a limit; else imported at full size

    def text(self, size: int | None = None) -> str:
        return self.build(self.full_size if size is None else size)


HOSTILE_INPUTS: tuple[HostileInput, ...] = (
    HostileInput("nested-links.md", _nested_links, 150_000),
    HostileInput("bold.html", lambda size: _html_page(_repeated("<b>a</b>", size)), 5 * MB),
    HostileInput("paragraphs.txt", lambda size: _repeated("Para.\n\n", size), 7 * MB // 2),
    HostileInput("ampersands.md", lambda size: _repeated("&amp;", size), 5 * MB),
    HostileInput("image-openers.md", lambda size: _repeated("![", size), 10 * MB - 1024),
    HostileInput("attributes.html", _many_attributes, 1_400_000),
    HostileInput("headings.md", lambda size: _repeated("# Heading\n\n", size), 550_000),
    HostileInput("list-items.md", lambda size: _repeated("- item\n", size), 700_000),
    HostileInput(
        "headings.html", lambda size: _html_page(_repeated("<h2>Heading</h2>", size)), 800_000
    ),
    HostileInput(
        "list-items.html",
        lambda size: _html_page("<ul>" + _repeated("<li>item</li>", size) + "</ul>"),
        1_300_000,
    ),
    HostileInput("nested-images.md", _nested_images, 100_000, refused=False),
    HostileInput("share-links.html", _share_links, 380_000, refused=False),
    HostileInput(
        "double-breaks.html",
        lambda size: _html_page("<p>" + _repeated("The council met. <br><br>", size) + "</p>"),
        175_000,
        refused=False,
    ),
)


def many_elements(count: int, attributes: int = 0) -> str:
    """A page with ``count`` paragraphs, each with ``attributes`` attributes."""
    names = "".join(f" a{index}=1" for index in range(attributes))
    return _html_page(f"<p{names}>The council met.</p>" * count)


# The largest inputs of these shapes that are not refused: what an import may cost.
AT_THE_LIMITS: tuple[tuple[str, str], ...] = (
    ("list-items-9990.md", "- item\n" * 9_990),
    ("nested-list-9990.md", "".join("  " * (index % 10) + "- item\n" for index in range(9_990))),
    ("images-24900.md", "![" * 24_900),
    ("emphasis-24900.md", "*a* " * 24_900),
    ("paragraphs-9990.html", many_elements(9_990)),
    ("attributes-2400x30.html", many_elements(2_400, attributes=30)),
)


def _front_matter(field: str) -> str:
    return f"---\ntitle: A council report\n{field}\n---\n\nThe council met on Tuesday.\n"


def _declared_charset(name: str) -> str:
    head = f"<html><head><meta charset='{name}'></head>"
    return head + "<body><article><p>Caf\u00e9 prices rose.</p></article></body></html>"


# Inputs that crashed an import (issues 8 and 15): each now imports, or is refused in one line.
CRASH_INPUTS: tuple[tuple[str, str], ...] = (
    *(
        (f"front-matter-{index}.md", _front_matter(field))
        for index, field in enumerate(
            (
                "published: 2001-02-30",
                "published: 2001-13-45",
                "published: 2001-02-03 25:61:00",
                "published: 2001-02-03T10:00:00+99:00",
                "published: 0000-01-01",
                "published: !!float 'x'",
                "published: " + "9" * 4_301,
                "author: [a, b]",
                "publication: {a: 1}",
                "title2: &a [*a, *a, *a]",
            )
        )
    ),
    ("bracket-title.md", "# " + "[" * 1_200 + "\n\nThe council met.\n"),
    *(
        (f"charset-{name}.html", _declared_charset(name))
        for name in ("rot13", "hex", "base64", "zlib", "uu", "bz2", "zip", "quopri", "undefined")
    ),
    *(
        (
            f"control-after-{tag}.html",
            _html_page(
                f"<p>The council met on Tuesday. <{tag} src=a.png>&#12; The mayor said the cuts "
                "were needed.</p>"
            ),
        )
        for tag in ("img", "input", "embed")
    ),
)
