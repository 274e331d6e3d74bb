"""The shipped resources (top-level ``resources/``) reach a wheel and work from a plain install.

Helpers and tests run lobcoder from the source tree (``PYTHONPATH``), README
and CI from an editable install; users get a wheel. The translations, the demo
data and the research codebook must be found in all three. The wheel is built
without network when this environment has the build backend; otherwise pip
fetches it, and offline the wheel test is skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from lobcoder.util.shipped import checkout_folder, shipped

ROOT = Path(__file__).resolve().parents[1]
# What setuptools needs to build the wheel; copied so the build leaves the checkout alone.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "lobcoder", "resources")

BUILD_REQUIRES: list[str] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"][
    "requires"
]

CHECK_INSTALLED = """
import sqlite3, sys
from pathlib import Path
import lobcoder
from lobcoder.util.shipped import checkout_folder
assert Path(lobcoder.__file__).is_relative_to(sys.argv[1]), lobcoder.__file__
assert checkout_folder() is None
from PySide6.QtCore import QCoreApplication
from lobcoder.gui.i18n import install_translations
app = QCoreApplication([])
assert install_translations(app, "nl") == "nl"
print(QCoreApplication.translate("MenuActions", "&File"))
from lobcoder.codebook.builtin import load_builtin_codebook
print(load_builtin_codebook("nl").count())
from lobcoder.demo.build import create_demo_project
demo = create_demo_project(Path(sys.argv[2]) / "demo.lobcoder")
print(sqlite3.connect(demo).execute("SELECT count(*) FROM documents").fetchone()[0])
"""


def _backend_installed() -> bool:
    """Whether this environment has what ``[build-system] requires``: then the wheel is built without network."""
    for text in BUILD_REQUIRES:
        requirement = Requirement(text)
        try:
            version = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(version, prereleases=True):
            return False
    return True


def _shipped_files() -> list[str]:
    folder = checkout_folder()
    assert folder is not None, "the tests run from a checkout"
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_checkout_reads_its_own_resources_folder() -> None:
    assert checkout_folder() == ROOT / "resources"
    assert shipped("translations", "lobcoder_nl.qm").is_file()
    assert {"translations/lobcoder_nl.qm", "translations/lobcoder_nl.ts", "codebook/lob_codebook.json"} <= set(
        _shipped_files()
    )
    assert not (ROOT / "lobcoder" / "resources").exists(), "resources live in the top-level folder only"


def test_the_wheel_carries_the_resources_and_works_installed_without_the_checkout(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    isolation = ["--no-build-isolation"] if _backend_installed() else []
    built = subprocess.run(
        [*pip, "wheel", str(source), "--no-deps", "-q", "-w", str(wheels), *isolation],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if built.returncode != 0 and not isolation and "build dependencies" in built.stderr:
        pytest.skip(
            f"the build backend ({', '.join(BUILD_REQUIRES)}) is not installed here and pip could not fetch it "
            "(offline?); install it in this environment to run this test without network"
        )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("lobcoder-*.whl")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = {f"lobcoder/resources/{name}" for name in _shipped_files()}
    assert expected <= names, sorted(expected - names)
    assert {"lobcoder/resources/translations/lobcoder_nl.qm", "lobcoder/resources/demo/memos.json"} <= names
    assert not any(name.startswith("resources/") for name in names), "no top-level resources package"

    target = tmp_path / "installed"
    subprocess.run([*pip, "install", "-q", "--no-deps", "--target", str(target), str(wheel)], check=True, timeout=600)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK_INSTALLED, str(target), str(work)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    menu, codes, documents = result.stdout.split()
    assert menu == "&Bestand"  # the Dutch .qm was loaded from the installed package
    assert int(codes) > 20
    assert int(documents) == len(list((ROOT / "resources" / "demo").glob("*.txt")))

    # The developer tool edits a checkout's .ts files; installed, it says so and writes nothing.
    tool = subprocess.run(
        [sys.executable, "-m", "lobcoder.gui.translations_tool", "update"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert tool.returncode == 2, tool.stdout + tool.stderr
    assert "source checkout" in tool.stderr
    assert not (target / "resources").exists()
