import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def lavrov_dir() -> Path:
    return ROOT / "inputs" / "lavrov-2021"


@pytest.fixture(autouse=True)
def _reproducible_dates(monkeypatch):
    """Every test build uses one fixed build date (SOURCE_DATE_EPOCH), as reproducible builds do."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")  # 2026-11-23
