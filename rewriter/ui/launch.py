"""``rewriter ui [PATH]``: start the web editor with Streamlit on a free local port.

The app script ships inside the package (``rewriter/ui/app.py``), so this works the same after
``pip install -e .`` and after a regular install. The draft to open and the configuration file go
to the app through environment variables (``REWRITER_UI_PATH``, ``REWRITER_UI_CONFIG``).

On POSIX the command replaces itself with the Streamlit server (``exec``): SIGTERM from a process
manager, ``docker stop`` or a test fixture, and Ctrl-C, reach the server itself, so nothing is left
serving. Elsewhere it runs the server as a child, forwards SIGTERM / SIGINT to it and waits.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from rewriter.ui import APP_PATH


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", metavar="PATH", help="draft to open (.txt, .md, .docx; default: the seed draft)")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found upward from PATH)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.add_argument("--open", action="store_true", help="also open a browser")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def streamlit_command(app: Path, host: str, port: int, headless: bool = True) -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.address", host, "--server.port", str(port),
        "--server.headless", "true" if headless else "false",
        "--server.maxUploadSize", "50",  # the app refuses more than 2 MB itself, in its error box
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--theme.base", "light",
        "--client.toolbarMode", "minimal",
    ]


def run(args: argparse.Namespace, argv_extra: Sequence[str] = ()) -> int:
    if importlib.util.find_spec("streamlit") is None:
        print("rewriter: error: the web editor needs Streamlit: pip install 'rewriter[ui]'", file=sys.stderr)
        return 2
    env = dict(os.environ)
    if args.path:
        path = Path(args.path)
        if not path.is_file():
            print(f"rewriter: error: {args.path}: no such file", file=sys.stderr)
            return 2
        env["REWRITER_UI_PATH"] = str(path.resolve())
    if args.config:
        cfg = Path(args.config)
        if not cfg.is_file():
            print(f"rewriter: error: {args.config}: config file not found", file=sys.stderr)
            return 2
        env["REWRITER_UI_CONFIG"] = str(cfg.resolve())
    port = args.port or free_port(args.host)
    url = f"http://{args.host}:{port}"
    if args.path:
        what = args.path
    else:
        from rewriter.editor import find_seeds

        seeds = find_seeds(os.environ.get("REWRITER_SEEDS", ""))
        what = f"the seed draft ({seeds[0]})" if seeds else "an empty draft (no seeds/ folder here; pass a PATH)"
    print(f"rewriter: the editor opens {what} at {url} (Ctrl-C stops it)", flush=True)
    command = streamlit_command(APP_PATH, args.host, port, headless=not args.open) + list(argv_extra)
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execve(command[0], command, env)  # never returns: this process becomes the server
    return run_forwarding(command, env)


def run_forwarding(command: Sequence[str], env: dict[str, str]) -> int:
    """Run ``command``, pass SIGTERM / SIGINT on to it, and wait for it to end (where exec is not used)."""
    child = subprocess.Popen(list(command), env=env)
    caught = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.getsignal(sig) for sig in caught}

    def forward(signum: int, frame: FrameType | None) -> None:
        if child.poll() is None:
            child.send_signal(signum)

    for sig in caught:
        signal.signal(sig, forward)
    try:
        while True:
            try:
                code = child.wait()
                break
            except KeyboardInterrupt:  # pragma: no cover - the handler above takes SIGINT
                forward(signal.SIGINT, None)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if code in (0, -signal.SIGTERM, -signal.SIGINT) else code


__all__ = ["add_arguments", "free_port", "run", "run_forwarding", "streamlit_command"]
