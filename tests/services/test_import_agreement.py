"""The CLI preview, the core preview and the import agree on every transcript shape."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from lobcoder.cli.main import main
from lobcoder.services.batch_import import ImportOptions, import_files, preview_file
from lobcoder.services.documents import get_document, list_documents
from lobcoder.storage.project import ProjectStore
from tests.importing.transcript_fixtures import write_fixtures


def _cli_preview(project: Path, path: Path) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(project), str(path), "--preview", "--json"]) == 0
    [item] = json.loads(out.getvalue())
    return item


def test_preview_and_import_agree_on_every_fixture(tmp_path: Path) -> None:
    fixtures = write_fixtures(tmp_path / "exports")
    project = tmp_path / "p.lobcoder"
    with ProjectStore.create(project) as store:
        for path, expected in fixtures.items():
            shown = preview_file(path, ImportOptions())
            assert shown.preview is not None, path
            previewed = [(t.speaker, t.label_start, t.start, t.end, t.timestamp_ms) for t in shown.preview.turns]

            cli = _cli_preview(project, path)
            assert cli["source"] == expected.source
            cli_turns = [
                (t["speaker"], t["label_start"], t["start"], t["end"], t["timestamp_ms"])
                for t in cli["preview"]["turns"]
            ]
            assert cli_turns == previewed, path.name
            assert [s["name"] for s in cli["preview"]["speakers"]] == [s.name for s in shown.preview.speakers]

            report = import_files(store, [path], ImportOptions(allow_duplicates=True))
            [result] = report.results
            assert result.status == "imported", result.message
            assert result.source == expected.source
            with store.read() as session:
                stored = get_document(session, result.document)
            assert [(t.speaker, t.label_start, t.start, t.end, t.timestamp_ms) for t in stored.turns] == previewed
            assert [(t.speaker, t.timestamp_ms) for t in stored.turns] == list(expected.turns)
            assert stored.text == shown.extracted.text
        with store.read() as session:
            assert len(list_documents(session)) == len(fixtures)


def test_teams_vtt_preview_shows_both_speakers_and_four_turns(tmp_path: Path) -> None:
    fixtures = write_fixtures(tmp_path / "exports")
    teams = next(p for p in fixtures if p.name == "teams.vtt")
    project = tmp_path / "p.lobcoder"
    ProjectStore.create(project).close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(project), str(teams), "--preview"]) == 0
    text = out.getvalue()
    assert f"{teams} (Microsoft Teams, .vtt): 4 turns" in text
    assert "  Bakker, Lotte: 2 turns" in text and "  Jansen, Sem: 2 turns" in text
