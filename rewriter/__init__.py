"""rewriter: a plain-language checker and rewriter for newsrooms.

The public API (DESIGN.md §9): ``analyze(text) -> Report`` and ``rewrite(text, unsafe=False)
-> Rewrite``. Nothing here imports spaCy; the pipeline loads on the first analysis.
"""

from rewriter.config import Config, load_config
from rewriter.engine import analyze
from rewriter.fix import Rewrite, Skipped, rewrite
from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity

__version__ = "0.1.0"

__all__ = ["Applicability", "Config", "Edit", "Finding", "Fix", "Report", "Rewrite", "Severity", "Skipped",
           "__version__", "analyze", "load_config", "rewrite"]
