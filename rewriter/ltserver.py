"""``rewriter languagetool install | serve | status``: a LanguageTool server of our own.

``install`` fetches LanguageTool's HTTP server and its English module from Maven Central with
Maven, pinned to ``VERSION``: the ``pom.xml`` shipped in ``rewriter/data/languagetool/`` and
``mvn dependency:copy-dependencies`` (``--strict-checksums``: a download that does not match the
repository's checksum fails) copy the jars into our cache folder (``install_dir()``). Maven keeps
its own copy in the user's Maven repository (``~/.m2``), so a second install downloads nothing.

``serve`` runs that install in the foreground (``java -Xmx... org.languagetool.server.HTTPServer``),
on 127.0.0.1 unless ``--public``, and stops it on SIGTERM or Ctrl-C. ``LocalServer`` does the
same for ``languagetool = "local"``: started once per process on a free port, stopped at exit.

The class path also holds ``rewriter/data/languagetool/rules/``, whose
``org/languagetool/rules/en/grammar_custom.xml`` LanguageTool loads as extra English rules
(``REWRITER_*`` ids): confusions its open-source rules only catch with its 8 GB n-gram data.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VERSION = "6.7"
DEFAULT_PORT = 8081
DEFAULT_MEMORY = "1g"
START_TIMEOUT = 180.0  # seconds for a server to answer after it starts (a loaded 2-core machine is slow)
MAIN_CLASS = "org.languagetool.server.HTTPServer"
DATA = Path(__file__).resolve().parent / "data" / "languagetool"
POM = DATA / "pom.xml"
RULES_DIR = DATA / "rules"
_MARKER = "installed.json"

NEEDS = ("LanguageTool needs Java 17+ and Maven: install them (Debian/Ubuntu: apt-get install "
         "openjdk-17-jre-headless maven), or use LanguageTool's own download "
         "(https://languagetool.org/download/) or its Docker image and point `languagetool` at that server")


class LanguageToolSetupError(Exception):
    """Installing or starting LanguageTool failed; the message is one plain line."""


def home() -> Path:
    """Our cache folder for LanguageTool: ``REWRITER_LANGUAGETOOL_HOME``, else
    ``$XDG_CACHE_HOME/rewriter/languagetool`` (``~/.cache/rewriter/languagetool``)."""
    env = os.environ.get("REWRITER_LANGUAGETOOL_HOME")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "rewriter" / "languagetool"


def install_dir(version: str = VERSION) -> Path:
    return home() / version


def installed(version: str = VERSION) -> bool:
    d = install_dir(version)
    return (d / _MARKER).is_file() and any((d / "lib").glob("languagetool-server-*.jar"))


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise LanguageToolSetupError(f"{'Maven (mvn)' if name == 'mvn' else 'Java'} not found. {NEEDS}")
    return path


def java_version(java: str) -> int:
    """The major version of ``java`` (17 for 17.0.15), 0 when it cannot be told."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.SubprocessError):
        return 0
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if m is None:
        return 0
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # "1.8.0_392" is Java 8
    return 0


def find_java() -> str:
    java = _tool("java")
    major = java_version(java)
    if 0 < major < 17:
        raise LanguageToolSetupError(f"Java {major} is too old. {NEEDS}")
    return java


def install(version: str = VERSION, *, force: bool = False, out: Callable[[str], None] = print) -> Path:
    """Fetch LanguageTool ``version`` (server + English) into ``install_dir(version)``; return it.
    Does nothing when it is there already (``force`` fetches again)."""
    target = install_dir(version)
    if installed(version) and not force:
        out(f"LanguageTool {version} is installed in {target}")
        return target
    mvn = _tool("mvn")
    find_java()
    target.parent.mkdir(parents=True, exist_ok=True)
    out(f"Fetching LanguageTool {version} (server and English) from Maven Central into {target} ...")
    with tempfile.TemporaryDirectory(prefix=f".{version}-", dir=target.parent) as tmp:
        work = Path(tmp)
        shutil.copy(POM, work / "pom.xml")
        command = [mvn, "-B", "-q", "--strict-checksums", "-f", str(work / "pom.xml"),
                   f"-Dlanguagetool.version={version}", "dependency:copy-dependencies",
                   f"-DoutputDirectory={work / 'lib'}"]
        result = subprocess.run(command, cwd=work, capture_output=True, text=True)
        if result.returncode != 0 or not any((work / "lib").glob("languagetool-server-*.jar")):
            lines = [ln.strip() for ln in (result.stdout + result.stderr).splitlines() if "ERROR" in ln]
            detail = lines[0].replace("[ERROR]", "").strip() if lines else f"mvn exited {result.returncode}"
            raise LanguageToolSetupError(f"Maven could not fetch LanguageTool {version}: {detail[:300]}")
        jars = sorted(p.name for p in (work / "lib").glob("*.jar"))
        (work / _MARKER).write_text(json.dumps({"version": version, "jars": jars}, indent=1) + "\n",
                                    encoding="utf-8")
        (work / "pom.xml").unlink()
        if target.exists():
            shutil.rmtree(target)
        os.replace(work, target)
        work.mkdir()  # TemporaryDirectory removes its folder at the end
    size = sum(p.stat().st_size for p in (target / "lib").glob("*.jar"))
    out(f"LanguageTool {version} installed: {len(jars)} jars, {size / 1e6:.0f} MB in {target}")
    return target


def command(port: int, *, public: bool = False, memory: str = DEFAULT_MEMORY, version: str = VERSION,
            java: str = "java") -> list[str]:
    """The java command line that runs the installed server on ``port``."""
    classpath = os.pathsep.join([str(install_dir(version) / "lib" / "*"), str(RULES_DIR)])
    cmd = [java, f"-Xmx{memory}", "-Dfile.encoding=UTF-8", "-cp", classpath, MAIN_CLASS, "--port", str(port)]
    if public:
        cmd += ["--public", "--allow-origin", "*"]
    return cmd


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the java child gets SIGTERM when we die, even by SIGKILL: no orphan server."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def spawn(cmd: Sequence[str], *, quiet: bool) -> subprocess.Popen[bytes]:
    out = subprocess.DEVNULL if quiet else None
    preexec = _die_with_parent if sys.platform.startswith("linux") else None
    return subprocess.Popen(list(cmd), stdin=subprocess.DEVNULL, stdout=out, stderr=out, preexec_fn=preexec)


def stop(proc: subprocess.Popen[bytes], grace: float = 15.0) -> None:
    """Stop the server: SIGTERM, then SIGKILL after ``grace`` seconds; always reaps it."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            proc.wait()


# ---------------------------------------------------------------------------------------------
# Asking a server what it is


@dataclass(frozen=True)
class ServerStatus:
    url: str
    answering: bool
    version: str = ""
    languages: tuple[str, ...] = ()
    error: str = ""


def api_base(url: str) -> str:
    """``http://host:8081``, ``.../v2`` or ``.../v2/check`` -> ``http://host:8081/v2/``."""
    parts = urllib.parse.urlsplit(url.strip())
    path = parts.path.rstrip("/")
    for tail in ("/check", "/languages"):
        if path.endswith("/v2" + tail):
            path = path[: -len(tail)]
    if not path.endswith("/v2"):
        path += "/v2"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def _get_json(url: str, data: dict[str, str] | None, timeout: float) -> Any:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/json", "User-Agent": "rewriter"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def server_status(url: str, timeout: float = 10.0, check_timeout: float = 120.0) -> ServerStatus:
    """Whether a LanguageTool server answers at ``url``, its version and languages. The version
    comes from a one-word check, which a fresh server answers only once it has loaded its English
    rules (seconds to a minute): hence the longer ``check_timeout``."""
    api = api_base(url)
    try:
        languages = _get_json(api + "languages", None, timeout)
        answer = _get_json(api + "check", {"text": "ok", "language": "en-US"}, check_timeout)
    except urllib.error.HTTPError as exc:
        return ServerStatus(url, False, error=f"not a LanguageTool server (HTTP {exc.code})")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason: Any = getattr(exc, "reason", exc)
        text = "connection refused" if isinstance(reason, ConnectionRefusedError) else str(reason)
        return ServerStatus(url, False, error=f"unreachable ({text})")
    if not isinstance(languages, list) or not isinstance(answer, dict):
        return ServerStatus(url, False, error="not a LanguageTool server")
    codes = tuple(sorted({str(e.get("longCode") or e.get("code")) for e in languages if isinstance(e, dict)}))
    version = str((answer.get("software") or {}).get("version", ""))
    return ServerStatus(url, True, version, codes)


def wait_until_answering(url: str, proc: subprocess.Popen[bytes] | None, timeout: float = START_TIMEOUT) -> bool:
    """Poll ``url`` until the server answers a check (True), its process ends or ``timeout``
    passes (False). The first check loads the English rules, so later ones are quick."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        left = max(1.0, deadline - time.monotonic())
        if server_status(url, timeout=2.0, check_timeout=left).answering:
            return True
        time.sleep(0.3)
    return False


# ---------------------------------------------------------------------------------------------
# languagetool = "local": one server per process


class LocalServer:
    """Our install, started on a free 127.0.0.1 port the first time it is needed, reused by every
    check of the process, and stopped when the process exits."""

    def __init__(self, version: str = VERSION, memory: str = DEFAULT_MEMORY) -> None:
        self.version = version
        self.memory = memory
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""
        self._lock = threading.Lock()

    def start(self) -> str:
        """The server's URL; starts it if needed. Raises LanguageToolSetupError."""
        with self._lock:
            if self.proc is not None and self.proc.poll() is None:
                return self.url
            if not installed(self.version):
                raise LanguageToolSetupError(f"LanguageTool {self.version} is not installed here "
                                             "(run `rewriter languagetool install`)")
            java = find_java()
            port = free_port()
            self.url = f"http://127.0.0.1:{port}"
            self.proc = spawn(command(port, memory=self.memory, version=self.version, java=java), quiet=True)
            atexit.register(self.stop)
            if not wait_until_answering(self.url, self.proc):
                self.stop()
                raise LanguageToolSetupError(f"LanguageTool {self.version} did not start (java exited or no "
                                             f"answer within {START_TIMEOUT:g}s)")
            return self.url

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None


_LOCAL: dict[str, LocalServer] = {}


def local_server(version: str = VERSION) -> LocalServer:
    server = _LOCAL.get(version)
    if server is None:
        server = _LOCAL[version] = LocalServer(version)
    return server


# ---------------------------------------------------------------------------------------------
# The command


def _memory(value: str) -> str:
    if not re.fullmatch(r"[1-9][0-9]*[kKmMgG]?", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a Java heap size like 512m or 2g")
    return value


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="lt_command", metavar="install|serve|status")
    i = sub.add_parser("install", help=f"fetch LanguageTool {VERSION} (server + English) with Maven")
    i.add_argument("--force", action="store_true", help="fetch again even when installed")
    s = sub.add_parser("serve", help="run the installed server in the foreground (installs first if needed)")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: a free one)")
    s.add_argument("--public", action="store_true", help="listen on every address, not only 127.0.0.1")
    s.add_argument("--memory", default=DEFAULT_MEMORY, type=_memory,
                   help=f"Java heap cap, -Xmx (default {DEFAULT_MEMORY})")
    st = sub.add_parser("status", help="is a LanguageTool server answering; its version and languages")
    st.add_argument("url", nargs="?", help="server URL (default: $REWRITER_LANGUAGETOOL_URL, else "
                    f"http://127.0.0.1:{DEFAULT_PORT})")


def run(args: argparse.Namespace) -> int:
    what = getattr(args, "lt_command", None)
    if what is None:
        print("rewriter: error: languagetool needs one of: install, serve, status", file=sys.stderr)
        return 2
    if what == "status":
        return cmd_status(args.url or os.environ.get("REWRITER_LANGUAGETOOL_URL") or f"http://127.0.0.1:{DEFAULT_PORT}")
    try:
        if what == "install":
            install(force=args.force, out=lambda s: print(s, flush=True))
            return 0
        return cmd_serve(args.port, args.public, args.memory)
    except LanguageToolSetupError as exc:
        print(f"rewriter: {exc}", file=sys.stderr)
        return 2


def cmd_status(url: str) -> int:
    status = server_status(url)
    if not status.answering:
        print(f"LanguageTool at {url}: {status.error}")
        return 1
    english = [c for c in status.languages if c.startswith("en")]
    print(f"LanguageTool {status.version or '(version unknown)'} at {url}: answering; "
          f"{len(status.languages)} languages" + (f", English: {', '.join(english)}" if english else ", no English"))
    return 0


def cmd_serve(port: int, public: bool, memory: str) -> int:
    install(out=lambda s: print(s, flush=True))
    java = find_java()
    if port == 0:
        port = free_port()
    host = "0.0.0.0" if public else "127.0.0.1"
    url = f"http://127.0.0.1:{port}"
    proc = spawn(command(port, public=public, memory=memory, java=java), quiet=False)
    stopping: list[float] = []

    def on_signal(signum: int, frame: Any) -> None:
        # no waiting here: the main thread may be inside proc.wait(), which holds Popen's lock
        if not stopping:
            stopping.append(time.monotonic())
        with contextlib.suppress(ProcessLookupError):
            proc.terminate()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        if wait_until_answering(url, proc):
            print(f"rewriter: LanguageTool {VERSION} serving on {host}:{port} (check with `rewriter languagetool "
                  f"status {url}`; Ctrl-C stops it)", flush=True)
        elif not stopping:
            print(f"rewriter: LanguageTool {VERSION} did not start on port {port} (see its output above)",
                  file=sys.stderr)
            return 2
        while True:
            try:
                code = proc.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if stopping and time.monotonic() - stopping[0] > 15:
                    proc.kill()
        return 0 if stopping else (code or 0)
    finally:
        stop(proc)
        for s, handler in previous.items():
            signal.signal(s, handler)
