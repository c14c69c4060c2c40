"""How a suggestion is worded for a reader: its score as "likely" or "possible", what that
means, and its reasons as sentences.

Light to import (the detectors load only when a score is worded): the flag cards use it
on the way to the first paint.
"""

from __future__ import annotations

import re

from reader.core.models import Annotation, Kind

# How suggestions stored before reasons were sentences named a second kind read in the
# passage: "Also read as opinion (55%): …" (they stay in libraries; shown as sentences).
_OTHER_KIND = re.compile(r"^Also read as (?P<kind>[\w ]+) \((?P<percent>\d+)%\): ")
# How often suggestions said in each word were right, out of ten: the reliability table of
# `python benchmarks/detector_eval.py --calibration` (README, "Flag suggestions"), on
# labelled sentences the models were not fitted on (opinion 0.77 and 0.50; claims 0.84 and
# 0.51 labelled check-worthy).
_RIGHT_OUT_OF_TEN: dict[tuple[Kind, str], str] = {
    (Kind.OPINION, "likely"): "about 8 in 10",
    (Kind.OPINION, "possible"): "about half",
    (Kind.UNSOURCED_CLAIM, "likely"): "about 8 in 10",
    (Kind.UNSOURCED_CLAIM, "possible"): "about half",
}
_LABELLED_AS = {
    Kind.OPINION: ("opinion suggestions", "labelled opinion"),
    Kind.UNSOURCED_CLAIM: ("claim suggestions", "labelled claims worth checking"),
}


def likelihood(annotation: Annotation) -> str:
    """The suggestion's score in words: "likely" or "possible" ("" without a score)."""
    from reader.detectors import score_words

    return "" if annotation.score is None else score_words(annotation.score)


def likelihood_tip(annotation: Annotation) -> str:
    """What the suggestion's "likely" or "possible" means, from the calibration."""
    word = likelihood(annotation)
    right = _RIGHT_OUT_OF_TEN.get((annotation.kind, word))
    if right is None:
        return ""
    suggestions, labelled = _LABELLED_AS[annotation.kind]
    return (
        f"“{word.capitalize()}”: when the app was tested on sentences that people had "
        f"labelled by hand, {right} of the {suggestions} it called “{word}” were {labelled}. "
        "On real news articles it is right less often: read the passage and decide yourself."
    )


def reason_sentence(reason: str) -> str:
    """A reason as the card shows it: a sentence, its words in quotes (no bare percentage)."""
    other = _OTHER_KIND.match(reason)
    if other is None:
        return reason
    from reader.detectors.ranking import other_kind_lead

    lead = other_kind_lead(other["kind"], int(other["percent"]) / 100)
    return lead + reason[other.end() :]
