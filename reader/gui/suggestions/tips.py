"""What the suggestion actions say of themselves: their tips, shared by the window's
actions and the review and lock that change them."""

from __future__ import annotations

LOCK_TIP = (
    "Lock the app's suggestions with a PIN, so students cannot see or ask for "
    "the app's suggestions; the PIN unlocks them"
)
ACCEPT_TIP = (
    "Make the selected suggestion a flag of yours; or press A on its card or in the article"
)
DISMISS_TIP = "Hide the selected suggestion for good; or press D on its card or in the article"
