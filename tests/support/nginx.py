"""A real nginx serving a built site on a loopback port, set up as README tells a
publisher to: site/_nginx/security-headers.conf copied to snippets/ under nginx's
configuration folder, and site/_nginx/site.conf included inside the server { } block.
Its own temporary prefix and configuration; never the system service."""

from __future__ import annotations

import contextlib
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

from .build import readable_tmpdir

NO_NGINX = """No nginx was found. The deploy tests run the site under a real nginx.
Install Debian's package (as root):

    apt-get install nginx-light

or point the tests at another nginx binary with NGINX=/path/to/nginx."""

CONFIG = """\
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        index index.html;
        include {root}/_nginx/site.conf;
    }}
}}
"""


def find_nginx() -> str | None:
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _mime_types(nginx: str) -> str:
    for candidate in ("/etc/nginx/mime.types", pathlib.Path(nginx).parent.parent / "conf/mime.types"):
        if pathlib.Path(candidate).is_file():
            return str(candidate)
    raise FileNotFoundError("nginx's mime.types was not found")


@contextlib.contextmanager
def configured(nginx: str, site: pathlib.Path):
    """Write the configuration for serving site; yield (command prefix, base URL, prefix)."""
    with readable_tmpdir() as prefix:
        conf = prefix / "conf"
        (conf / "snippets").mkdir(parents=True)
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / "tmp" / name).mkdir(parents=True)
        shutil.copyfile(site / "_nginx/security-headers.conf",
                        conf / "snippets/toe-cramps-security-headers.conf")
        port = _free_port()
        (conf / "nginx.conf").write_text(CONFIG.format(
            prefix=prefix, port=port, root=site, mime_types=_mime_types(nginx)))
        command = [nginx, "-p", str(prefix), "-c", str(conf / "nginx.conf"),
                   "-e", str(prefix / "error.log")]
        yield command, f"http://127.0.0.1:{port}/", prefix


def check_config(nginx: str, site: pathlib.Path) -> subprocess.CompletedProcess:
    """`nginx -t` on the configuration README describes."""
    with configured(nginx, site) as (command, _, _prefix):
        return subprocess.run([*command, "-t"], capture_output=True, text=True)


PORT_TRIES = 3


def _answers(process: subprocess.Popen, url: str, prefix: pathlib.Path, timeout: float) -> bool:
    """Wait until nginx answers (True), or stops because its port was taken (False)."""
    deadline = time.monotonic() + timeout
    while True:  # wait for the condition "nginx answers", not for a fixed time
        if process.poll() is not None:
            log = (prefix / "error.log").read_text() if (prefix / "error.log").exists() else ""
            log += process.stdout.read().decode()
            if "Address already in use" in log:
                return False
            raise RuntimeError(f"nginx stopped:\n{log}")
        try:
            urllib.request.urlopen(url + "index.html", timeout=1).close()
            return True
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # poll interval while waiting for the port to open


@contextlib.contextmanager
def run(nginx: str, site: pathlib.Path, timeout: float = 10.0):
    """Serve site with nginx; yield the base URL. Stops nginx afterwards. The port is
    found free, then bound by nginx: another process (a parallel test worker) may take it
    in between, and nginx is then started again on another."""
    for _try in range(PORT_TRIES):
        with configured(nginx, site) as (command, url, prefix):
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            try:
                if not _answers(process, url, prefix, timeout):
                    continue
                yield url
                return
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    raise RuntimeError(f"nginx found its port taken {PORT_TRIES} times")
