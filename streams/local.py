"""Local running parts for the demo, e2e tests and benchmarks: the broker and a worker subprocess."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
KAFKA_SCRIPT = REPO_ROOT / "deploy" / "kafka" / "kafka.sh"


class BrokerError(RuntimeError):
    pass


def ensure_broker(env: dict[str, str] | None = None) -> str:
    """Bootstrap address of a running broker, starting the local one unless one is configured."""
    env = dict(os.environ if env is None else env)
    if env.get("TOCSIN_KAFKA_BOOTSTRAP"):
        return env["TOCSIN_KAFKA_BOOTSTRAP"]
    if not KAFKA_SCRIPT.exists():
        raise BrokerError(f"{KAFKA_SCRIPT} not found: set TOCSIN_KAFKA_BOOTSTRAP to a running cluster")
    env.setdefault("TOCSIN_PYTHON", sys.executable)
    proc = subprocess.run(["bash", str(KAFKA_SCRIPT), "start"], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BrokerError(
            f"local broker failed to start (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )
    return f"127.0.0.1:{env.get('TOCSIN_KAFKA_PORT', '19092')}"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WorkerProcess:
    """`tocsin worker` as a real subprocess; output goes to `log_path` for debugging."""

    READY_MARK = "Ready"

    def __init__(self, env: dict[str, str], log_path: Path, root: Path = REPO_ROOT) -> None:
        # `root` runs another checkout's code (bench/against.py measures an older revision).
        self.env = {**os.environ, **env, **({"PYTHONPATH": str(root)} if root != REPO_ROOT else {})}
        self.root = root
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams.cli", "worker"],
            env=self.env,
            cwd=self.root,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    async def wait_ready(self, timeout: float = 90.0) -> None:
        """Ready = Faust says so (agents started, partitions assigned)."""
        assert self.proc is not None
        start_len = 0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited with {self.proc.returncode}:\n{self.log_text()[-4000:]}")
            text = self.log_text()
            if "[^Worker]: Ready" in text[start_len:]:
                return
            await asyncio.sleep(0.2)
        raise TimeoutError(f"worker not ready after {timeout}s:\n{self.log_text()[-4000:]}")

    def stop(self, timeout: float = 30.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self) -> None:
        """SIGKILL the whole process group: a crash, with no chance to commit or flush."""
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
