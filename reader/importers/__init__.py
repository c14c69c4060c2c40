"""Importers: article files (Markdown with front matter, plain text, saved web pages),
clipboard HTML and pasted text read into articles, encoding detected and hostile input
refused in one line; no Qt."""
