"""The W3C Web Annotation vocabulary: reading and writing flag files."""
