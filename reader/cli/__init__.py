"""The ``reader`` command line.

* ``main``: the entry point; ``reader`` alone opens the app, errors are one line.
* ``parser``: the parser and the list of command names.
* ``command``: what every group uses (the parser class, ``add_command``,
  ``open_library``); ``output``: JSON and error lines.
* One module per command group, each with ``add_commands(subparsers)``:
  ``articles`` (import, list, show, export, search, check, backup), ``flags``
  (annotate, annotations, delete-annotation), ``suggestions`` (suggest, lock and
  unlock), ``app`` (the window, screenshot), ``classroom`` (with
  ``class_results`` for ``reader class``), ``compare`` (two articles, two versions).
* ``desktop``: ``--install-desktop`` and ``--uninstall-desktop``, which ``main`` runs
  before the parser.

A new group is a module with ``add_commands``, listed in ``parser.build_parser``
and its names in ``parser.COMMANDS``.
"""
