"""Each damaged or hostile file ends with one error line and an unchanged library."""

import json
from pathlib import Path

import pytest

from tests.cli.helpers import RunCli

HOSTILE_HTML = """<html><head><title>x</title><script>fetch('http://evil.example')</script></head>
<body><iframe src="http://evil.example/frame"></iframe><img src="http://evil.example/a.png">
<script>document.write('gone')</script></body></html>"""


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def make_bad_file(kind: str, folder: Path) -> Path:
    if kind == "empty":
        (path := folder / "empty.md").write_bytes(b"")
    elif kind == "binary-html":
        (path := folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    elif kind == "invalid-utf8":
        (path := folder / "broken.txt").write_bytes(
            "Déjà vu, naïve café. ".encode() * 20 + b"\xc3\x28"
        )
    elif kind == "huge-article":
        path = sparse(folder / "huge.html", 50 * 1024 * 1024)
    elif kind == "hostile-html":
        (path := folder / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    elif kind == "not-json":
        (path := folder / "flags.json").write_text("{not json", encoding="utf-8")
    elif kind == "wrong-types":
        (path := folder / "flags.json").write_text(
            json.dumps({"type": "Annotation", "id": 5, "body": "x", "target": []}),
            encoding="utf-8",
        )
    elif kind == "missing-article":
        item = {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:uuid:8c1a4a52-4a45-4a32-9d2b-0d8f1f4e2a10",
            "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "classifying", "value": "opinion"}],
            "target": {
                "source": "https://example.org/not-in-the-library",
                "selector": [
                    {"type": "TextPositionSelector", "start": 0, "end": 4},
                    {"type": "TextQuoteSelector", "exact": "Some", "prefix": "", "suffix": ""},
                ],
            },
        }
        (path := folder / "flags.json").write_text(json.dumps(item), encoding="utf-8")
    else:
        path = sparse(folder / "flags.json", 100 * 1024 * 1024)
    return path


def snapshot(cli: RunCli) -> str:
    listed = cli("list", "--json")[1]
    flags = [cli("annotations", str(entry["id"]), "--json")[1] for entry in json.loads(listed)]
    return listed + "".join(flags)


@pytest.mark.parametrize(
    "kind",
    [
        "empty",
        "binary-html",
        "invalid-utf8",
        "huge-article",
        "hostile-html",
        "not-json",
        "wrong-types",
        "missing-article",
        "huge-flags",
    ],
)
def test_bad_file_is_refused_with_one_line(cli: RunCli, tmp_path: Path, kind: str) -> None:
    good = tmp_path / "good.md"
    good.write_text("---\ntitle: Good\n---\n\nSome text worth keeping.\n", encoding="utf-8")
    assert cli("import", str(good))[0] == 0
    before = snapshot(cli)
    code, out, err = cli("import", str(make_bad_file(kind, tmp_path)))
    assert code == 1 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert snapshot(cli) == before


def test_suggest_on_a_missing_file_says_no_such_file(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    code, out, err = cli("suggest", str(missing))
    assert (code, out) == (1, "")
    assert err == f"error: no such file: {missing} (give a file, or an article ID)\n"
