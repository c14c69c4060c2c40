"""The class view kept while its library is unchanged; after a write, only what the
write changed is compared again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.classroom.figures import class_figures
from reader.classroom.overview import ClassOverview, overview_json
from reader.classroom.submission import submission_bytes
from reader.classroom.synthetic import synthetic_class
from reader.core.models import ArticleMeta, SourceFormat
from reader.services import classroom as service
from reader.services.class_results import KeptClassView, figures_kept
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER, StoredAssignment
from reader.storage.library import Library


def class_of_three(tmp_path: Path) -> tuple[Library, StoredAssignment]:
    """A teacher's library with the key, the assignment and three submissions collected."""
    synthetic = synthetic_class(3, seed=2)
    library = Library.open(tmp_path / "teacher.sqlite")
    meta = ArticleMeta(synthetic.article.title, synthetic.article.markdown, SourceFormat.MARKDOWN)
    article = library.import_article(meta).article
    library.add_annotations([replace(flag, article_id=article.id) for flag in synthetic.key])
    made = service.assign(library, article.id, tmp_path / "a.reader-assignment", title="Three")
    for number, work in enumerate(synthetic.students):
        (tmp_path / f"{number}.reader-submission").write_bytes(
            submission_bytes(
                article,
                assignment_id=made.assignment_id,
                student_id=work.student_id,
                student_name=work.name,
                flags=work.flags,
                handed_in=work.handed_in,
            )
        )
    assert len(service.collect(library, sorted(tmp_path.glob("*.reader-submission"))).collected)
    return library, service.find_assignment(library, made.assignment_id)


def test_the_class_view_is_kept_until_the_library_changes(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    kept = KeptClassView()
    try:
        first = kept.of(library, found)
        assert kept.of(library, found) is first
        student = first.overview.students[0].work
        service.set_feedback(library, found.assignment_id, student.name, "Well read.")
        second = kept.of(library, found)
        assert second is not first and second.comments[student.student_id] == "Well read."
        assert kept.of(library, found) is second
    finally:
        library.close()


def test_a_change_made_by_another_process_is_seen(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    kept = KeptClassView()
    other = Library.open(tmp_path / "teacher.sqlite")  # as `reader` on the command line
    try:
        first = kept.of(library, found)
        key = [f for f in other.annotations(found.article_id) if f.layer == KEY_LAYER]
        other.delete_annotation(key[0].uuid)
        second = kept.of(library, found)
        assert len(second.overview.key) == len(first.overview.key) - 1
    finally:
        other.close()
        library.close()


def rescored_after_a_flag_changed(
    library: Library, found: StoredAssignment, kept: KeptClassView, first: ClassOverview
) -> ClassOverview:
    """The overview after the first student's first flag changes kind: right, with only
    that student scored again."""
    changed, *others = first.students
    flag = changed.work.flags[0]
    other_kind = next(k for k in found.kinds if k is not flag.kind)
    library.update_annotation(replace(flag, kind=other_kind))
    second = kept.of(library, found).overview
    assert overview_json(second) == overview_json(service.class_view(library, found).overview)
    by_id = {r.work.student_id: r for r in second.students}
    assert all(by_id[r.work.student_id] is r for r in others)
    assert by_id[changed.work.student_id] is not changed
    return second


def test_after_a_write_only_what_changed_is_compared_again(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    kept = KeptClassView()
    try:
        first = kept.of(library, found).overview
        second = rescored_after_a_flag_changed(library, found, kept, first)
        assert overview_json(second) != overview_json(first)
        changed = first.students[0]
        # a write to no flag (a comment): the overview itself is kept
        service.set_feedback(library, found.assignment_id, changed.work.name, "See me.")
        assert kept.of(library, found).overview is second
        # the key changes: everyone is scored again
        key = library.annotations(found.article_id, KEY_LAYER)
        library.delete_annotation(key[0].uuid)
        third = kept.of(library, found).overview
        assert overview_json(third) == overview_json(service.class_view(library, found).overview)
        assert not set(map(id, third.students)) & set(map(id, second.students))
    finally:
        library.close()


def forget_kept_figures(library: Library) -> None:
    with library.transaction() as conn:
        conn.execute("DELETE FROM class_figures")


def test_collecting_keeps_the_class_figures_for_the_first_class_view(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    try:
        shown = KeptClassView().shown(library, found)  # a new session: nothing compared yet
        assert shown.figures.agreement is not None  # read from the library, agreed
        fresh = class_figures(service.class_view(library, found).overview, with_agreement=True)
        assert shown.figures == fresh
    finally:
        library.close()


def test_the_figures_agreed_are_kept_in_the_library_for_the_next_session(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    forget_kept_figures(library)  # as in a library collected before figures were kept
    try:
        session = KeptClassView()
        shown = session.shown(library, found)
        assert shown.figures.agreement is None  # worked out: alpha comes after the paint
        agreed = session.agreed(library, shown)
        assert agreed is not None and agreed.figures.agreement is not None
        assert KeptClassView().shown(library, found).figures.agreement is None  # not kept yet
        session.keep(library, agreed)
        fresh = class_figures(service.class_view(library, found).overview, with_agreement=True)
        assert agreed.figures == fresh
        # the next session paints the figures kept, agreement and all, comparing nothing
        kept = KeptClassView().shown(library, found)
        assert kept.figures == fresh and kept.figures.agreement is not None
        assert kept.figures is not agreed.figures
    finally:
        library.close()


def test_figures_kept_are_not_shown_once_a_submission_or_the_key_changed(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    try:
        session = KeptClassView()
        before = session.agreed(library, session.shown(library, found))
        assert before is not None
        session.keep(library, before)
        student = store.submissions(library, found.assignment_id)[0]
        flag = library.annotations(found.article_id, student.layer)[0]
        library.delete_annotation(flag.uuid)
        after = KeptClassView().shown(library, found)
        assert after.figures.agreement is None  # worked out again, not read
        fresh = service.class_view(library, found).overview
        assert after.figures == class_figures(fresh, with_agreement=False)
        assert after.figures.students != before.figures.students
        # kept again, then the key changes
        session = KeptClassView()
        agreed = session.agreed(library, session.shown(library, found))
        assert agreed is not None
        session.keep(library, agreed)
        library.delete_annotation(library.annotations(found.article_id, KEY_LAYER)[0].uuid)
        after_key = KeptClassView().shown(library, found)
        assert after_key.figures.agreement is None
        fresh = service.class_view(library, found).overview
        assert after_key.figures == class_figures(fresh, with_agreement=False)
    finally:
        library.close()


def test_figures_kept_unreadable_are_worked_out_again(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    try:
        session = KeptClassView()
        agreed = session.agreed(library, session.shown(library, found))
        assert agreed is not None
        session.keep(library, agreed)
        assert KeptClassView().shown(library, found).figures.agreement is not None
        with library.transaction() as conn:
            conn.execute("UPDATE class_figures SET figures = '{\"kinds\": 3}'")
        again = KeptClassView().shown(library, found)
        fresh = service.class_view(library, found).overview
        assert again.figures == class_figures(fresh, with_agreement=False)
    finally:
        library.close()


def test_figures_kept_tells_whether_the_library_keeps_them_for_the_work_as_it_is(
    tmp_path: Path,
) -> None:
    library, found = class_of_three(tmp_path)
    try:
        assert figures_kept(library, found)  # collecting kept them
        forget_kept_figures(library)
        assert not figures_kept(library, found)
        kept = KeptClassView()
        kept.work_out_ahead(library.path, found, keep=True)  # as the window does
        # the next use waits for the thread, and reads the figures it kept, agreed
        assert kept.shown(library, found).figures.agreement is not None
        assert figures_kept(library, found)
        library.delete_annotation(library.annotations(found.article_id, KEY_LAYER)[0].uuid)
        assert not figures_kept(library, found)  # kept for the key as it was
    finally:
        library.close()


def test_the_overview_worked_out_ahead_is_taken_and_kept_up_to_date(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path)
    try:
        kept = KeptClassView()
        assert kept.shown(library, found).figures.agreement is not None  # read, not compared
        kept.work_out_ahead(library.path, found, keep=False)
        first = kept.of(library, found).overview
        assert overview_json(first) == overview_json(service.class_view(library, found).overview)
        # the others' results worked out ahead still hold
        rescored_after_a_flag_changed(library, found, kept, first)
    finally:
        library.close()


def test_work_out_ahead_on_a_path_with_no_library_makes_none(tmp_path: Path) -> None:
    library, found = class_of_three(tmp_path / "class")
    try:
        kept = KeptClassView()
        kept.work_out_ahead(tmp_path / "gone.sqlite", found, keep=True)
        assert kept.of(library, found).overview.students  # worked out here instead
        assert not (tmp_path / "gone.sqlite").exists()
    finally:
        library.close()
