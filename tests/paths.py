"""Where the tests find the repo's and the workplace's reference material."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_path(prefix: str) -> Path:
    """A seed article by its number ("001"); skips the test where ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available here")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found")
    return matches[0]
