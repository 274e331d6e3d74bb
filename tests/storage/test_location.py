"""A project in a folder a sync tool watches is named with a warning."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from lobcoder.__main__ import main
from lobcoder.storage.location import sync_service
from lobcoder.storage.project import ProjectStore


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("C:/Users/anna/OneDrive - Hogeschool Utrecht/PhD/studie.lobcoder", "OneDrive"),
        ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/studie.lobcoder", "iCloud Drive"),
        ("/home/anna/Dropbox/PhD/studie.lobcoder", "Dropbox"),
        ("/home/anna/SURFdrive/studie.lobcoder", "SURFdrive"),
        ("/Users/anna/Library/CloudStorage/OneDrive-Personal/studie.lobcoder", "OneDrive"),
        ("/Users/anna/Library/CloudStorage/GoogleDrive-anna@uu.nl/PhD/studie.lobcoder", "Google Drive"),
        ("/home/anna/Dropbox (Persoonlijk)/studie.lobcoder", "Dropbox"),
        ("/home/anna/Nextcloud/studie.lobcoder", "Nextcloud"),
        ("/home/anna/Documenten/PhD/studie.lobcoder", None),
        ("/home/anna/dropbox-notes/studie.lobcoder", None),
    ],
)
def test_sync_folders_are_recognised(path: str, service: str | None) -> None:
    assert sync_service(path) == service


def test_info_warns_about_a_synced_folder(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Universiteit Utrecht"
    folder.mkdir()
    project = folder / "studie.lobcoder"
    ProjectStore.create(project).close()
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(["info", str(project)]) == 0
    (line,) = err.getvalue().splitlines()
    assert line.startswith(f"warning: {project}: lies in a OneDrive folder")
