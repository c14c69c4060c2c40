"""The article as shown: view, offsets between text and layout, highlights, flag keys,
and the ``ReadingController`` of one shown article with its undo stack and the undo
commands' base."""
