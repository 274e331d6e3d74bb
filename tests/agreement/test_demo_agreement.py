"""The demo project shows meaningful agreement: Fenna and Sander both coded the two wave-1 interviews."""

from __future__ import annotations

from pathlib import Path

from lobcoder.agreement.compute import agreement
from lobcoder.agreement.disagreements import disagreements
from lobcoder.analysis.dataset import load_dataset
from lobcoder.demo import create_demo_project
from lobcoder.storage.project import ProjectStore


def test_demo_wave_one_is_double_coded(tmp_path: Path) -> None:
    with ProjectStore.open(create_demo_project(tmp_path / "demo.lobcoder")) as store, store.read() as session:
        dataset = load_dataset(session)
    wave_one = [d.id for d in dataset.documents if d.attributes.get("wave") == "1"]
    assert len(wave_one) == 2
    result = agreement(dataset, ["Fenna", "Sander"], "sentence", wave_one)
    pooled = result.tables[0].pooled
    assert 0.6 < pooled.values["cohen"] < 0.9  # good but not perfect: there is something to discuss
    assert pooled.counts[3] >= 20  # sentences both coded with the same code
    found = disagreements(dataset, ["Fenna", "Sander"], "sentence", wave_one)
    assert len(found) == pooled.counts[1] + pooled.counts[2] > 5
