"""Annotated Reader: read a news article and flag unsourced claims, opinion and context.

The packages are layers, each importing only those below it (import-linter checks
it): ``gui | cli`` over ``services`` over the domain packages (``storage``,
``importers``, ``exporters``, ``render``, ``detectors``, ``classroom``, ``compare``) over
``anchoring | w3c`` over ``core``.  Only ``reader.gui`` imports Qt.
"""
