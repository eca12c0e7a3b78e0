"""A minimal FastCGI client for bench/instructions.sh: sends each request of REQUESTS (one per
line: the path with its query, a tab, the Cookie header, and for a POST a tab and the
url-encoded form) over one kept connection to a handler's Unix socket, the parameters nginx
would pass, and waits for each answer. Prints the answers' statuses; exits non-zero unless
every answer is a 200 (a 303 for a POST: the form was taken).
usage: fastcgi_client.py SOCKET REQUESTS"""
import socket
import struct
import sys

BEGIN, PARAMS, STDIN, STDOUT, END = 1, 4, 5, 6, 3


def record(kind, content):
    return struct.pack(">BBHHBB", 1, kind, 1, len(content), 0, 0) + content


def pair(name, value):
    name, value = name.encode(), value.encode()

    def length(data):
        return bytes([len(data)]) if len(data) < 128 else struct.pack(">I", len(data) | 0x80000000)

    return length(name) + length(value) + name + value


def main():
    connection = socket.socket(socket.AF_UNIX)
    connection.connect(sys.argv[1])
    pending = b""

    def answer():
        nonlocal pending
        out = b""
        while True:
            while len(pending) < 8:
                pending += connection.recv(65536)
            _, kind, _, length, padding, _ = struct.unpack(">BBHHBB", pending[:8])
            while len(pending) < 8 + length + padding:
                pending += connection.recv(65536)
            content, pending = pending[8:8 + length], pending[8 + length + padding:]
            if kind == STDOUT:
                out += content
            if kind == END:
                return out

    statuses = {}
    for line in open(sys.argv[2]):
        path, cookie, *form = line.rstrip("\n").split("\t")
        body = form[0].encode() if form else b""
        query = path.split("?", 1)[1] if "?" in path else ""
        params = b"".join(pair(name, value) for name, value in [
            ("REQUEST_METHOD", "POST" if form else "GET"), ("REQUEST_URI", path), ("QUERY_STRING", query),
            ("CONTENT_TYPE", "application/x-www-form-urlencoded" if form else ""),
            ("CONTENT_LENGTH", str(len(body)) if form else ""), ("REMOTE_ADDR", "127.0.0.1"),
            ("HTTP_COOKIE", cookie)])
        connection.sendall(record(BEGIN, struct.pack(">HB5x", 1, 1)) + record(PARAMS, params) + record(PARAMS, b"")
                           + (record(STDIN, body) if body else b"") + record(STDIN, b""))
        head = answer().split(b"\r\n", 1)[0].decode("latin-1")
        status = head.split()[1] if head.startswith("Status:") else "200"
        statuses[status] = statuses.get(status, 0) + 1
    print(" ".join(f"{status}={count}" for status, count in sorted(statuses.items())))
    sys.exit(0 if set(statuses) <= {"200", "303"} else 1)


main()
