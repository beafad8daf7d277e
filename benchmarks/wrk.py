"""Run wrk against one URL and read its report: requests per second, p50 and p99 latency, errors."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import asdict, dataclass

INSTALL_HINT = "wrk is not installed: `sudo apt-get install wrk` (Debian/Ubuntu) or see https://github.com/wg/wrk"
_TIME_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # socket errors plus responses other than 2xx or 3xx

    def as_dict(self) -> dict:
        return asdict(self)


class WrkOutputError(ValueError):
    """wrk's output lacks a figure the benchmark needs."""


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value).groups()
    return float(number) * _TIME_UNITS[unit] * 1000


def parse(output: str) -> WrkResult:
    """The figures of a `wrk --latency` report."""
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    total = re.search(r"^\s*(\d+) requests in ", output, re.MULTILINE)
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+(?:us|ms|s|m|h))\s*$", output, re.MULTILINE))
    if not rate or not total or set(percentiles) != {"50", "99"}:
        raise WrkOutputError(f"not a `wrk --latency` report:\n{output}")
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0) + (
        int(bad_status.group(1)) if bad_status else 0
    )
    return WrkResult(
        requests_per_second=float(rate.group(1)),
        p50_ms=_milliseconds(percentiles["50"]),
        p99_ms=_milliseconds(percentiles["99"]),
        requests=int(total.group(1)),
        errors=errors,
    )


def executable() -> str:
    """The path of wrk; raises with how to install it when it is missing."""
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit(INSTALL_HINT)
    return found


def run(url: str, *, seconds: int, connections: int = 16, threads: int = 2, cookie: str | None = None) -> WrkResult:
    """Load url with wrk for the given seconds and return what it measured."""
    command = [executable(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    finished = subprocess.run(command + [url], capture_output=True, text=True, timeout=seconds + 60, check=True)
    return parse(finished.stdout)
