"""The parts of ``benchmarks/suggestion_quality.py``: corpora, settings, the runner, marks, reports."""
