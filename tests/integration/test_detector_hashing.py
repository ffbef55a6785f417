"""The detector gives the same places whatever the interpreter's hash seed (one interpreter per seed)."""

from __future__ import annotations


def test_place_country_does_not_depend_on_hashing() -> None:
    import subprocess
    import sys

    code = (
        "from agents.core.detector.places import find_places;"
        "print(find_places(['Protesters from Iran and Iraq marched to the Green Zone.']))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={"PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1
