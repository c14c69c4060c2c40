"""The flag pane: list model, cards, editor, and the undoable edits."""
