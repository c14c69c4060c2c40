"""reader import, list, show, export, search, check and backup (reader.cli.articles)."""

import csv
import io
import json
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
