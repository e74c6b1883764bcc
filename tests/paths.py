"""Shared test helpers: where the repo's and the workplace's reference material is, and a free port."""

from __future__ import annotations

import random
import socket
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


def free_port(host: str = "127.0.0.10") -> int:
    """A port nobody listens on at `host`, for demo runs that must reuse the same port (stable URLs)."""
    for _ in range(100):
        port = random.randint(20000, 40000)
        with socket.socket() as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")
