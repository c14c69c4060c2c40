"""The class compared with the key, as ``reader class`` prints it: for the teacher each
student's counts and the passages most missed, for a student their own result."""

from __future__ import annotations

import argparse

from reader.anchoring.selectors import shorten
from reader.cli.command import open_library
from reader.cli.output import print_json
from reader.core.models import Annotation
from reader.services import classroom as service
from reader.storage.classroom import StoredAssignment


def cmd_class(args: argparse.Namespace) -> int:
    view = service.compare(open_library(args), args.target)
    if isinstance(view, service.StudentView):
        return print_student_view(view, args.json)
    return print_class_view(view, args.json)


def print_class_view(view: service.ClassView, as_json: bool) -> int:
    from reader.classroom.overview import overview_json

    overview, found = view.overview, view.assignment
    if as_json:
        data = overview_json(overview)
        data["assignment"] = assignment_dict(found)
        for student in data["students"]:
            student["comment"] = view.comments.get(student["id"], "")
        print_json(data)
        return 0
    header = [f"{found.title} — '{overview.article.title}' (article {found.article_id})"]
    if found.class_name:
        header.append(f"class {found.class_name}")
    if found.due:
        header.append(f"due {found.due}")
    print(" · ".join(header))
    print(
        f"{len(overview.students)} students · {len(overview.key)} flags in the key · kinds: "
        + ", ".join(kind.value for kind in overview.kinds)
    )
    if not overview.key:
        print(f"The key is empty: flag the article, then 'reader use-as-key {found.article_id}'.")
    if not overview.students:
        print("No work collected yet: 'reader collect FOLDER'.")
        return 0
    print()
    width = max(7, *(len(name) for name in overview.names.values()))
    print(
        f"{'STUDENT':<{width}}  FOUND  OTHER KIND  MISSED  EXTRA  FLAGS  MATCHING  "
        "PRECISION  RECALL"
    )
    for result in overview.students:
        total = result.total
        print(
            f"{overview.names[result.work.student_id]:<{width}}  {total.found:>5}  "
            f"{total.found_other_kind:>10}  {total.missed:>6}  {total.extra:>5}  "
            f"{total.flags:>5}  {total.matching:>8}  {percent(result.overlap.precision):>9}  "
            f"{percent(result.overlap.recall):>6}"
        )
    if overview.passages:
        print("\nKey passages, the most missed first:")
        for passage in overview.passages:
            print(
                f"  missed by {passage.missed}, found by {passage.found}, as another kind by "
                f"{passage.found_other_kind}  {flag_line(passage.key_flag)}"
            )
    if overview.extra_passages:
        print("\nPassages many flagged that the key lacks:")
        text = overview.article.text
        for extra in overview.extra_passages:
            print(f"  flagged by {extra.students}  “{shorten(text[extra.start : extra.end])}”")
    if overview.similar:
        print("\nNear-identical submissions:")
        for pair in overview.similar:
            same = "identical" if pair.identical else f"{pair.similarity:.0%} alike"
            print(f"  {overview.names[pair.first]} and {overview.names[pair.second]} ({same})")
    print(f"\nAgreement: {overview.agreement.reading}")
    return 0


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def print_student_view(view: service.StudentView, as_json: bool) -> int:
    result = view.result

    def flags(items: list[Annotation]) -> list[dict[str, object]]:
        return [
            {"kind": f.kind.value, "start": f.anchor.start, "end": f.anchor.end,
             "exact": f.anchor.exact, "note": f.note}
            for f in items
        ]  # fmt: skip

    found = [p.key_flag for p in result.found]
    if as_json:
        print_json(
            {
                "assignment": assignment_dict(view.assignment),
                "summary": result.summary(),
                "total": vars(result.total),
                "found": flags(found),
                "missed": flags(result.missed),
                "extra": flags(list(result.extra)),
                "comment": view.comment,
            }
        )
        return 0
    print(f"{view.assignment.title}: your result")
    print(result.summary())
    for title, items in (("Found", found), ("Missed", result.missed), ("Extra", result.extra)):
        if items:
            print(f"\n{title}:")
            for flag in items:
                print(f"  {flag_line(flag)}")
                if title == "Missed" and flag.note:
                    print(f"      teacher's note: {shorten(flag.note, 90)}")
    print(
        f"\nTeacher's comment: {view.comment}" if view.comment else "\nNo comment from the teacher."
    )
    return 0


def assignment_dict(found: StoredAssignment) -> dict[str, object]:
    return {
        "assignment_id": found.assignment_id,
        "article_id": found.article_id,
        "role": found.role.value,
        "title": found.title,
        "instructions": found.instructions,
        "kinds": [kind.value for kind in found.kinds],
        "due": found.due,
        "class": found.class_name,
        "created": found.created,
        "key_released": found.key_released,
    }


def flag_line(flag: Annotation) -> str:
    return f"{flag.kind.value:<15} “{shorten(flag.anchor.exact)}”"
