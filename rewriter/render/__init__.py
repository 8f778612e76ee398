"""Renderers: each takes Reports and returns text. Line/column exist only here."""

from __future__ import annotations

from rewriter.render.github import render_github, write_github
from rewriter.render.json import render_json, write_json
from rewriter.render.sarif import render_sarif, write_sarif
from rewriter.render.text import render_concise, render_text, write_concise, write_text

FORMATS = {"text": render_text, "concise": render_concise, "json": render_json, "sarif": render_sarif,
           "github": render_github}
# the same output written to a stream as each report comes: writer(out, reports, errors), where
# ``reports`` may be a generator and ``errors`` is read after it (SARIF needs every report first)
WRITERS = {"text": write_text, "concise": write_concise, "json": write_json, "github": write_github}

__all__ = ["FORMATS", "WRITERS", "render_concise", "render_github", "render_json", "render_sarif", "render_text",
           "write_concise", "write_github", "write_json", "write_sarif", "write_text"]
