"""The shipped guidance trees, loaded once for the tests that check their content."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.core.catalog import Catalog
from wizard.library.folder import load_folder

SHIPPED_TREES = Path(__file__).resolve().parents[2] / "trees"


@pytest.fixture(scope="session")
def shipped() -> Catalog:
    """The catalog of the trees in `trees/`, as the program ships them."""
    return load_folder(SHIPPED_TREES)
