"""Domain dataclasses and enums; no Qt."""
