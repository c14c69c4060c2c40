"""The review of the detector's suggestions on the shown article, and the marks it draws:
a suggestion's trigger words and the claims the article sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6 import QtCore
from PySide6.QtCore import QKeyCombination, QObject, Signal
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QTextEdit

from reader.anchoring.selectors import shorten
from reader.core.models import Annotation, Kind, LayerKind, ReaderError, Status
from reader.gui.common.actions import set_tips
from reader.gui.suggestions.commands import ReplaceFlagsCommand
from reader.gui.suggestions.marks import SourcedClaimTips, mark_triggers
from reader.gui.suggestions.tips import ACCEPT_TIP, DISMISS_TIP

if TYPE_CHECKING:
    from reader.detectors import Suggestion
    from reader.gui.reading.commands import FlagSetSink
    from reader.gui.reading.controller import ReadingController
    from reader.gui.suggestions.lock import SuggestionActions, SuggestionLock

SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value
NO_SUGGESTION_TIP = "select a suggestion (not a flag of yours) to {verb} it"


class ReviewedFlags(Protocol):
    """What the review asks of the flag pane."""

    def open_suggestions(self) -> list[Annotation]: ...
    def selected_uuid(self) -> str | None: ...
    def annotation(self, uuid: str) -> Annotation | None: ...
    def focus_cards(self) -> None: ...
    def set_more_suggestions(self, count: int) -> None: ...
    def annotations(self) -> list[Annotation]: ...


class SuggestionReview(QObject):
    """Suggests flags on the shown article, accepts and dismisses the suggestions,
    and marks trigger words and sourced claims in the article."""

    selection_wanted = Signal(object)  # the flag to select next (a uuid)
    layer_shown_wanted = Signal(str)  # a hidden layer to show: the suggestions'

    def __init__(
        self,
        reading: ReadingController,
        flags: ReviewedFlags,
        sink: FlagSetSink,
        actions: SuggestionActions,
        lock: SuggestionLock,
    ) -> None:
        super().__init__(reading)
        self._reading = reading
        self._flags = flags
        self._sink = sink
        self._actions = actions
        self._lock = lock
        self.trigger_ranges: list[tuple[int, int]] = []
        self.sourced_ranges: list[tuple[int, int]] = []
        self._sourced_by: list[tuple[tuple[int, int], str]] = []
        self._sourced_tips: SourcedClaimTips | None = None
        # article id -> the places of the suggestions its last Suggest Flags listed, and
        # of those it held back
        self._batches: dict[int, tuple[set[Place], set[Place]]] = {}

    def suggest(self) -> int | None:
        """Run the detector on the article and fill its suggestions layer with the best
        suggestions (one undo step); the pane offers the rest. How many were stored."""
        reading = self._reading
        if reading.article is None or self._refused_as_locked("nothing was suggested"):
            return None
        planned = self._planned()
        if planned is None:
            return None
        stale, fresh, found = planned
        from reader.services.suggestions import best_of, library_learning

        learned = library_learning(reading.library)
        shown, rest = best_of(fresh, found, reading.article.text, learned)
        hidden = len(rest)
        if SUGGESTIONS_LAYER in reading.hidden_layers():
            self.layer_shown_wanted.emit(SUGGESTIONS_LAYER)
        count = len(shown)
        label = f"Suggest flags ({count})"
        if (stale or shown) and not reading.push(
            ReplaceFlagsCommand(label, reading.library, self._sink, stale, shown)
        ):
            return None
        self._batches[reading.article.id] = ({_place(a) for a in shown}, {_place(a) for a in rest})
        self.update_actions()
        more = f", {hidden} more held back" if hidden else ""
        reading.say(
            f"{count} suggestion{'' if count == 1 else 's'}{more}" if count else "No suggestions",
            6000,
        )
        if shown:
            # Review starts at the first suggestion, its card scrolled into sight.
            self.selection_wanted.emit(self._flags.open_suggestions()[0].uuid)
            self._flags.focus_cards()
        return count

    def show_more(self) -> int:
        """Add the suggestions held back by the last Suggest Flags (one undo step, which
        offers them again); the ones listed stay as they are. How many were added."""
        reading = self._reading
        if reading.article is None or self._refused_as_locked("nothing was suggested"):
            return 0
        planned = self._planned()
        if planned is None:
            return 0
        listed = {_place(a) for a in self._flags.open_suggestions()}
        more = [a for a in planned[1] if _place(a) not in listed]
        label = f"Show {len(more)} more suggestion{'' if len(more) == 1 else 's'}"
        if not more or not reading.push(
            ReplaceFlagsCommand(label, reading.library, self._sink, [], more)
        ):
            reading.say("No more suggestions", 4000)
            return 0
        self.update_actions()
        reading.say(f"{len(more)} more suggestion{'' if len(more) == 1 else 's'}", 6000)
        return len(more)

    def _planned(self) -> tuple[list[Annotation], list[Annotation], list[Suggestion]] | None:
        """(stale, fresh, found) for the shown article: its open suggestions, every
        suggestion the detector makes now that was not dismissed or flagged before, and
        all the detector found."""
        from reader.detectors import suggest_article
        from reader.services.suggestions import plan_suggestions

        reading = self._reading
        article = reading.article
        assert article is not None
        reading.flush_edits()
        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            found = suggest_article(article, article.text, markdown=article.markdown)
            stale, fresh = plan_suggestions(article, reading.library.annotations(article.id), found)
            return stale, fresh, found
        except ReaderError as error:
            reading.show_error(f"Cannot suggest flags: {error}")
            return None
        finally:
            QApplication.restoreOverrideCursor()

    def suggestion(self, uuid: str | None) -> Annotation | None:
        """The open suggestion ``uuid`` (or the selected one), if there is one."""
        uuid = uuid or self._flags.selected_uuid()
        annotation = self._flags.annotation(uuid) if uuid else None
        if annotation is None or annotation.status is not Status.SUGGESTED:
            return None
        if self._lock.locked:
            return None
        return annotation

    def accept(self, uuid: str | None = None) -> Annotation | None:
        """Make the suggestion a flag in the user's layer, its reasons kept in its note.

        Like a dismissal, it moves on to the next suggestion with the focus in the
        card list, so that A and D go on reviewing (the note can be edited later).
        """
        from reader.services.suggestions import accepted

        reading = self._reading
        if self._refused_as_locked("nothing was accepted"):
            return None
        suggestion = self.suggestion(uuid)
        if suggestion is None:
            reading.say("Select a suggestion to accept it", 4000)
            return None
        following = self._next_suggestion(suggestion)
        flag = accepted(suggestion)
        label = f"Accept suggestion “{shorten(suggestion.anchor.exact, 30)}”"
        if not reading.push(
            ReplaceFlagsCommand(label, reading.library, self._sink, [suggestion], [flag])
        ):
            return None
        self.selection_wanted.emit(following.uuid if following is not None else flag.uuid)
        self._flags.focus_cards()
        reading.say(f"Accepted as {flag.kind.label.lower()}, the reasons in its note", 4000)
        return flag

    def dismiss(self, uuid: str | None = None) -> bool:
        """Hide the suggestion for good; the next one is selected, to go on reviewing."""
        from reader.services.suggestions import dismissed

        reading = self._reading
        if self._refused_as_locked("nothing was dismissed"):
            return False
        suggestion = self.suggestion(uuid)
        if suggestion is None:
            reading.say("Select a suggestion to dismiss it", 4000)
            return False
        following = self._next_suggestion(suggestion)
        label = f"Dismiss suggestion “{shorten(suggestion.anchor.exact, 30)}”"
        command = ReplaceFlagsCommand(
            label, reading.library, self._sink, [suggestion], [dismissed(suggestion)]
        )
        if not reading.push(command):
            return False
        if following is not None:
            self.selection_wanted.emit(following.uuid)
            self._flags.focus_cards()
        reading.say("Suggestion dismissed", 4000)
        return True

    def _refused_as_locked(self, nothing_done: str) -> bool:
        """Read the lock again first: another process (``reader lock-suggestions``) may
        have locked suggestions meanwhile. If they are locked, the window shows it and
        the status bar says that ``nothing_done``."""
        if not self._lock.refresh():
            return False
        self._reading.say(f"Suggestions are locked: {nothing_done}", 6000)
        return True

    def _next_suggestion(self, current: Annotation) -> Annotation | None:
        """The suggestion after ``current`` in reading order, else the first one left."""
        waiting = self._flags.open_suggestions()
        uuids = [a.uuid for a in waiting]
        if current.uuid not in uuids:
            return waiting[0] if waiting else None
        at = uuids.index(current.uuid)
        following = waiting[at + 1 :] or waiting[:at]
        return following[0] if following else None

    def accept_all(self) -> int:
        from reader.services.suggestions import accepted

        return self._replace_all("Accept", "Accepted", accepted)

    def dismiss_all(self) -> int:
        from reader.services.suggestions import dismissed

        return self._replace_all("Dismiss", "Dismissed", dismissed)

    def _replace_all(
        self, verb: str, done: str, replacement: Callable[[Annotation], Annotation]
    ) -> int:
        """Replace every open suggestion by ``replacement`` of it, in one undo step."""
        reading = self._reading
        if self._refused_as_locked(f"nothing was {done.lower()}"):
            return 0
        waiting = self._flags.open_suggestions()
        flags = [replacement(suggestion) for suggestion in waiting]
        label = f"{verb} {len(waiting)} suggestions"
        if not waiting or not reading.push(
            ReplaceFlagsCommand(label, reading.library, self._sink, waiting, flags)
        ):
            return 0
        reading.say(f"{done} {len(waiting)} suggestions", 6000)
        return len(waiting)

    def update_actions(self) -> None:
        reading = self._reading
        selected = self.suggestion(None) is not None
        waiting = bool(self._flags.open_suggestions())
        self._actions.suggest.setEnabled(reading.article is not None and not self._lock.locked)
        for action, verb, tip in (
            (self._actions.accept, "accept", ACCEPT_TIP),
            (self._actions.dismiss, "dismiss", DISMISS_TIP),
        ):
            action.setEnabled(selected)
            if self._lock.locked:
                continue  # the lock's tips say why
            if selected:
                set_tips(action, tip)
            else:
                why = f"{action.text().replace('&', '')}: {NO_SUGGESTION_TIP.format(verb=verb)}"
                action.setToolTip(why)
                action.setStatusTip(why)
        self._actions.accept_all.setEnabled(waiting)
        self._actions.dismiss_all.setEnabled(waiting)
        self._flags.set_more_suggestions(self._held_back_count())

    def _held_back_count(self) -> int:
        """How many suggestions the article's last Suggest Flags held back are not listed
        (nor accepted or dismissed) while some it listed are: none once undone."""
        article = self._reading.article
        batch = self._batches.get(article.id) if article is not None else None
        hidden = SUGGESTIONS_LAYER in self._reading.hidden_layers()
        if batch is None or self._lock.locked or hidden:
            return 0
        present = {_place(a) for a in self._flags.annotations()}
        listed, held_back = batch
        return len(held_back - present) if listed & present else 0

    def explain_disabled_shortcut(self, event: QKeyEvent) -> bool:
        """Say in the status bar why Accept or Dismiss Suggestion, disabled, did nothing
        at its shortcut (a disabled action's shortcut reaches the window as a plain key).
        Whether the key was one of theirs."""
        reading = self._reading
        combination = event.keyCombination()
        modifiers = combination.keyboardModifiers() & ~QtCore.Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(modifiers, combination.key()))
        actions: tuple[tuple[QAction, str], ...] = (
            (self._actions.accept, "accept"),
            (self._actions.dismiss, "dismiss"),
        )
        for action, verb in actions:
            if action.isEnabled() or pressed not in action.shortcuts():
                continue
            if self._lock.locked:
                message = "Suggestions are locked"
            elif reading.article is None:
                message = f"Open an article and select a suggestion to {verb} it"
            else:
                message = f"Select a suggestion to {verb} it"
            reading.say(message, 4000)
            event.accept()
            return True
        return False

    def mark_triggers(self, suggestion: Annotation | None) -> None:
        """Mark the trigger words of the selected suggestion; None: of none."""
        view = self._reading.view
        self.trigger_ranges = [] if suggestion is None else mark_triggers(view, suggestion)

    def set_sourced_claims_visible(self, visible: bool) -> None:
        """Show the claims the article sources as a faint marker (never stored as flags).

        Hovering over one shows who or what sources it.
        """
        reading = self._reading
        self._actions.show_sourced.setChecked(visible)
        if visible and self._sourced_tips is None:
            self._sourced_tips = SourcedClaimTips(reading.view, self)
            reading.view.viewport().installEventFilter(self._sourced_tips)
        self.mark_sourced_claims()

    def sourced_claim_at(self, position: int) -> str | None:
        """Who sources the claim marked at document ``position`` ("" if unnamed), or None."""
        for (start, end), attribution in self._sourced_by:
            if start <= position < end:
                return attribution
        return None

    def mark_sourced_claims(self) -> None:
        reading = self._reading
        selections: list[QTextEdit.ExtraSelection] = []
        self.sourced_ranges = []
        self._sourced_by = []
        shown = self._actions.show_sourced.isChecked() and not self._lock.locked
        if shown and reading.article is not None:
            # Imported here: the detector stays off the path to the first painted article.
            from reader.detectors import SuggestionKind, suggest_article

            article = reading.article
            try:
                found = suggest_article(
                    article, article.text, markdown=article.markdown, kinds=[], include_sourced=True
                )
            except ReaderError as error:
                reading.show_error(f"Cannot find sourced claims: {error}")
                found = []
            mark = QTextCharFormat()
            mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            mark.setUnderlineColor(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            for claim in found:
                span = reading.view.document_range(claim.start, claim.end)
                if claim.kind is not SuggestionKind.SOURCED_CLAIM or span is None:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(reading.view.document())
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = mark
                selections.append(selection)
                self.sourced_ranges.append(span)
                self._sourced_by.append((span, claim.attribution))
        reading.view.setExtraSelections(selections)


Place = tuple[Kind | None, int, int]  # a suggestion's kind and offsets


def _place(annotation: Annotation) -> Place:
    return annotation.kind, annotation.anchor.start, annotation.anchor.end
