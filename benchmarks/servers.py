"""Start and stop gunicorn servers for the benchmark: the platform and the bare-Flask ceiling, same settings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
# A 100 000-trainee dashboard may take longer than gunicorn's default 30 s today; a slow page
# should show up as a slow figure, not as a killed worker.
WORKER_TIMEOUT = 300


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(name: str, app: str, environment: dict[str, str], log_folder: Path) -> Server:
    """Start `gunicorn -w 2 APP` on a free local port; its output goes to a log file."""
    port = free_port()
    log = log_folder / f"{name}.log"
    command = [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"]
    command += ["--timeout", str(WORKER_TIMEOUT), app]
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env={**os.environ, **environment},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole, spared our Ctrl-C
        )
    return Server(name, port, process, log)


def wait_until_answering(server: Server, path: str = "/", seconds: float = 60) -> None:
    """Poll until the server answers path with any HTTP status; raise with its log when it dies or hangs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.process.returncode}:\n{server.log.read_text()}")
        try:
            with urllib.request.urlopen(server.base_url + path, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not answer within {seconds:.0f} s:\n{server.log.read_text()}")


def stop(server: Server) -> None:
    """SIGTERM to the gunicorn master's process group, SIGKILL if it has not gone within 10 s."""
    if server.process.poll() is not None:
        return
    group = os.getpgid(server.process.pid)
    os.killpg(group, signal.SIGTERM)
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(group, signal.SIGKILL)
        server.process.wait()
