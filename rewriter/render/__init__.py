"""Renderers: each takes Reports and returns text. Line/column exist only here."""

from __future__ import annotations

from rewriter.render.json import render_json
from rewriter.render.text import render_concise, render_text

FORMATS = {"text": render_text, "concise": render_concise, "json": render_json}

__all__ = ["FORMATS", "render_concise", "render_json", "render_text"]
