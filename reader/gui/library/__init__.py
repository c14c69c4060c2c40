"""The library panel: articles, search hits, and importing into the library."""
