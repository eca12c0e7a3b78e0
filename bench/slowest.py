"""Where a mix run's slowest requests come from: reads the lines of nginx's access log between
two byte offsets, the run's (format `timed` of nginx.conf: request time and handler time at
the end of each line), names each request's kind as bench/mix.lua draws them, and prints per kind
its share of the requests, its median and 99th percentile as nginx measured them, and how
many of the run's slowest 1 % it has. wrk's p99 covers the whole run; this says whose it is.
usage: python3 bench/slowest.py ACCESS_LOG START END"""
import re
import sys
from collections import Counter, defaultdict

LINE = re.compile(r'"(?:GET|POST|PUT) (\S+) HTTP/[^"]*" (\d{3}) .* (\d+\.\d+) (\S+)$')


def kind(target):
    path, _, query = target.partition("?")
    if path.startswith("/desk/ticket/"):
        return "desk: ticket page"
    if path == "/desk/":
        return "desk: text search" if "cerca=" in query else "desk: Coda ticket"
    if path.startswith("/ticket/"):
        return "customer: ticket page"
    if path == "/ticket":
        return "customer: ticket list"
    if path.startswith("/api/dashboard"):
        return "customer: dashboard data"
    return "other"


def percentile(values, share):
    return values[min(len(values) - 1, int(len(values) * share))]


def main():
    log, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(log, "rb") as file:
        file.seek(start)
        lines = file.read(end - start).decode("utf-8", "replace").splitlines()
    times = []
    for line in lines:
        match = LINE.search(line)
        if match:
            times.append((float(match.group(3)), kind(match.group(1))))
    if not times:
        print("slowest 1 %: no request in the log")
        return
    times.sort()
    cut = len(times) - max(1, len(times) // 100)
    slowest = Counter(name for _, name in times[cut:])
    by_kind = defaultdict(list)
    for seconds, name in times:
        by_kind[name].append(seconds)
    print(f"where the slowest 1 % come from ({len(times)} requests of one mix run; nginx's request time, "
          f"1 ms resolution; the run's p99 {percentile([t for t, _ in times], 0.99) * 1000:.0f} ms):")
    for name in sorted(by_kind, key=lambda n: -slowest[n]):
        values = by_kind[name]
        print(f"  {name:26} {100 * len(values) / len(times):5.1f} % of requests, p50 {percentile(values, 0.5) * 1000:3.0f} ms,"
              f" p99 {percentile(values, 0.99) * 1000:4.0f} ms; {slowest[name]:4} of the slowest {len(times) - cut}")


main()
