"""Release folders without Ansible: ids, manifests, verification, the atomic switch, rollback order and pruning."""

from __future__ import annotations

import json
import os
import shutil
import tarfile
from pathlib import Path

import pytest

from installation.ops import release as rel


def unpacked(project: Path, base: Path) -> tuple[str, Path]:
    """Pack the project and unpack it into base/releases/ as a deploy does; returns (id, the incoming folder)."""
    pack = base.parent / f"pack-{base.name}.tar"
    release = rel.pack(project, pack)
    rel.prepare(base)
    with tarfile.open(pack) as tar:
        tar.extractall(base / "releases", filter="data")
    return release, base / "releases" / f"{rel.INCOMING}{release}"


def test_the_id_is_the_content_wherever_it_is(project, tmp_path):
    first = rel.loaded_release(project)
    moved = tmp_path / "elsewhere"
    shutil.copytree(project, moved)
    assert rel.loaded_release(moved) == first and rel.ID_PATTERN.match(first)
    (moved / "stories" / "alpha.yaml").write_text("# changed\n", encoding="utf-8")
    assert rel.loaded_release(moved) != first
    (moved / "notes.txt").write_text("not content", encoding="utf-8")  # outside config/, stories/, media/
    (moved / "stories" / "alpha.yaml").write_text((project / "stories" / "alpha.yaml").read_text(), encoding="utf-8")
    assert rel.loaded_release(moved) == first


def test_a_plain_checkout_is_hashed_once(project, monkeypatch):
    first = rel.loaded_release(project)
    reads = []
    monkeypatch.setattr(rel, "file_hash", lambda path: reads.append(path) or "x")
    assert rel.loaded_release(project) == first and reads == []  # nothing changed: nothing read again
    story = project / "stories" / "alpha.yaml"
    story.write_text(story.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert rel.loaded_release(project) != first and reads == [story]


def test_install_verifies_every_file_and_switch_is_one_rename(project, tmp_path):
    base = tmp_path / "kiosk"
    first, incoming = unpacked(project, base)
    (incoming / "stories" / "beta.yaml").unlink()
    with pytest.raises(rel.ReleaseError, match="beta.yaml: missing"):
        rel.install(base, incoming)
    assert rel.current(base) is None and not (base / "releases" / first).exists()

    first, incoming = unpacked(project, base)  # prepare() removed the broken copy first
    assert rel.install(base, incoming) == first and not incoming.exists()
    assert rel.switch(base, first) is None
    assert os.readlink(base / "current") == f"releases/{first}"
    assert rel.verify(base / "current") == [] and rel.loaded_release(base / "current") == first

    (project / "media" / "extra.txt").write_text("more", encoding="utf-8")
    second, incoming = unpacked(project, base)
    (incoming / "media" / "extra.txt").write_text("tampered", encoding="utf-8")
    with pytest.raises(rel.ReleaseError, match="content differs"):
        rel.install(base, incoming)
    second, incoming = unpacked(project, base)
    rel.install(base, incoming)
    assert rel.switch(base, second) == first
    assert rel.current(base) == second and rel.previous(base) == first
    assert sorted(p.name for p in base.iterdir()) == ["current", "releases"]  # no temporary link left behind


def test_rollback_order_and_pruning_keep_the_live_release(project, tmp_path):
    base = tmp_path / "kiosk"
    ids = []
    for n in range(4):
        (project / "stories" / "alpha.yaml").write_text(f"# version {n}\n", encoding="utf-8")
        release, incoming = unpacked(project, base)
        rel.install(base, incoming)
        rel.switch(base, release)
        ids.append(release)
    assert rel.releases(base) == ids[::-1]
    assert rel.previous(base) == ids[2]
    rel.switch(base, ids[1])  # a rollback to an older one
    assert rel.releases(base)[0] == ids[1] and rel.previous(base) == ids[3]
    removed = rel.prune(base, keep=1)
    assert set(removed) == {ids[0], ids[2]} and rel.releases(base) == [ids[1], ids[3]]
    with pytest.raises(rel.ReleaseError, match="no such release"):
        rel.switch(base, ids[0])
    assert rel.current(base) == ids[1]


def test_command_line_reports_plainly(project, tmp_path, capsys):
    base = tmp_path / "kiosk"
    assert rel.main(["rollback", "--base", str(base)]) == 1
    assert "no earlier release" in capsys.readouterr().err
    release, incoming = unpacked(project, base)
    assert rel.main(["install", "--switch", "--base", str(base), str(incoming)]) == 0
    assert json.loads(capsys.readouterr().out) == {"before": None, "current": release, "installed": release}
    assert rel.main(["list", "--base", str(base)]) == 0
    assert capsys.readouterr().out.split() == ["*", release]
    assert rel.main(["verify", str(tmp_path)]) == 1
    assert "not a release manifest" in capsys.readouterr().err
