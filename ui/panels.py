"""Shim: the editor's panels ship in the package (rewriter/ui/panels.py)."""

from rewriter.ui.panels import *  # noqa: F403
from rewriter.ui.panels import __all__  # noqa: F401
