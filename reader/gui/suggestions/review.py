"""The review of the detector's suggestions in the main window, and the marks it draws:
a suggestion's trigger words and the claims the article sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QKeyCombination, QObject
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QTextEdit

from reader.anchoring.selectors import shorten
from reader.core.models import Annotation, ReaderError, Status
from reader.core.palette import KIND_COLOURS
from reader.gui.common.tooltips import plain_tooltip
from reader.gui.shell.window_actions import ACCEPT_TIP, DISMISS_TIP, SUGGESTIONS_LAYER, set_tips
from reader.gui.suggestions.commands import ReplaceFlagsCommand

if TYPE_CHECKING:
    from reader.gui.reading.article_view import ArticleView
    from reader.gui.shell.main_window import MainWindow

NO_SUGGESTION_TIP = "select a suggestion (not a flag of yours) to {verb} it"


class SuggestionReview:
    """Suggests flags on the window's article, accepts and dismisses the suggestions,
    and marks trigger words and sourced claims in the article."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.trigger_ranges: list[tuple[int, int]] = []
        self.sourced_ranges: list[tuple[int, int]] = []
        self._sourced_by: list[tuple[tuple[int, int], str]] = []
        self._sourced_tips: SourcedClaimTips | None = None

    def suggest(self) -> int | None:
        """Run the detector on the article and fill its suggestions layer (one undo step)."""
        from reader.detectors import suggest_article
        from reader.services.suggestions import plan_suggestions

        window = self._window
        if window.article is None or self._refused_as_locked("nothing was suggested"):
            return None
        window.flush_note()
        article = window.article
        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            stale, fresh = plan_suggestions(
                article,
                window.library.annotations(article.id),
                suggest_article(article, article.text, markdown=article.markdown),
            )
        except ReaderError as error:
            window.show_error(f"Cannot suggest flags: {error}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if SUGGESTIONS_LAYER in window.hidden_layers():
            window.set_layer_visible(SUGGESTIONS_LAYER, True)
        count = len(fresh)
        label = f"Suggest flags ({count})"
        if (stale or fresh) and not window.push(
            ReplaceFlagsCommand(label, window.library, window.flag_updates, stale, fresh)
        ):
            return None
        window.statusBar().showMessage(
            f"{count} suggestion{'' if count == 1 else 's'}" if count else "No suggestions", 6000
        )
        if fresh:
            # Review starts at the first suggestion, its card scrolled into sight.
            window.select_annotation(window.annotation_pane.open_suggestions()[0].uuid)
            window.annotation_pane.card_list.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        return count

    def suggestion(self, uuid: str | None) -> Annotation | None:
        """The open suggestion ``uuid`` (or the selected one), if there is one."""
        pane = self._window.annotation_pane
        uuid = uuid or pane.selected_uuid()
        annotation = pane.model.annotation(uuid) if uuid else None
        if annotation is None or annotation.status is not Status.SUGGESTED:
            return None
        if self._window.suggestions_locked:
            return None
        return annotation

    def accept(self, uuid: str | None = None) -> Annotation | None:
        """Make the suggestion a flag in the user's layer, its reasons kept in its note.

        Like a dismissal, it moves on to the next suggestion with the focus in the
        card list, so that A and D go on reviewing (the note can be edited later).
        """
        from reader.services.suggestions import accepted

        window = self._window
        if self._refused_as_locked("nothing was accepted"):
            return None
        suggestion = self.suggestion(uuid)
        if suggestion is None:
            window.statusBar().showMessage("Select a suggestion to accept it", 4000)
            return None
        following = self._next_suggestion(suggestion)
        flag = accepted(suggestion)
        label = f"Accept suggestion “{shorten(suggestion.anchor.exact, 30)}”"
        if not window.push(
            ReplaceFlagsCommand(label, window.library, window.flag_updates, [suggestion], [flag])
        ):
            return None
        window.select_annotation(following.uuid if following is not None else flag.uuid)
        window.annotation_pane.card_list.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        window.statusBar().showMessage(
            f"Accepted as {flag.kind.label.lower()}, the reasons in its note", 4000
        )
        return flag

    def dismiss(self, uuid: str | None = None) -> bool:
        """Hide the suggestion for good; the next one is selected, to go on reviewing."""
        from reader.services.suggestions import dismissed

        window = self._window
        if self._refused_as_locked("nothing was dismissed"):
            return False
        suggestion = self.suggestion(uuid)
        if suggestion is None:
            window.statusBar().showMessage("Select a suggestion to dismiss it", 4000)
            return False
        following = self._next_suggestion(suggestion)
        label = f"Dismiss suggestion “{shorten(suggestion.anchor.exact, 30)}”"
        command = ReplaceFlagsCommand(
            label, window.library, window.flag_updates, [suggestion], [dismissed(suggestion)]
        )
        if not window.push(command):
            return False
        if following is not None:
            window.select_annotation(following.uuid)
            window.annotation_pane.card_list.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        window.statusBar().showMessage("Suggestion dismissed", 4000)
        return True

    def _refused_as_locked(self, nothing_done: str) -> bool:
        """Read the lock again first: another process (``reader lock-suggestions``) may
        have locked suggestions meanwhile. If they are locked, the window shows it and
        the status bar says that ``nothing_done``."""
        if not self._window.refresh_suggestion_lock():
            return False
        self._window.statusBar().showMessage(f"Suggestions are locked: {nothing_done}", 6000)
        return True

    def _next_suggestion(self, current: Annotation) -> Annotation | None:
        """The suggestion after ``current`` in reading order, else the first one left."""
        waiting = self._window.annotation_pane.open_suggestions()
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
        window = self._window
        if self._refused_as_locked(f"nothing was {done.lower()}"):
            return 0
        waiting = window.annotation_pane.open_suggestions()
        flags = [replacement(suggestion) for suggestion in waiting]
        label = f"{verb} {len(waiting)} suggestions"
        if not waiting or not window.push(
            ReplaceFlagsCommand(label, window.library, window.flag_updates, waiting, flags)
        ):
            return 0
        window.statusBar().showMessage(f"{done} {len(waiting)} suggestions", 6000)
        return len(waiting)

    def update_actions(self) -> None:
        window = self._window
        selected = self.suggestion(None) is not None
        waiting = bool(window.annotation_pane.open_suggestions())
        window.suggest_action.setEnabled(
            window.article is not None and not window.suggestions_locked
        )
        for action, verb, tip in (
            (window.accept_action, "accept", ACCEPT_TIP),
            (window.dismiss_action, "dismiss", DISMISS_TIP),
        ):
            action.setEnabled(selected)
            if window.suggestions_locked:
                continue  # the lock's tips say why
            if selected:
                set_tips(action, tip)
            else:
                why = f"{action.text().replace('&', '')}: {NO_SUGGESTION_TIP.format(verb=verb)}"
                action.setToolTip(why)
                action.setStatusTip(why)
        window.accept_all_action.setEnabled(waiting)
        window.dismiss_all_action.setEnabled(waiting)

    def explain_disabled_shortcut(self, event: QKeyEvent) -> bool:
        """Say in the status bar why Accept or Dismiss Suggestion, disabled, did nothing
        at its shortcut (a disabled action's shortcut reaches the window as a plain key).
        Whether the key was one of theirs."""
        window = self._window
        combination = event.keyCombination()
        modifiers = combination.keyboardModifiers() & ~QtCore.Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(modifiers, combination.key()))
        actions: tuple[tuple[QAction, str], ...] = (
            (window.accept_action, "accept"),
            (window.dismiss_action, "dismiss"),
        )
        for action, verb in actions:
            if action.isEnabled() or pressed not in action.shortcuts():
                continue
            if window.suggestions_locked:
                message = "Suggestions are locked"
            elif window.article is None:
                message = f"Open an article and select a suggestion to {verb} it"
            else:
                message = f"Select a suggestion to {verb} it"
            window.statusBar().showMessage(message, 4000)
            event.accept()
            return True
        return False

    def mark_triggers(self, suggestion: Annotation | None) -> None:
        """Mark the trigger words of the selected suggestion; None: of none."""
        view = self._window.article_view
        self.trigger_ranges = [] if suggestion is None else mark_triggers(view, suggestion)

    def set_sourced_claims_visible(self, visible: bool) -> None:
        """Show the claims the article sources as a faint marker (never stored as flags).

        Hovering over one shows who or what sources it.
        """
        window = self._window
        window.show_sourced_action.setChecked(visible)
        if visible and self._sourced_tips is None:
            self._sourced_tips = SourcedClaimTips(window)
            window.article_view.viewport().installEventFilter(self._sourced_tips)
        self.mark_sourced_claims()

    def sourced_claim_at(self, position: int) -> str | None:
        """Who sources the claim marked at document ``position`` ("" if unnamed), or None."""
        for (start, end), attribution in self._sourced_by:
            if start <= position < end:
                return attribution
        return None

    def mark_sourced_claims(self) -> None:
        window = self._window
        selections: list[QTextEdit.ExtraSelection] = []
        self.sourced_ranges = []
        self._sourced_by = []
        shown = window.show_sourced_action.isChecked() and not window.suggestions_locked
        if shown and window.article is not None:
            # Imported here: the detector stays off the path to the first painted article.
            from reader.detectors import SuggestionKind, suggest_article

            article = window.article
            try:
                found = suggest_article(
                    article, article.text, markdown=article.markdown, kinds=[], include_sourced=True
                )
            except ReaderError as error:
                window.show_error(f"Cannot find sourced claims: {error}")
                found = []
            mark = QTextCharFormat()
            mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            mark.setUnderlineColor(window.palette().color(QPalette.ColorRole.PlaceholderText))
            for claim in found:
                span = window.article_view.document_range(claim.start, claim.end)
                if claim.kind is not SuggestionKind.SOURCED_CLAIM or span is None:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(window.article_view.document())
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = mark
                selections.append(selection)
                self.sourced_ranges.append(span)
                self._sourced_by.append((span, claim.attribution))
        window.article_view.setExtraSelections(selections)


class SourcedClaimTips(QObject):
    """Tooltips over the marked sourced claims of the window's article: their source."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        view = self._window.article_view
        position = view.cursorForPosition(event.pos()).position()
        attribution = self._window.sourced_claim_at(position)
        if attribution is None:
            return False
        from PySide6.QtWidgets import QToolTip

        source = f"“{attribution}”" if attribution else "the article"
        text = plain_tooltip(f"Sourced claim: attributed to {source}")  # the article's words
        QToolTip.showText(event.globalPos(), text, view)
        return True


def mark_triggers(view: ArticleView, annotation: Annotation) -> list[tuple[int, int]]:
    """Mark the words that made the detector suggest this passage: bold, solidly underlined.

    The marks live in the document's formats inside the passage, so the view's
    own redraw of the passage (when the selection moves on) takes them away.
    """
    from reader.services.suggestions import trigger_spans

    mark = QTextCharFormat()
    mark.setFontWeight(QFont.Weight.Bold)
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    mark.setUnderlineColor(QColor(KIND_COLOURS[annotation.kind]))
    cursor = QTextCursor(view.document())
    marked: list[tuple[int, int]] = []
    cursor.beginEditBlock()
    for start, end in trigger_spans(annotation):
        span = view.document_range(start, end)
        if span is None:
            continue
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
        marked.append(span)
    cursor.endEditBlock()
    return marked
