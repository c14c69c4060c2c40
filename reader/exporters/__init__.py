"""An article's flags written out as Markdown or CSV; no Qt."""
