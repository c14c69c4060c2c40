"""The class report: one self-contained, print-ready HTML page.

No scripts, no remote resources, no web fonts: one page of HTML with its style
inside, and a Content-Security-Policy that forbids anything else.  Every name,
note and quote is escaped and shown as text.  Printed, each student's page
starts on a new sheet; the margins suit A4 and Letter alike.

The article is shaded sentence by sentence by the share of students who
flagged it, in the colour of the kind most of them chose (Okabe-Ito, as in the
app), with the counts written beside it; the key's passages are underlined
in the app's styles (wavy, dotted, solid), so nothing rests on colour alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping

from reader.anchoring.canonical import BLOCK_SEPARATOR
from reader.classroom.agreement import KIND_PLURALS
from reader.classroom.overview import ClassOverview
from reader.classroom.report_html import (
    STYLE,
    bar,
    count,
    kind_cell,
    percent,
    shortened,
    text,
    tint,
)
from reader.classroom.scores import StudentResult
from reader.classroom.tally import Tally
from reader.core.models import Annotation, Kind
from reader.core.palette import KIND_COLOURS, KIND_UNDERLINE_COLOURS, Theme

UNDERLINE_STYLES: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "wavy",
    Kind.OPINION: "dotted",
    Kind.CONTEXT_NOTE: "solid",
}
KIND_LETTERS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "U",
    Kind.OPINION: "O",
    Kind.CONTEXT_NOTE: "C",
}


def render_report(
    overview: ClassOverview,
    *,
    assignment_title: str = "",
    class_name: str = "",
    comments: Mapping[str, str] | None = None,
) -> str:
    """The whole report; ``comments`` maps a student id to the teacher's comment to them."""
    comments = comments or {}
    article = overview.article
    title = assignment_title or article.title
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{text(title)} — class report</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{text(title)}</h1>",
        f'<p class="meta">{header_line(overview, class_name)}</p>',
        summary_section(overview),
        article_section(overview),
        passages_section(overview),
        students_section(overview),
    ]
    parts.extend(
        student_page(overview, r, comments.get(r.work.student_id, "")) for r in overview.students
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def header_line(overview: ClassOverview, class_name: str) -> str:
    article = overview.article
    source = " · ".join(x for x in (article.author, article.publication, article.published) if x)
    pieces = [f"Article: <b>{text(article.title)}</b>" + (f" ({text(source)})" if source else "")]
    if class_name:
        pieces.append(f"Class {text(class_name)}")
    pieces.append(count(len(overview.students), "student"))
    pieces.append(count(len(overview.key), "flag") + " in the key")
    pieces.append("kinds asked for: " + ", ".join(KIND_PLURALS[k] for k in overview.kinds))
    return " · ".join(pieces)


def moment(iso: str) -> str:
    """An ISO time as people read it, in UTC: ``2 December 2026, 08:30 UTC``."""
    from datetime import UTC, datetime

    try:
        when = datetime.fromisoformat(iso).astimezone(UTC)
    except ValueError:
        return iso
    return f"{when.day} {when:%B %Y, %H:%M} UTC"


def summary_section(overview: ClassOverview) -> str:
    students = overview.students
    out = ["<h2>The class at a glance</h2>"]
    if students:
        key_total = sum(r.total.key_flags for r in students)
        found = sum(r.total.found for r in students)
        flags = sum(r.total.flags for r in students)
        matching = sum(r.total.matching for r in students)
        overlap = overview.overlap
        out.append(
            '<p class="summary-line">Together the students found '
            f"{percent(found / key_total if key_total else None)} of the key's flags, and "
            f"{percent(matching / flags if flags else None)} of their flags match it. "
            "Counting overlapping characters instead (SemEval-2020 Task 11): precision "
            f"{percent(overlap.precision)}, recall {percent(overlap.recall)}.</p>"
        )
    else:
        out.append("<p>No submissions yet.</p>")
    reading = overview.agreement.reading
    if reading:
        out.append(f'<p class="summary-line">{text(reading)}</p>')
    for pair in overview.similar:
        first, second = overview.names[pair.first], overview.names[pair.second]
        how = (
            "flagged exactly the same passages"
            if pair.identical
            else f"share {pair.similarity:.0%} of their flagged sentences"
        )
        out.append(
            f'<p class="warning">{text(first)} and {text(second)} {how}: '
            "worth a look before grading.</p>"
        )
    return "\n".join(out)


def legend(overview: ClassOverview) -> str:
    items = []
    for kind in overview.kinds:
        colour = KIND_COLOURS[kind]
        underline = KIND_UNDERLINE_COLOURS[Theme.LIGHT][kind]
        items.append(
            f'<span class="swatch" style="background:{colour}"></span>{KIND_LETTERS[kind]} = '
            f"{kind.label.lower()}; the key's: "
            f'<span class="key sample" style="text-decoration-style:{UNDERLINE_STYLES[kind]};'
            f'text-decoration-color:{underline}">{UNDERLINE_STYLES[kind]} underline</span>'
        )
    return (
        '<p class="legend">The darker a sentence, the more students flagged it, in the colour '
        "of the kind most of them chose; the small letters count the students per kind.<br>"
        + "<br>".join(items)
        + "</p>"
    )


def article_section(overview: ClassOverview) -> str:
    article_text = overview.article.text
    sentence_starts = [start for start, _ in overview.units.sentences]
    key = sorted(overview.key, key=lambda f: (f.anchor.start, -f.anchor.end))
    students = max(1, len(overview.students))

    def sentence_at(position: int) -> int | None:
        index = bisect_right(sentence_starts, position) - 1
        if index >= 0 and position < overview.units.sentences[index][1]:
            return index
        return None

    def key_kind_at(position: int) -> Kind | None:
        for flag in key:
            if flag.anchor.start <= position < flag.anchor.end:
                return flag.kind
        return None

    paragraphs = []
    block_start = 0
    for block in article_text.split(BLOCK_SEPARATOR):
        block_end = block_start + len(block)
        cuts = {block_start, block_end}
        for start, end in overview.units.sentences:
            cuts.update(c for c in (start, end) if block_start < c < block_end)
        for flag in key:
            cuts.update(
                c for c in (flag.anchor.start, flag.anchor.end) if block_start < c < block_end
            )
        ordered = sorted(cuts)
        html_parts = []
        for start, end in zip(ordered, ordered[1:], strict=False):
            sentence = sentence_at(start)
            html_parts.append(
                segment(article_text[start:end], sentence, key_kind_at(start), overview, students)
            )
            if sentence is not None and end == overview.units.sentences[sentence][1]:
                html_parts.append(
                    sentence_counts(overview.sentence_counts[sentence], overview.kinds)
                )
        paragraphs.append("<p>" + "".join(html_parts) + "</p>")
        block_start = block_end + len(BLOCK_SEPARATOR)
    return (
        "<h2>The article, as the class flagged it</h2>"
        + legend(overview)
        + '<div class="article">'
        + "\n".join(paragraphs)
        + "</div>"
    )


def segment(
    value: str, sentence: int | None, key_kind: Kind | None, overview: ClassOverview, students: int
) -> str:
    styles = []
    if sentence is not None:
        counts = overview.sentence_counts[sentence]
        if counts:
            kind = max(overview.kinds, key=lambda k: counts.get(k, 0))
            share = counts[kind] / students
            styles.append(f"background:{tint(KIND_COLOURS[kind], 0.12 + 0.6 * share)}")
    classes = ""
    if key_kind is not None:
        classes = ' class="key"'
        styles.append(
            f"text-decoration-style:{UNDERLINE_STYLES[key_kind]};"
            f"text-decoration-color:{KIND_UNDERLINE_COLOURS[Theme.LIGHT][key_kind]}"
        )
    if not styles and not classes:
        return text(value)
    style = f' style="{";".join(styles)}"' if styles else ""
    return f"<span{classes}{style}>{text(value)}</span>"


def sentence_counts(counts: Mapping[Kind, int], kinds: Iterable[Kind]) -> str:
    shown = " ".join(f"{KIND_LETTERS[k]}{counts[k]}" for k in kinds if counts.get(k))
    return f'<span class="count">{shown}</span>' if shown else ""


def passages_section(overview: ClassOverview) -> str:
    students = len(overview.students)
    rows = []
    for passage in overview.passages:
        other = ", ".join(f"{n} as {kind.label.lower()}" for kind, n in passage.other_kinds.items())
        rows.append(
            "<tr>"
            f'<td class="quote">{text(shortened(passage.key_flag.anchor.exact))}</td>'
            f'<td class="kind">{kind_cell(passage.key_flag.kind)}</td>'
            f"<td>{bar(passage, students)}</td>"
            f'<td class="n">{passage.found}</td><td>{text(other) or "—"}</td>'
            f'<td class="n">{passage.missed}</td>'
            "</tr>"
        )
    out = ["<h2>The key's passages, the most missed first</h2>"]
    if rows:
        out.append(
            '<table><thead><tr><th>Passage</th><th>Key</th><th></th><th class="n">Found</th>'
            '<th>Found as another kind</th><th class="n">Missed</th></tr></thead><tbody>'
            + "".join(rows)
            + "</tbody></table>"
        )
    else:
        out.append("<p>The key has no flags of the kinds asked for.</p>")
    out.append("<h3>Passages many students flagged that the key lacks</h3>")
    if overview.extra_passages:
        article_text = overview.article.text
        extra_rows = "".join(
            "<tr>"
            f'<td class="quote">{text(shortened(article_text[p.start : p.end]))}</td>'
            f'<td class="n">{p.students}</td>'
            f"<td>{text(', '.join(f'{n} {k.label.lower()}' for k, n in p.kinds.items()))}</td>"
            "</tr>"
            for p in overview.extra_passages
        )
        out.append(
            '<table><thead><tr><th>Sentence</th><th class="n">Students</th><th>Flagged as</th>'
            f"</tr></thead><tbody>{extra_rows}</tbody></table>"
        )
    else:
        out.append('<p class="muted">None: no sentence outside the key was flagged by many.</p>')
    return "\n".join(out)


def students_section(overview: ClassOverview) -> str:
    out = ["<h2>Students</h2>"]
    if not overview.students:
        out.append("<p>No submissions yet.</p>")
        return "\n".join(out)
    rows = "".join(
        "<tr>"
        f"<td>{text(overview.names[r.work.student_id])}</td>"
        f'<td class="n">{r.total.found} of {r.total.key_flags}</td>'
        f'<td class="n">{r.total.found_other_kind}</td><td class="n">{r.total.missed}</td>'
        f'<td class="n">{r.total.matching} of {r.total.flags}</td>'
        f'<td class="n">{r.total.extra}</td>'
        f'<td class="n">{percent(r.overlap.precision)}</td>'
        f'<td class="n">{percent(r.overlap.recall)}</td>'
        "</tr>"
        for r in overview.students
    )
    out.append(
        '<table><thead><tr><th>Student</th><th class="n">Found</th>'
        '<th class="n">Other kind</th><th class="n">Missed</th><th class="n">Their flags '
        'matching</th><th class="n">Extra</th><th class="n">Precision</th>'
        f'<th class="n">Recall</th></tr></thead><tbody>{rows}</tbody></table>'
        '<p class="muted">Found, other kind and missed count the key\'s flags; matching and '
        "extra count the student's. Precision and recall give credit in proportion to the "
        "characters that overlap a key flag of the same kind (SemEval-2020 Task 11).</p>"
    )
    return "\n".join(out)


def student_page(overview: ClassOverview, result: StudentResult, comment: str) -> str:
    name = overview.names[result.work.student_id]
    out = [f'<section class="student"><h2>{text(name)}</h2>']
    if result.work.handed_in:
        out.append(f'<p class="meta">Handed in {text(moment(result.work.handed_in))}</p>')
    out.append(f'<p class="summary-line"><b>{text(result.summary())}</b></p>')
    out.append(per_kind_table(overview, result))

    found_items = []
    for passage in result.found:
        kinds = {f.kind for f in passage.flags}
        as_other = (
            ""
            if passage.key_flag.kind in kinds
            else (" — flagged as " + ", ".join(k.label.lower() for k in sorted(kinds)))
        )
        notes = "".join(note(f.note, "Student's note") for f in passage.flags if f.note)
        found_items.append(flag_item(passage.key_flag, as_other, notes))
    out.append(flag_list("Found", found_items, "None of the key's flags."))

    missed_items = [
        flag_item(flag, "", note(flag.note, "Teacher's note") if flag.note else "")
        for flag in result.missed
    ]
    out.append(flag_list("Missed", missed_items, "Nothing: every key flag was found."))

    extra_items = [
        flag_item(flag, "", note(flag.note, "Student's note") if flag.note else "")
        for flag in result.extra
    ]
    out.append(flag_list("Extra (not in the key)", extra_items, "None."))

    out.append("<h3>Teacher's comment</h3>")
    if comment.strip():
        out.append(f'<div class="comment">{text(comment)}</div>')
    else:
        out.append('<p class="muted">No comment written.</p>')
    out.append("</section>")
    return "\n".join(out)


def per_kind_table(overview: ClassOverview, result: StudentResult) -> str:
    def row(label: str, tally: Tally) -> str:
        return (
            f'<tr><td>{label}</td><td class="n">{tally.found} of {tally.key_flags}</td>'
            f'<td class="n">{tally.found_other_kind}</td><td class="n">{tally.missed}</td>'
            f'<td class="n">{tally.matching} of {tally.flags}</td>'
            f'<td class="n">{tally.extra}</td></tr>'
        )

    rows = "".join(row(kind_cell(kind), result.per_kind[kind]) for kind in overview.kinds)
    return (
        '<table><thead><tr><th>Kind</th><th class="n">Found</th><th class="n">Other kind</th>'
        '<th class="n">Missed</th><th class="n">Their flags matching</th>'
        f'<th class="n">Extra</th></tr></thead><tbody>{rows}'
        f"{row('<b>All</b>', result.total)}</tbody></table>"
    )


def note(value: str, who: str) -> str:
    return f'<p class="note" data-who="{text(who)}">{text(value)}</p>'


def flag_item(flag: Annotation, after: str, notes: str) -> str:
    return (
        f'<li><span class="swatch" style="background:{KIND_COLOURS[flag.kind]}"></span>'
        f'<span class="quote">“{text(shortened(flag.anchor.exact))}”</span> '
        f'<span class="muted">{flag.kind.label}{text(after)}</span>{notes}</li>'
    )


def flag_list(title: str, items: list[str], empty: str) -> str:
    body = f'<ul class="flags">{"".join(items)}</ul>' if items else f'<p class="muted">{empty}</p>'
    return f"<h3>{title} ({len(items)})</h3>{body}"
