"""Use cases shared by the command line and the app: each takes the library, does one
thing a user asked for, and returns dataclasses that the caller shows.

* ``article_files``: import article and flag files; export flags, written atomically.
* ``suggestions``: save the detector's suggestions; accept or dismiss them.
* ``suggestion_words``: a suggestion's score in words, what they mean, reasons as sentences.
* ``samples``: the sample articles put into a new library.
* The classroom loop: ``assignments`` (assign, open, hand in, who sees which layer),
  ``collecting`` (students' submissions into the library, from the places
  ``submission_files`` reads: files, folders, zips), ``class_results`` and
  ``class_details`` (the class against the key, one student or passage, comments),
  ``released_keys`` (the key released to the class); ``classroom`` re-exports them all.
* ``compare``: two articles side by side, or two versions of one with their flags.
* ``desktop``: the freedesktop menu entry and MIME types for the current user.
"""
