"""Reviewing flag suggestions, the teacher's PIN lock on them, and their actions' tips."""
