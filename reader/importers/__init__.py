"""Importers: turn files and pasted text into articles, and flag files into annotations."""
