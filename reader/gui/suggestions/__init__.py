"""Reviewing flag suggestions and the teacher's PIN lock on them."""
