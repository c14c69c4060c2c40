"""Two texts side by side, without Qt: the sentences of two articles that say the same
thing and those only in one, the figures and named sources only in one, and what changed
between two versions of an article (inserted and deleted spans, flags moved or orphaned).

Imports reader.core and reader.anchoring only.
"""
