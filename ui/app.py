"""Shim: the web editor ships in the package (rewriter/ui/app.py) so `rewriter ui` works from any install."""

from rewriter.ui.app import main

main()
