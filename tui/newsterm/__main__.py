"""Run newsterm as ``python -m newsterm``."""

import sys

from newsterm.cli import main

sys.exit(main())
