"""An article and the helpers the command-line tests share."""

import json
from collections.abc import Callable
from pathlib import Path

RunCli = Callable[..., tuple[int, str, str]]

ARTICLE = """---
title: The bridge
author: Ana Núñez
publication: Riverside Post
url: https://example.org/bridge
published: "2025-05-01"
---

The new bridge cost 40 million dollars, the mayor said on Monday.

Residents cheered 🎉 as the first cars crossed. Residents cheered again at night.
"""


def write_article(tmp_path: Path, text: str = ARTICLE, name: str = "bridge.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported_id(cli: RunCli, path: Path) -> int:
    code, out, _ = cli("import", str(path), "--json")
    assert code == 0
    return int(json.loads(out)[0]["id"])
