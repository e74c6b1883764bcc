"""`python -m pipeline` is the `lkks` command."""

import sys

from pipeline.cli import main

sys.exit(main())
