"""The demo project: Dutch interview transcripts about career guidance, coded."""

from lobcoder.demo.build import create_demo_project, default_demo_path

__all__ = ["create_demo_project", "default_demo_path"]
