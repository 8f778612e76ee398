"""rewriter: a plain-language checker and rewriter for newsrooms."""

from rewriter.config import Config, load_config
from rewriter.engine import analyze
from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity, TextRange

__version__ = "0.1.0"

__all__ = ["Applicability", "Config", "Edit", "Finding", "Fix", "Report", "Severity", "TextRange",
           "__version__", "analyze", "load_config"]
