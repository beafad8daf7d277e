"""benchmarks/wrk.py reads the figures of a `wrk --latency` report."""

import pytest

from benchmarks.wrk import WrkOutputError, parse

CLEAN = """Running 3s test @ http://127.0.0.1:33369/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.40ms  763.72us  19.55ms   92.79%
    Req/Sec     2.34k   217.98     2.57k    78.33%
  Latency Distribution
     50%    3.20ms
     75%    3.40ms
     90%    3.90ms
     99%    7.00ms
  13964 requests in 3.00s, 67.96MB read
Requests/sec:   4650.23
Transfer/sec:     22.63MB
"""

TROUBLED = """Running 5s test @ http://127.0.0.1:8000/reports/cohorts/3
  1 threads and 1 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.21s   102.50ms   1.40s    60.00%
    Req/Sec     0.00      0.00     0.00    100.00%
  Latency Distribution
     50%  850.00us
     75%    1.25s
     90%    1.39s
     99%    1.40s
  4 requests in 5.01s, 1.20MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 3
Requests/sec:      0.80
Transfer/sec:    245.12KB
"""


def test_a_clean_report():
    result = parse(CLEAN)
    assert result.requests_per_second == 4650.23
    assert result.p50_ms == pytest.approx(3.2)
    assert result.p99_ms == pytest.approx(7.0)
    assert (result.requests, result.errors) == (13964, 0)


def test_units_and_errors():
    result = parse(TROUBLED)
    assert result.requests_per_second == 0.8
    assert result.p50_ms == pytest.approx(0.85)
    assert result.p99_ms == pytest.approx(1400)
    assert result.requests == 4
    assert result.errors == 2 + 1 + 3  # socket errors and bad statuses


@pytest.mark.parametrize(
    "output",
    [
        "",
        "unable to connect to 127.0.0.1:1 Connection refused\n",
        CLEAN.replace("     99%    7.00ms\n", ""),  # run without --latency: no distribution
        CLEAN.replace("Requests/sec:   4650.23\n", ""),
    ],
)
def test_not_a_report(output):
    with pytest.raises(WrkOutputError):
        parse(output)
