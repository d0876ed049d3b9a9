"""``python -m smcheck``."""

from smcheck.cli import main

raise SystemExit(main())
