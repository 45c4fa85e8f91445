#!/usr/bin/env python3
"""Slow-body uploads: N connections POST a multipart roster upload to HOST:PORT without signing in, then send one
byte of the body every INTERVAL seconds until DURATION seconds have passed. Loopback only; bounded in count and time.

usage: slow_uploads.py HOST PORT N DURATION [INTERVAL] [PATH]
Env: ABUSE_COOKIE (e.g. "JSESSIONID=..."): send it, as a signed-in client would, and declare a 1 MB body (under the
container's limit, so that the server reads it) instead of 64 MB.
Prints how many connections opened, and how many got an answer (e.g. 401/403) before the body was complete."""
import os
import socket
import sys
import time

host, port, count, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
interval = float(sys.argv[5]) if len(sys.argv) > 5 else 10.0
path = sys.argv[6] if len(sys.argv) > 6 else "/console/stations/import"
if host not in ("127.0.0.1", "localhost", "::1"):
    sys.exit("loopback only")
count = min(count, 1000)
duration = min(duration, 600)

cookie = os.environ.get("ABUSE_COOKIE", "")
head = (
    f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: abuse-load-slow\r\n"
    + (f"Cookie: {cookie}\r\n" if cookie else "")
    + "Content-Type: multipart/form-data; boundary=XyZ\r\n"
    + f"Content-Length: {1000000 if cookie else 64000000}\r\n\r\n"
    '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\n'
    "Content-Type: text/csv\r\n\r\n"
).encode()

deadline = time.monotonic() + duration
socks, refused = [], 0
for _ in range(count):
    if time.monotonic() > deadline:
        break
    try:
        s = socket.create_connection((host, port), timeout=3)
        s.sendall(head)
        s.setblocking(False)
        socks.append(s)
    except OSError:
        refused += 1
answered, closed = set(), set()
while time.monotonic() < deadline:
    for i, s in enumerate(socks):
        if i in closed:
            continue
        try:
            data = s.recv(4096)
            if data:
                answered.add(i)
            else:
                closed.add(i)
                continue
        except BlockingIOError:
            pass
        except OSError:
            closed.add(i)
            continue
        try:
            s.send(b"a")
        except OSError:
            closed.add(i)
    time.sleep(max(0.0, min(interval, deadline - time.monotonic())))
for i, s in enumerate(socks):
    if i not in closed:
        try:
            if s.recv(4096):
                answered.add(i)
            else:
                closed.add(i)  # the server closed it (e.g. at the body deadline) since the last look
        except BlockingIOError:
            pass
        except OSError:
            closed.add(i)
    s.close()
print(f"slow uploads: {len(socks)} opened, {refused} refused, {len(answered)} answered before the body ended, "
      f"{len(closed)} closed by the server")
