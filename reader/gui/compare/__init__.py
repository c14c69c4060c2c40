"""Two articles side by side, and two versions of one article."""
