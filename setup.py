"""Packages for setuptools; everything else is in pyproject.toml.

The shipped resources live in the top-level ``resources/`` folder (beside
``lobcoder/``); wheels carry it as the ``lobcoder.resources`` package, which
``lobcoder/util/shipped.py`` reads when lobcoder is installed. pyproject.toml
alone cannot add a package from outside the package tree, hence this file.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["lobcoder", "lobcoder.*"]), "lobcoder.resources"],
    package_dir={"lobcoder.resources": "resources"},
)
