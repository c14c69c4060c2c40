"""The bottom layer: domain dataclasses and enums, errors, the palette of themes and
kinds, and size limits for files from outside; no Qt, nothing else of reader."""
