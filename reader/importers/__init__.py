"""Article files and pasted text read into articles, without Qt; hostile input is refused
in one line.

* ``articles``: the one entry point, choosing the reader by the file's kind.
* ``markdown_article`` (front matter), ``text_article`` (plain text) and
  ``html_article`` (saved pages and clipboard HTML, via trafilatura, with
  ``page_cleaning`` and ``page_junk`` cutting what is no part of the story from the
  page and from what was extracted, ``page_headline`` and ``page_layout`` finding the
  headline and the blocks of a laid-out page, and ``extracted_markdown`` turning
  trafilatura's output into Markdown).
* ``decoding`` (finding a file's encoding) and ``source_names`` (how input is named).
"""
