"""The layers import downward only: content (models) <- show (pure core) <- adapters <- the composition root, which
nothing imports; adapter packages use one another in one direction only. Every import counts, also those inside
functions (they are where cycles hide)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests import REPO

PACKAGE = REPO / "installation"

# Lowest first. A module may import modules of its own tier or of lower tiers.
TIERS = {
    "base": 0,  # neutral helpers anyone may use: installation/__init__.py, threads.py, hooks.py
    "content": 1,
    "show": 2,
    "kiosk": 3, "control": 3, "authoring": 3, "ops": 3, "fleet": 3,
    "root": 4,
}
BASE = {"installation", "installation.threads", "installation.hooks"}
# The composition root: the command line, and the modules that wire adapters together into one program.
ROOT = {"installation.cli", "installation.__main__", "installation.kiosk.play", "installation.bench", "installation.bench_kiosk"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def tier_of(module: str) -> str:
    if module in ROOT:
        return "root"
    if module in BASE:
        return "base"
    area = module.split(".")[1]
    assert area in TIERS, f"{module}: which layer is installation/{area}? (add it to TIERS in {__file__})"
    return area


def imports(path: Path, module: str | None = None) -> list[tuple[str, int]]:
    """Every installation module that `path` (the module `module`) imports, anywhere in it, with the line."""
    module = module or module_name(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package[: len(package) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            for alias in node.names:  # `from . import ops` imports a module; `from .x import name` imports x
                candidate = f"{base}.{alias.name}"
                is_module = (REPO / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                    REPO / Path(*candidate.split(".")) / "__init__.py").exists()
                found.append((candidate if is_module else base, node.lineno))
    return sorted(((name, line) for name, line in found if name == "installation" or name.startswith("installation.")),
                  key=lambda found: found[1])


def edges() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for target, line in imports(path):
            out.append((module_name(path), target, f"{path.relative_to(REPO)}:{line}"))
    return out


def test_every_module_imports_only_its_own_layer_or_lower():
    wrong = [f"{where}: {source} ({tier_of(source)}) imports {target} ({tier_of(target)})"
             for source, target, where in edges() if TIERS[tier_of(target)] > TIERS[tier_of(source)]]
    assert not wrong, "\n".join(wrong)


def test_nothing_imports_the_composition_root():
    wrong = [f"{where}: {source} imports {target}" for source, target, where in edges()
             if target in ROOT and source not in ROOT]
    assert not wrong, "\n".join(wrong)


def test_adapter_packages_use_one_another_in_one_direction():
    uses: dict[str, set[str]] = {}
    where: dict[tuple[str, str], str] = {}
    for source, target, line in edges():
        a, b = tier_of(source), tier_of(target)
        if a != b and TIERS[a] == TIERS[b] == TIERS["kiosk"]:
            uses.setdefault(a, set()).add(b)
            where.setdefault((a, b), line)
    both = sorted((a, b) for a in uses for b in uses[a] if a in uses.get(b, ()) and a < b)
    assert not both, "\n".join(f"{a} and {b} import each other ({where[(a, b)]}, {where[(b, a)]})" for a, b in both)


def test_imports_inside_functions_and_relative_ones_are_seen(tmp_path):
    source = tmp_path / "service.py"
    source.write_text("import os\nfrom ..content import load\n\ndef install():\n    from ..kiosk.play import run\n"
                      "    from . import logs\n    import installation.show.machine\n")
    assert imports(source, "installation.ops.service") == [
        ("installation.content.load", 2), ("installation.kiosk.play", 5), ("installation.ops.logs", 6),
        ("installation.show.machine", 7)]
