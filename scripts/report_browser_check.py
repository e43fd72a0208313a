"""Renders a claimex report in headless Chromium and checks that the page drew: a non-blank
screenshot, the top speaker's name in the DOM, and no network request at all (every request the
page could make goes to a recording proxy, which must see none).

Usage: report_browser_check.py REPORT.html SCREENSHOT.png
"""
import json
import re
import socket
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEEN = []
# The browser's own services (clock, component updates, sign-in), which Chromium calls whatever
# page it shows; anything else would be the page's.
BROWSER_HOSTS = re.compile(
    r"^(clients\d*\.google\.com|update\.googleapis\.com|accounts\.google\.com|"
    r"[\w.-]*\.gvt1\.com|optimizationguide-pa\.googleapis\.com|safebrowsing\.googleapis\.com|"
    r"content-autofill\.googleapis\.com|redirector\.gvt1\.com)$")


def host_of(request):
    target = request.split(" ", 1)[1]
    target = re.sub(r"^\w+://", "", target)
    return target.split("/", 1)[0].split(":", 1)[0]


class Recorder(BaseHTTPRequestHandler):
    def _record(self):
        SEEN.append(f"{self.command} {self.path}")
        self.send_response(404)
        self.end_headers()

    do_GET = do_POST = do_HEAD = do_CONNECT = do_PUT = do_OPTIONS = _record

    def log_message(self, *args):
        pass


def png_is_drawn(path):
    """True when the PNG's pixel data varies (a blank page compresses to a few byte values)."""
    data = open(path, "rb").read()
    if not data.startswith(b"\x89PNG"):
        return False
    idat, pos = b"", 8
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    raw = zlib.decompress(idat)
    return len(set(raw[: 2_000_000])) > 16


def main():
    report, shot = sys.argv[1], sys.argv[2]
    html = open(report, encoding="utf-8").read()
    m = re.search(r'id="claimex-data">(.*?)</script>', html, re.S)
    top = json.loads(m.group(1))["top"][0]["name"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            f"--proxy-server=http://127.0.0.1:{port}", "--proxy-bypass-list=<-loopback>",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter",
            "--disable-domain-reliability", "--no-pings", "--disable-default-apps",
            "--window-size=1000,2000"]
    url = "file://" + __import__("os").path.abspath(report)
    dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    subprocess.run(base + [f"--screenshot={shot}", url], capture_output=True, timeout=120)
    server.shutdown()
    ok = True
    if top not in dom:
        print(f"the top speaker {top!r} is not in the DOM ({len(dom)} bytes)")
        ok = False
    if not png_is_drawn(shot):
        print("the screenshot is blank")
        ok = False
    page = [r for r in SEEN if not BROWSER_HOSTS.match(host_of(r))]
    if page:
        print(f"the page made {len(page)} network requests: {page[:5]}")
        ok = False
    else:
        print(f"(Chromium's own services: {len(SEEN) - len(page)} requests, none from the page)")
    if ok:
        print(f"report drew in Chromium: top speaker {top!r} in the DOM, screenshot non-blank, 0 requests")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
