"""The package's shape, read with ``ast``: no import cycle between its modules (imports inside
functions count: they only hide a cycle until the function runs) and no function longer than 80
lines. Imports under ``if TYPE_CHECKING:`` are left out: they never run."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "rewriter"
MAX_FUNCTION_LINES = 80
# another engineer owns these this session; each entry names why it is waived, and goes when it is fixed
def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking_only(tree: ast.Module) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    return skipped


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports, at the top or in a function. ``from rewriter
    import batch`` imports the module ``rewriter.batch``; ``from rewriter import __version__``
    imports the package ``rewriter`` itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")[: len(name.split(".")) - node.level + (path.name == "__init__.py")]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target not in modules:
                continue
            subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules]
            found.update(subs)
            if len(subs) < len(node.names):
                found.add(target)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def long_functions() -> dict[str, int]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    out[f"{path.relative_to(PACKAGE).as_posix()}:{node.name}"] = lines
    return out


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function(tmp_path: Path) -> None:
    pkg = tmp_path / "rewriter"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from rewriter.b import x\n")
    (pkg / "b.py").write_text("def f():\n    from rewriter import a\n    return a\nx = 1\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from rewriter.a import y\n")
    modules = {"rewriter": pkg / "__init__.py", "rewriter.a": pkg / "a.py", "rewriter.b": pkg / "b.py",
               "rewriter.c": pkg / "c.py"}
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    assert graph == {"rewriter": set(), "rewriter.a": {"rewriter.b"}, "rewriter.b": {"rewriter.a"},
                     "rewriter.c": set()}
    assert cycles(graph) == [["rewriter.a", "rewriter.b"]]


def test_relative_imports_resolve() -> None:
    modules = _modules()
    graph = import_graph()
    assert len(graph) == len(modules) > 40
    # every module the engine needs is found, whatever form the import takes
    assert {"rewriter.config", "rewriter.document", "rewriter.rules"} <= graph["rewriter.engine"]


def test_no_import_cycle() -> None:
    found = cycles(import_graph())
    assert found == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_no_function_over_80_lines() -> None:
    found = long_functions()
    assert found == {}, "functions over 80 lines: " + ", ".join(f"{k} ({n})" for k, n in sorted(found.items()))


def test_one_home_per_idea() -> None:
    """The seams the layout was cut along stay cut."""
    graph = import_graph()
    # the fixer needs no rule module (the grammar guard is on the fixer's side)
    assert not {m for m in graph["rewriter.fix"] if m.startswith("rewriter.rules")}
    # the LanguageTool rule speaks no HTTP itself: the transport is rewriter.languagetool
    grammar = (PACKAGE / "rules" / "grammar.py").read_text(encoding="utf-8")
    assert "urllib" not in grammar and "http.client" not in grammar
    assert "rewriter.languagetool" in graph["rewriter.rules.grammar"]
    # file discovery has one home that check, fix and report share
    assert "rewriter.workspace" in graph["rewriter.cli"] and "rewriter.workspace" in graph["rewriter.reporting.command"]
    assert "rewriter.cli" not in graph["rewriter.reporting.command"]
    # the code-prefix strip is written once (rewriter.model.code_family)
    strips = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
              if 'rstrip("0123456789")' in p.read_text(encoding="utf-8")]
    assert strips == ["model.py"]
