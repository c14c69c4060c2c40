"""Two texts side by side, without Qt: the sentences of two articles that say the same
thing and those only in one, the figures and named sources only in one, and what changed
between two versions of an article (inserted and deleted spans, flags moved or orphaned).
What comparing needs of one text is made once (``features``) for the library to keep.

Imports reader.core and reader.anchoring only (and numpy, on first use, to score).
"""
