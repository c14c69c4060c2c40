"""Where a flag sits in an article's text, without Qt or storage: the canonical text
(``canonical``), its sentences and words (``tokens``), selectors (``selectors``),
moving an anchor onto a changed text (``reanchor``) and the rule for an article's
new version (``versions``)."""
