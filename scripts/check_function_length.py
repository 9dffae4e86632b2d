"""Fails when a function or method is longer than MAX_LINES lines (from `def` to its last line,
as radon counts them), anywhere in the project's Python outside bench/ and .venv: `make lint`
and .ci/run run it. Usage: python scripts/check_function_length.py [FOLDER ...]"""

import ast
import os
import sys
from pathlib import Path

MAX_LINES = 50
ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {"bench", ".venv", ".git", "node_modules", "var", "__pycache__"}


def long_functions(path):
    """(line, name, length) of each function in `path` longer than MAX_LINES."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_LINES:
                yield node.lineno, node.name, length


def python_files(folders):
    """The .py files under `folders`, outside the skipped folders (not even walked into)."""
    for folder in folders:
        for parent, dirs, files in os.walk(folder):
            dirs[:] = sorted(name for name in dirs if name not in SKIPPED)
            yield from (Path(parent) / name for name in sorted(files) if name.endswith(".py"))


def main(folders):
    found = [
        f"{os.path.relpath(path, ROOT)}:{line}: {name} is {length} lines long (at most {MAX_LINES})"
        for path in python_files(folders)
        for line, name, length in long_functions(path)
    ]
    print("\n".join(found) or f"No function over {MAX_LINES} lines outside bench/.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main([Path(arg).resolve() for arg in sys.argv[1:]] or [ROOT]))
