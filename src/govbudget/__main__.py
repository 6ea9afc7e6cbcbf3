"""``python -m govbudget``."""

from govbudget.cli import main

raise SystemExit(main())
