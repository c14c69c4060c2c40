"""The classroom loop, without storage, Qt or the command line: pure functions and dataclasses.

* ``assignment``, ``submission``, ``released_key``: the three classroom files
  (versioned JSON; see docs/classroom-files.md), written to bytes and read back
  from hostile bytes; ``files`` holds what they share (limits, the envelope,
  checked fields, flags as W3C annotations checked against the article text).
* ``matching``: the one rule that says when a student's flag matches a key flag,
  over the article's sentences.
* ``scores``: one student's result (found / other kind / missed / extra, the
  partial-overlap precision and recall of SemEval-2020 Task 11).
* ``agreement``: Krippendorff's alpha per kind over sentences, read in plain words.
* ``overview``: the whole class compared with the key (per student, per passage,
  per sentence, near-identical submissions).
* ``report``: the class overview as one self-contained, print-ready HTML page, built
  from the pieces in ``report_html`` (style sheet, escaping, counts, bars).
* ``synthetic``: a seeded synthetic class, for tests and benchmarks.
"""
