"""The bundle's program: the ``reader`` command line (without a command, the app)."""

import sys

from reader.cli.main import main

sys.exit(main())
