"""Shared fixtures. The broker fixture starts the project's real Kafka broker (or uses
TOCSIN_KAFKA_BOOTSTRAP); if it cannot be had, tests that need it fail: they are never skipped."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def require_shared(rel: str) -> Path:
    """A path under ../shared; skip with a reason in a user's clone, fail in CI."""
    path = SHARED / rel
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is required in CI but missing")
        pytest.skip(f"{path} not present (it sits beside the repository in CI)")
    return path


@pytest.fixture(scope="session")
def bootstrap() -> str:
    from streams.local import ensure_broker

    return ensure_broker()


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:10]


@pytest.fixture
def seed_path() -> Path:
    return require_shared("seed/000_78f6cbf00fa3014e.txt")
