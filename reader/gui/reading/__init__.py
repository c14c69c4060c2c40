"""The article as shown: view, offsets between text and layout, highlights, flag keys."""
