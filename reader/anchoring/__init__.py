"""Selectors, canonical text and re-anchoring; no Qt."""
