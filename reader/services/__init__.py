"""Use cases shared by the command line and the app: each takes the library, does one
thing a user asked for, and returns dataclasses that the caller shows."""
