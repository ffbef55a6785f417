"""`tocsin demo`, as the README's first command runs it, against the real broker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from streams.local import REPO_ROOT


def test_demo_shows_the_seed_alert_arriving(bootstrap: str, seed_path: Path) -> None:
    env = {**os.environ, "TOCSIN_KAFKA_BOOTSTRAP": bootstrap}
    proc = subprocess.run(
        [sys.executable, "-m", "streams.cli", "demo", "--timeout", "90"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    out = proc.stdout
    assert proc.returncode == 0, out + proc.stderr
    critical = [line for line in out.splitlines() if "CRITICAL" in line and "assassination_attempt" in line]
    assert critical and "Mustafa al-Kadhimi" in critical[0] and "signature verified" in critical[0]
    assert "Protest violence: Nairobi" in out
    for quiet in ("Lisbon", "City's", "Chipmaker", "Earthquake"):
        assert quiet not in out  # the samples that must not alert
    assert "rejected a request with a bad signature" not in out
    assert "4 signed alert(s) delivered and verified" in out
