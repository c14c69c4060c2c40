"""Where a flag sits in an article: canonical text, its sentences and words, selectors,
and re-anchoring flags on a new version of the text; no Qt."""
