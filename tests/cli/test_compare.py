"""reader compare and reader diff, as a user runs them on imported files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reader.compare.matching import THRESHOLD
from tests.compare.articles import BRIDGE_V1, BRIDGE_V2, PROTEST_A, PROTEST_B

RunCli = Callable[..., tuple[int, str, str]]


def imported(cli: RunCli, tmp_path: Path, name: str, title: str, body: str) -> int:
    path = tmp_path / name
    front = f"---\ntitle: {title}\nurl: https://example.org/{name}\n---\n\n"
    path.write_text(front + body + "\n", encoding="utf-8")
    code, out, err = cli("import", str(path), "--json")
    assert code == 0, err
    return int(json.loads(out)[0]["id"])


def test_compare_prints_pairs_sentences_figures_and_sources(cli: RunCli, tmp_path: Path) -> None:
    a = imported(cli, tmp_path, "a.md", "Arrests pass 80,000", PROTEST_A)
    b = imported(cli, tmp_path, "b.md", "Rights group accuses police", PROTEST_B)

    code, out, err = cli("compare", str(a), str(b))

    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == f"A: {a} “Arrests pass 80,000”"
    assert "Say the same thing (2 pairs, best first):" in lines
    assert any(line.startswith("        B: “Demonstrators gathered again") for line in lines)
    only_a = lines.index("Only in A (1 sentences):")
    assert lines[only_a + 1].startswith("  “Police have made 80,000 arrests")
    assert "Figures only in A: 80,000 arrests" in lines
    assert "Figures only in B: none" in lines
    assert "Sources only in A: none" in lines
    assert "Sources only in B: Human Rights Watch" in lines


def test_compare_json_points_into_each_article(cli: RunCli, tmp_path: Path) -> None:
    a = imported(cli, tmp_path, "a.md", "Protests", PROTEST_A)
    b = imported(cli, tmp_path, "b.md", "Protests", PROTEST_B)

    code, out, _ = cli("compare", str(a), str(b), "--json")

    data = json.loads(out)
    assert code == 0 and (data["a"]["id"], data["b"]["id"]) == (a, b)
    _, text_b, _ = cli("show", str(b), "--text")
    for pair in data["pairs"]:
        assert text_b[pair["b"]["start"] : pair["b"]["end"]] == pair["b"]["text"]
        assert THRESHOLD <= pair["score"] <= 1
    assert [s["text"][:16] for s in data["only_in_b"]] == ["Human Rights Wat"]
    assert [f["text"] for f in data["figures_only_in_a"]] == ["80,000 arrests"]
    assert [s["name"] for s in data["sources_only_in_b"]] == ["Human Rights Watch"]


def test_diff_prints_changes_and_what_became_of_the_flags(cli: RunCli, tmp_path: Path) -> None:
    article = imported(cli, tmp_path, "bridge.md", "Bridge closed", BRIDGE_V1)
    for quote in ("engineers found cracks", "Repairs will cost 4 million", "a disgrace"):
        code, _, err = cli("annotate", str(article), "--kind", "unsourced", "--quote", quote)
        assert code == 0, err
    assert imported(cli, tmp_path, "bridge.md", "Bridge closed", BRIDGE_V2) == article

    code, out, err = cli("diff", str(article))

    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == f"{article} “Bridge closed”: version 1 → 2"
    assert "  + “Traffic queued for hours across the valley on Tuesday.”" in lines
    flags = lines[lines.index("Flags (3):") + 1 :]
    assert [line.split()[0] for line in flags] == ["kept", "moved", "orphaned"]
    assert "→ “Repairs will cost 6 million”" in flags[1]


def test_diff_json_between_named_versions(cli: RunCli, tmp_path: Path) -> None:
    article = imported(cli, tmp_path, "bridge.md", "Bridge closed", BRIDGE_V1)
    cli("annotate", str(article), "--kind", "opinion", "--quote", "a disgrace")
    imported(cli, tmp_path, "bridge.md", "Bridge closed", BRIDGE_V2)

    code, out, _ = cli("diff", str(article), "--from", "1", "--to", "2", "--json")

    data = json.loads(out)
    assert code == 0 and (data["from"], data["to"]) == (1, 2)
    [orphan] = data["flags"]
    assert orphan["fate"] == "orphaned" and orphan["new"] is None
    assert orphan["old"]["exact"] == "a disgrace" and orphan["kind"] == "opinion"
    kinds = {change["kind"] for change in data["changes"]}
    assert kinds == {"deleted", "inserted"}


def test_bad_ids_and_versions_are_one_line_errors(cli: RunCli, tmp_path: Path) -> None:
    article = imported(cli, tmp_path, "bridge.md", "Bridge closed", BRIDGE_V1)

    for args, message in (
        (("compare", str(article), "99"), "error: no article with id 99 (see 'reader list')\n"),
        (("diff", str(article)), f"error: article {article} has one version only: nothing "
         "to compare\n"),
        (("diff", "99"), "error: no article with id 99 (see 'reader list')\n"),
    ):  # fmt: skip
        code, out, err = cli(*args)
        assert (code, out, err) == (1, "", message)
    imported(cli, tmp_path, "bridge.md", "Bridge closed", BRIDGE_V2)
    code, _, err = cli("diff", str(article), "--to", "7")
    assert (code, err) == (1, f"error: article {article} has versions 1 to 2, not 7\n")
    code, _, err = cli("compare", "one", "two")
    assert code == 1 and err.startswith("error: argument ID_A: invalid int value")
