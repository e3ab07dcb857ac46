"""Type hints: mypy passes on breachnlp/ (configured in pyproject.toml), the package is marked typed,
and the public API is annotated throughout."""
from __future__ import annotations

import inspect
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import breachnlp

ROOT = Path(__file__).resolve().parents[1]


def test_typing_mypy_passes_on_the_package():
    pytest.importorskip("mypy")
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typing_py_typed_marker_ships_with_the_package():
    assert (Path(breachnlp.__file__).parent / "py.typed").exists()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in config["tool"]["setuptools"]["package-data"]["breachnlp"]
    assert config["tool"]["mypy"]["files"] == ["breachnlp"]


@pytest.mark.parametrize("name", [n for n in breachnlp.__all__ if callable(getattr(breachnlp, n))
                                  and not isinstance(getattr(breachnlp, n), type)])
def test_typing_public_functions_are_annotated(name):
    signature = inspect.signature(getattr(breachnlp, name))
    missing = [p.name for p in signature.parameters.values()
               if p.annotation is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    assert missing == [], f"{name}: parameters without a type: {missing}"
    assert signature.return_annotation is not inspect.Signature.empty, f"{name}: no return type"
