"""Use cases shared by the command line and the app: each takes the library, does one
thing a user asked for, and returns dataclasses that the caller shows.

* ``article_files``: import article and flag files; export flags, written atomically.
* ``suggestions``: save the detector's suggestions; accept or dismiss them.
* ``samples``: the sample articles put into a new library.
* ``classroom``: the classroom loop (assign, hand in, collect, compare, release the key).
* ``submission_files``: where collected submissions come from (files, folders, zips).
"""
