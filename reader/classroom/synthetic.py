"""A synthetic class, seeded: an article, a key and students' work, for tests and benchmarks.

The article is made of plain sentences of common words, in paragraphs.  The
key flags whole sentences.  Each student finds a random share of the key
(flagging most of the key sentence, now and then with another kind) and adds
extra flags on other sentences; some students copy another's work, with one
flag changed.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass

from reader.anchoring.canonical import article_text, text_sha256
from reader.anchoring.selectors import make_anchor
from reader.classroom.matching import SentenceUnits
from reader.classroom.scores import StudentWork
from reader.core.models import Annotation, Article, ArticleMeta, Kind, LayerKind, SourceFormat

# fmt: off
WORDS = (
    "council", "school", "city", "minister", "report", "budget", "plan", "families", "teachers",
    "water", "prices", "police", "court", "hospital", "workers", "road", "river", "company",
    "market", "farmers", "students", "election", "officials", "residents", "growth", "funding",
    "housing", "energy", "safety", "weather", "museum", "library", "said", "announced", "claimed",
    "agreed", "wrote", "warned", "promised", "expected", "reported", "decided", "built", "opened",
    "closed", "raised", "cut", "doubled", "changed", "moved", "asked", "found", "showed", "new",
    "old", "local", "large", "small", "public", "private", "recent", "quiet", "rapid", "costly",
    "careful", "sudden", "early", "late", "strong", "weak", "the", "a", "of", "in", "on", "for",
    "with", "after", "before", "during", "about", "over", "under", "more", "less", "many", "few",
    "every", "most", "some", "this", "that", "their", "its", "our", "last", "next", "week",
    "month", "year", "morning", "evening",
)
NAMES = (
    "Ana", "Ben", "Cam", "Dev", "Eli", "Fay", "Gus", "Hal", "Ida", "Jon", "Kim", "Lea", "Max",
    "Noa", "Oli", "Pia", "Quin", "Ray", "Sol", "Tia",
)
# fmt: on


@dataclass(frozen=True)
class SyntheticClass:
    article: Article
    key: list[Annotation]
    students: list[StudentWork]
    copies: list[tuple[str, str]]  # (student id of the copy, student id of the original)


def synthetic_markdown(rng: random.Random, words: int) -> str:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            length = rng.randint(8, 22)
            chosen = [rng.choice(WORDS) for _ in range(length)]
            if rng.random() < 0.3:
                chosen.insert(rng.randrange(length), str(rng.randint(2, 2000)))
            sentences.append(" ".join(chosen).capitalize() + ".")
            count += len(chosen)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def synthetic_class(
    students: int,
    *,
    words: int = 1500,
    key_flags: int = 15,
    flags_per_student: int = 20,
    copies: int = 0,
    seed: int = 0,
) -> SyntheticClass:
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    markdown = synthetic_markdown(rng, words)
    meta = ArticleMeta("A synthetic article", markdown, SourceFormat.MARKDOWN)
    text = article_text(meta, markdown)
    article = Article(
        id=1,
        title="A synthetic article",
        author="",
        publication="",
        url="",
        published="",
        source_format=SourceFormat.MARKDOWN,
        source_path="",
        markdown=markdown,
        text=text,
        sha256=text_sha256(text),
        version=1,
        imported_at="2026-01-01T00:00:00Z",
    )
    sentences = SentenceUnits(text).sentences[1:]  # not the headline
    kinds = list(Kind)

    def flag(span: tuple[int, int], kind: Kind, layer: str, note: str = "") -> Annotation:
        anchor = make_anchor(text, *span)
        return Annotation(article.id, kind, anchor, layer=layer, note=note, uuid=new_id())

    key_spans = rng.sample(sentences, min(key_flags, len(sentences)))
    key = [flag(span, rng.choice(kinds), LayerKind.KEY.value) for span in key_spans]
    others = [span for span in sentences if span not in key_spans]
    works: list[StudentWork] = []
    for number in range(students):
        skill = rng.uniform(0.3, 0.9)
        flags: list[Annotation] = []
        for key_flag in key:
            if rng.random() < skill and len(flags) < flags_per_student:
                start, end = key_flag.anchor.start, key_flag.anchor.end
                cut = rng.randint(0, (end - start) // 4)  # leave out up to a quarter
                span = (start + cut, end) if rng.random() < 0.5 else (start, end - cut)
                kind = key_flag.kind if rng.random() < 0.85 else rng.choice(kinds)
                flags.append(flag(span, kind, LayerKind.SUBMISSION.value, f"note {number}"))
        extras = rng.sample(others, min(len(others), flags_per_student - len(flags)))
        flags.extend(flag(span, rng.choice(kinds), LayerKind.SUBMISSION.value) for span in extras)
        name = f"{NAMES[number % len(NAMES)]} {number // len(NAMES) + 1}"
        works.append(StudentWork(new_id(), name, flags, "2026-01-02T09:00:00Z"))

    copied: list[tuple[str, str]] = []
    for number in range(min(copies, len(works) - 1)):
        original = works[number]
        flags = [
            flag((f.anchor.start, f.anchor.end), f.kind, f.layer, f.note) for f in original.flags
        ]
        flags[-1] = flag(rng.choice(others), rng.choice(kinds), LayerKind.SUBMISSION.value)
        copy = works[-1 - number]
        works[-1 - number] = StudentWork(copy.student_id, copy.name, flags, copy.handed_in)
        copied.append((copy.student_id, original.student_id))
    return SyntheticClass(article, key, works, copied)
