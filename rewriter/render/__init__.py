"""Renderers: each takes Reports and returns text. Line/column exist only here."""

from __future__ import annotations

from rewriter.render.github import render_github
from rewriter.render.json import render_json
from rewriter.render.sarif import render_sarif
from rewriter.render.text import render_concise, render_text

FORMATS = {"text": render_text, "concise": render_concise, "json": render_json, "sarif": render_sarif,
           "github": render_github}

__all__ = ["FORMATS", "render_concise", "render_github", "render_json", "render_sarif", "render_text"]
