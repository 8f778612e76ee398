"""The Streamlit web editor (``rewriter ui``). ``app.py`` is the script Streamlit runs; ``panels.py``
draws plain data. Both ship inside the package, so ``rewriter ui`` works from any install; the
repository's ``ui/app.py`` is a one-line shim that runs the same app."""

from pathlib import Path

APP_PATH = Path(__file__).resolve().parent / "app.py"

__all__ = ["APP_PATH"]
