"""bench/search_quality.py keeps running, and the analysis keeps beating exact words."""

import importlib.util
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def load_bench():
    path = Path(settings.BASE_DIR) / "bench" / "search_quality.py"
    spec = importlib.util.spec_from_file_location("search_quality", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_runs_and_analysis_beats_the_baseline(capsys):
    bench = load_bench()
    assert sum(len(cases) for cases in bench.QUERIES.values()) >= 150
    assert all(len(cases) >= 50 for cases in bench.QUERIES.values())

    figures = bench.run(verbose=False)

    output = capsys.readouterr().out
    for lang in ("he", "fa", "fi", "all"):
        assert f"\n{lang:5}" in output
    assert figures["recall"] >= 0.9
    assert figures["rr"] >= 0.9
    assert figures["recall"] > figures["base_recall"] + 0.2
