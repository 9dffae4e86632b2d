"""The lint's function-length check (scripts/check_function_length.py; `make lint`, CI)."""

import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "check_function_length.py"


def check(folder):
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(folder)], capture_output=True, text=True, check=False
    )


def test_a_function_over_50_lines_fails_the_lint_and_is_named(tmp_path):
    body = "".join(f"    x{i} = {i}\n" for i in range(49))
    (tmp_path / "fits.py").write_text(f"def fits():\n{body}", encoding="utf-8")  # 50 lines
    assert check(tmp_path).returncode == 0

    method = textwrap.indent(f"def serve(self):\n{body}    y = 1\n", "    ")  # 51 lines
    (tmp_path / "long.py").write_text(f"class Page:\n{method}", encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1
    assert "long.py:2: serve is 51 lines long" in result.stdout
    assert "fits.py" not in result.stdout


def test_bench_is_left_out_and_the_project_passes(tmp_path):
    (tmp_path / "bench").mkdir()
    body = "".join(f"    x{i} = {i}\n" for i in range(60))
    (tmp_path / "bench" / "long.py").write_text(f"def run():\n{body}", encoding="utf-8")
    assert check(tmp_path).returncode == 0
    project = check(settings.BASE_DIR)
    assert project.returncode == 0, project.stdout
