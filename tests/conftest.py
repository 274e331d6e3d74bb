"""Shared fixtures: a real project file in a temporary folder (or, on request, a project on PostgreSQL).

``pytest --project-on=postgresql`` gives every test that takes the ``store``
fixture a project in the PostgreSQL database named by
``LOBCODER_TEST_POSTGRES_URL`` instead of a project file (docs/POSTGRESQL.md);
tests marked ``project_file`` (backups, the file itself) are skipped there,
and without the variable the whole run on a server is skipped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from server_projects import SERVER_URL, emptied_server_project  # noqa: E402

from lobcoder.storage.project import ProjectStore  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--project-on",
        choices=("file", "postgresql"),
        default="file",
        help="where the `store` fixture keeps its project: a project file (default) or the PostgreSQL "
        "database named by LOBCODER_TEST_POSTGRES_URL (docs/POSTGRESQL.md)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "project_file(reason): needs a project file (a backup, the file itself); skipped on a server"
    )


def on_server(config: pytest.Config) -> bool:
    return bool(config.getoption("--project-on") == "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not on_server(config):
        return
    for item in items:
        if (marker := item.get_closest_marker("project_file")) is not None:
            why = marker.args[0] if marker.args else "needs a project file"
            item.add_marker(pytest.mark.skip(reason=f"project file only: {why}"))


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProjectStore]:
    """A new, empty project: a file, or (``--project-on=postgresql``) an emptied server database."""
    if on_server(request.config):
        if not SERVER_URL:
            pytest.skip("set LOBCODER_TEST_POSTGRES_URL to a PostgreSQL database to run (docs/POSTGRESQL.md)")
        with emptied_server_project(SERVER_URL) as project:
            yield project
        return
    project = ProjectStore.create(tmp_path / "project.lobcoder")
    yield project
    project.close()


def _open_files() -> list[str]:
    """Where this process's open files are (Linux: also files that have no name)."""
    links = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            links.append(os.readlink(fd))
        except OSError:
            continue
    return links


@pytest.fixture
def open_files() -> Callable[[], list[str]]:
    """A function listing where this process's open files are (needs /proc)."""
    return _open_files
