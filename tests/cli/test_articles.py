"""reader import, list, show, export, search, check and backup (reader.cli.articles)."""

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.shipped import SAMPLE_ARTICLES
from reader.storage.library import Library
from tests.cli.helpers import ARTICLE, RunCli, imported_id, write_article


def test_import_list_show(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, out, _ = cli("list", "--json")
    assert code == 0
    [entry] = json.loads(out)
    assert entry["title"] == "The bridge" and entry["publication"] == "Riverside Post"
    code, out, _ = cli("show", str(article_id), "--text")
    assert out.startswith(
        "The bridge\n\nAna Núñez · Riverside Post · 1 May 2025\n\n"
        "The new bridge cost 40 million dollars"
    )
    assert out.endswith("again at night.")


def test_reimport_unchanged_says_so(cli: RunCli, tmp_path: Path) -> None:
    path = write_article(tmp_path)
    cli("import", str(path))
    code, out, _ = cli("import", str(path))
    assert code == 0 and "unchanged" in out


def test_w3c_round_trip_into_a_fresh_library(cli: RunCli, tmp_path: Path) -> None:
    path = write_article(tmp_path)
    article_id = imported_id(cli, path)
    cli(
        "annotate",
        str(article_id),
        "--kind",
        "context",
        "--quote",
        "🎉 as the first cars",
        "--note",
        "Opening day *photo*",
        "--source",
        "https://example.org/photo",
    )
    cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")
    exported = tmp_path / "flags.json"
    assert cli("export", str(article_id), "--format", "w3c", "-o", str(exported))[0] == 0
    _, before, _ = cli("annotations", str(article_id), "--json")

    fresh = tmp_path / "fresh.sqlite"
    Library.open(fresh).close()
    assert main(["--db", str(fresh), "import", str(path), str(exported)]) == 0
    [fresh_id] = [summary.id for summary in Library.open(fresh).articles()]
    after = Library.open(fresh).annotations(fresh_id)
    expected = json.loads(before)
    assert [
        (
            a.uuid,
            a.kind.value,
            a.anchor.start,
            a.anchor.end,
            a.anchor.exact,
            a.note,
            a.source,
            a.tags,
        )
        for a in after
    ] == [
        (f["id"], f["kind"], f["start"], f["end"], f["exact"], f["note"], f["source"], f["tags"])
        for f in expected
    ]


def test_edited_article_keeps_surviving_flags(cli: RunCli, tmp_path: Path) -> None:
    path = write_article(tmp_path)
    article_id = imported_id(cli, path)
    cli("annotate", str(article_id), "--kind", "unsourced", "--quote", "40 million dollars")
    cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again at night")
    path.write_text(
        ARTICLE.replace("The new bridge", "After years of delay, the new bridge").replace(
            " Residents cheered again at night.", ""
        ),
        encoding="utf-8",
    )
    code, out, _ = cli("import", str(path), "--json")
    [result] = json.loads(out)
    assert (result["outcome"], result["id"], result["version"]) == ("new_version", article_id, 2)
    assert result["orphaned"] == 1
    code, out, _ = cli("check")
    assert code == 0 and "integrity: ok" in out and "cheered again at night" in out
    _, out, _ = cli("annotations", str(article_id), "--json")
    statuses = {flag["exact"]: flag["status"] for flag in json.loads(out)}
    assert statuses == {"40 million dollars": "active", "cheered again at night": "orphaned"}


def test_export_formats(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    cli(
        "annotate",
        str(article_id),
        "--kind",
        "unsourced",
        "--quote",
        "40 million dollars",
        "--note",
        "Which budget?",
    )
    _, markdown, _ = cli("export", str(article_id), "--format", "markdown")
    assert markdown.startswith("# The bridge") and "40 million dollars" in markdown
    _, csv_text, _ = cli("export", str(article_id), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == 1 and rows[0]["note"] == "Which budget?"


def test_search_and_backup(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    cli(
        "annotate",
        str(article_id),
        "--kind",
        "unsourced",
        "--quote",
        "40 million dollars",
        "--note",
        "ask the treasurer",
    )
    code, out, _ = cli("search", "treasurer", "--json")
    assert code == 0 and json.loads(out)[0]["article_id"] == article_id
    backup = tmp_path / "copy.sqlite"
    code, out, _ = cli("backup", "-o", str(backup))
    assert code == 0 and backup.exists()


def test_new_library_is_filled_with_the_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "lib.sqlite"
    assert main(["--db", str(db), "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    samples = sorted(SAMPLE_ARTICLES.glob("*.md"))
    assert len(listed) == len(samples) >= 3
    assert sum(sum(entry["counts"].values()) for entry in listed) >= 15


def test_export_and_backup_never_overwrite_the_library(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, _, err = cli("export", str(article_id), "--format", "csv", "-o", str(db))
    assert code == 1 and "overwrite the library" in err
    code, _, err = cli("backup", "-o", f"{db}-wal")
    assert code == 1 and "overwrite the library" in err
    assert cli("check")[0] == 0


def test_exports_leave_out_suggestions(cli: RunCli, tmp_path: Path) -> None:
    text = ARTICLE + "\nThe notorious scheme cost 80,000 families their savings since 2019!\n"
    article_id = imported_id(cli, write_article(tmp_path, text))
    cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")
    assert cli("suggest", str(article_id), "--save")[0] == 0
    _, flags, _ = cli("annotations", str(article_id), "--json")
    assert any(flag["status"] == "suggested" for flag in json.loads(flags))
    _, csv_text, _ = cli("export", str(article_id), "--format", "csv")
    assert [row["exact"] for row in csv.DictReader(io.StringIO(csv_text))] == ["cheered again"]


def test_headline_and_byline_are_flagged_exported_and_found(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    for quote, kind in (("The bridge", "opinion"), ("Riverside Post", "context")):
        code, _, err = cli("annotate", str(article_id), "--kind", kind, "--quote", quote)
        assert code == 0, err
    _, out, _ = cli("annotations", str(article_id), "--json")
    anchors = [(flag["start"], flag["exact"]) for flag in json.loads(out)]
    assert anchors == [(0, "The bridge"), (len("The bridge\n\nAna Núñez · "), "Riverside Post")]
    _, markdown, _ = cli("export", str(article_id), "--format", "markdown")
    assert "> The bridge" in markdown and "> Riverside Post" in markdown
    code, out, _ = cli("search", "Riverside", "--json")
    assert code == 0
    [hit] = [hit for hit in json.loads(out) if hit["annotation_uuid"] is None]
    assert hit["snippet"].startswith("The bridge\n\nAna Núñez · [Riverside] Post")


# -----------------------------------------------------------------------------
# `backup -o` and `export -o` compare files, not names, and never replace a file unasked.


def flag_count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM annotations").fetchone()[0])
    finally:
        conn.close()


def flagged(cli: RunCli, tmp_path: Path) -> int:
    article_id = imported_id(cli, write_article(tmp_path))
    assert cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")[0] == 0
    return article_id


def test_backup_onto_a_hard_link_of_the_library_is_refused(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    flagged(cli, tmp_path)
    hard = tmp_path / "hard.sqlite"
    os.link(db, hard)
    code, _, err = cli("backup", "-o", str(hard))
    assert code == 1 and err == "error: the backup must not overwrite the library itself\n"
    article_id = flagged(cli, tmp_path)
    assert cli("check")[0] == 0
    assert flag_count(db) == 2 and len(Library.open(db).annotations(article_id)) == 2


@pytest.mark.parametrize("command", ["backup", "export"])
def test_a_symlink_to_the_library_or_its_wal_is_the_library(
    cli: RunCli, tmp_path: Path, db: Path, command: str
) -> None:
    article_id = flagged(cli, tmp_path)
    args = ["--force"] if command == "backup" else [str(article_id), "--format", "csv"]
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-journal")):
        link = tmp_path / f"link-{target.name}"
        link.symlink_to(target)  # the -journal one dangles
        code, _, err = cli(command, "-o", str(link), *args)
        assert code == 1 and "must not overwrite the library itself" in err, err
    assert flag_count(db) == 1


def test_the_library_is_found_under_another_spelling_of_its_folder(
    tmp_path: Path, db: Path
) -> None:
    library = Library.open(db)
    (tmp_path / "sub").mkdir()
    assert library.is_library_file(tmp_path / "sub" / ".." / "lib.sqlite")
    assert library.is_library_file(tmp_path / "LIB.SQLITE-WAL")  # as a case-blind disk sees it
    assert not library.is_library_file(tmp_path / "lib.sqlite.csv")


def test_backup_refuses_an_existing_file_unless_forced(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    flagged(cli, tmp_path)
    other = tmp_path / "other.sqlite"
    Library.open(other).close()
    before = other.read_bytes()
    code, _, err = cli("backup", "-o", str(other))
    assert (
        code == 1 and err == f"error: {other} exists: nothing was written (--force replaces it)\n"
    )
    assert other.read_bytes() == before
    code, out, _ = cli("backup", "-o", str(other), "--force")
    assert code == 0 and flag_count(other) == 1


def test_backup_never_writes_through_a_symlink(cli: RunCli, tmp_path: Path) -> None:
    flagged(cli, tmp_path)
    outside = tmp_path / "elsewhere.sqlite"
    for exists in (False, True):
        if exists:
            outside.write_bytes(b"keep")
        link = tmp_path / f"link-{exists}.sqlite"
        link.symlink_to(outside)
        code, _, err = cli("backup", "-o", str(link), "--force")
        assert code == 1 and err == f"error: {link} is a symbolic link: nothing was written\n"
        assert link.is_symlink()
    assert outside.read_bytes() == b"keep"


# -----------------------------------------------------------------------------
# Each damaged or hostile file ends with one error line and an unchanged library.


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
