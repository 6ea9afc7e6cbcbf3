"""Hypothesis profiles: ``ci`` (fast, derandomized), ``dev`` (default), ``thorough``.

Choose one with ``GOVBUDGET_HYPOTHESIS_PROFILE``; CI (``CI=true``) uses ``ci``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_default = "ci" if os.environ.get("CI") else "dev"
settings.load_profile(os.environ.get("GOVBUDGET_HYPOTHESIS_PROFILE", _default))
