"""Flag files in the W3C Web Annotation vocabulary (JSON-LD), without Qt: ``writing``
builds an ``AnnotationCollection`` of an article's flags, ``reading`` reads one back
from hostile bytes, with ``json_values`` (strict JSON and checked values, which
the classroom files use too).
"""
