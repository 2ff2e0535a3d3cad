"""Fixtures for the linter tests (the project builder itself is in project.py, shared with the storyboard tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .project import Project, make_good_project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_good_project(tmp_path / "project")
