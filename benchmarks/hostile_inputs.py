"""Import and render each hostile input of the reliability passes at full size.

    python benchmarks/hostile_inputs.py [--timeout 300] [--only NAME ...]

Each input (``tests.fuzz.corpus``: the hostile ones, and the largest of some shapes that
are not refused) and the seed article are read, turned into canonical
text and rendered to the view's HTML in a child process of their own; the figures are
its seconds and peak RSS, and their ratios to the seed article's in the same run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "sample_articles" / "el-salvador-prisons.md"
sys.path.insert(0, str(ROOT))

from tests.fuzz.corpus import AT_THE_LIMITS, HOSTILE_INPUTS  # noqa: E402


def measure(path: Path) -> dict[str, object]:
    """In the child: import and render ``path``; its outcome, seconds and peak RSS."""
    from reader.anchoring.canonical import canonical_text
    from reader.core.models import ReaderError
    from reader.core.palette import Theme
    from reader.importers.articles import read_article_file
    from reader.render.html import render_body_html

    start = time.perf_counter()
    try:
        markdown = read_article_file(path).markdown
        canonical_text(markdown)
        render_body_html(markdown, Theme.LIGHT)
        outcome = "imported"
    except ReaderError as error:
        outcome = f"refused: {error}"
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}


def run_child(path: Path, timeout: float) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": f"still running after {timeout:g} s", "seconds": timeout, "peak_mb": 0.0}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"outcome": f"crashed: {last}", "seconds": 0.0, "peak_mb": 0.0}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300, help="seconds per input")
    parser.add_argument("--only", nargs="*", default=[], help="input names to run")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0

    seed = run_child(SEED_ARTICLE, args.timeout)
    seed_seconds, seed_mb = float(str(seed["seconds"])), float(str(seed["peak_mb"]))
    print(f"seed article {SEED_ARTICLE.name}: {seed_seconds:.2f} s, {seed_mb:.0f} MB peak RSS")
    print(
        f"{'input':<18}{'size':>11}{'seconds':>9}{'x seed':>8}{'peak MB':>9}{'x seed':>8}  outcome"
    )
    with tempfile.TemporaryDirectory() as folder:
        inputs = [(item.name, item.text) for item in HOSTILE_INPUTS] + [
            (name, lambda text=text: text) for name, text in AT_THE_LIMITS
        ]
        for name, build in inputs:
            if args.only and name not in args.only:
                continue
            path = Path(folder, name)
            path.write_text(build(), encoding="utf-8")
            result = run_child(path, args.timeout)
            seconds, peak_mb = float(str(result["seconds"])), float(str(result["peak_mb"]))
            print(
                f"{name:<24}{path.stat().st_size:>11,}{seconds:>9.2f}"
                f"{seconds / seed_seconds:>8.1f}{peak_mb:>9.0f}{peak_mb / seed_mb:>8.1f}"
                f"  {str(result['outcome'])[:90]}"
            )
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
