"""``lobcoder suggest``, ``evaluate-suggestions`` and ``nlp-info`` end to end."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
from pathlib import Path

import pytest
from suggest_corpus import HELD_OUT, NEUTRAL, Corpus, add_transcript, transcript

from lobcoder.cli import suggest as suggest_cli
from lobcoder.errors import LobcoderError
from lobcoder.services.codes import update_code

pytestmark = pytest.mark.project_file("the command line opens project files")


def run(*args: str | Path) -> tuple[int, str, str]:
    # Its own parser: cli/main.py registers these commands too, and tests should not depend on that.
    parser = argparse.ArgumentParser(prog="lobcoder")
    suggest_cli.register(parser.add_subparsers())
    parsed = parser.parse_args([str(a) for a in args])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = parsed.handler(parsed)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LOBCODER_NLP_OFFLINE", "1")
    with corpus.store.transaction() as session:
        update_code(session, corpus.code_ids["leren"], keywords="intervisie\ndocent … samen leren")
    text = transcript([(HELD_OUT["leren"], NEUTRAL[2]), (NEUTRAL[3], HELD_OUT["visie"])])
    add_transcript(corpus.store, "Nieuw", text)
    path = corpus.store.path
    corpus.store.close()
    return path


def test_suggest_json_lists_spans_codes_scores_and_reasons(project: Path) -> None:
    code, out, _ = run("suggest", project, "--document", "Nieuw", "--json", "--min-score", "0.3")
    assert code == 0
    data = json.loads(out)
    assert data["document"] == "Nieuw"
    assert data["pipeline"].startswith("offline")
    assert data["training"]["status"] == "trained"
    first = data["suggestions"][0]
    assert set(first) >= {"start", "end", "code_name", "code_guid", "score", "sources", "reason", "unit", "text"}
    assert {s["text"] for s in data["suggestions"]} == set(HELD_OUT.values())
    leren = next(s for s in data["suggestions"] if s["code_name"] == "Thema A")
    assert leren["sources"] == ["codebook", "learned"] and "keywords: intervisie" in leren["reason"]
    assert leren["reliability"]["examples"] == 10 and leren["threshold"] == 0.3  # as asked

    code, out, err = run("suggest", project, "--document", "Nieuw", "--limit", "1", "--no-train")
    assert code == 0
    assert out.splitlines()[-1] == "1 suggestion for Nieuw"
    assert "\tThema A\t" in out or "\tThema B\t" in out


def test_suggest_for_an_unknown_document_is_an_error(project: Path) -> None:
    with pytest.raises(LobcoderError, match="no document named"):
        run("suggest", project, "--document", "Bestaat niet")


def test_evaluate_prints_precision_recall_f1_and_reliability_per_code(project: Path) -> None:
    code, out, _ = run("evaluate-suggestions", project, "--folds", "2", "--min-examples", "3")
    assert code == 0
    assert "2-fold cross-validation over 2 coded documents" in out
    assert "micro P" in out and "macro P" in out and "top-10 P" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.split()}
    assert len(lines["codebook"].split()) == 8  # name and seven figures
    assert len(lines["learned"].split()) == 8
    rows = [line for line in out.splitlines() if line.startswith(("Thema A", "Thema B"))]
    assert len(rows) == 2
    for row in rows:
        cells = row.split()[-8:]
        assert cells[0] == "10"  # coded sentences
        assert cells[-1] in ("yes", "NO")
        assert 0.1 <= float(cells[1]) <= 0.9  # the code's own threshold

    code, out, _ = run("evaluate-suggestions", project, "--folds", "2", "--json")
    result = json.loads(out)
    assert [m["method"] for m in result["methods"]] == ["codebook", "learned", "combined"]
    assert {"precision", "recall", "f1"} <= set(result["methods"][2]["micro"])
    assert {"threshold", "reliable", "support"} <= set(result["methods"][2]["per_code"][0])


def test_evaluate_curve_prints_f1_per_number_of_documents(project: Path) -> None:
    code, out, _ = run("evaluate-suggestions", project, "--curve", "--runs", "2")
    assert code == 0
    assert "learning curve" in out
    rows = [line.split() for line in out.splitlines() if line.split() and line.split()[0].isdigit()]
    assert [r[0] for r in rows] == ["1"]
    assert 0.0 <= float(rows[0][1]) <= 1.0


def test_nlp_info_names_the_pipeline_and_how_to_get_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOBCODER_NLP_OFFLINE", "1")
    code, out, _ = run("nlp-info")
    assert code == 0
    assert "active pipeline: offline: blank nl + lookup lemmas + sentencizer" in out
    assert "python -m spacy download nl_core_news_sm" in out
    code, out, _ = run("nlp-info", "--json")
    info = json.loads(out)
    assert info["full_model"] is False and info["model"] == "nl_core_news_sm"
