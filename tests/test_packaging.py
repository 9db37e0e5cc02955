"""The package builds into a wheel that carries its data and asks only for loose lower bounds."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "rnn_tutorial", source / "rnn_tutorial", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(out), str(source)], check=True, capture_output=True)
    (path,) = out.glob("rnn_tutorial-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_holds_every_module_and_data_file(wheel):
    names = set(wheel.namelist())
    for path in (ROOT / "rnn_tutorial").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert path.relative_to(ROOT).as_posix() in names


def test_wheel_metadata_has_only_lower_bounds(wheel):
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    requires = [line.split(": ", 1)[1] for line in wheel.read(metadata).decode().splitlines()
                if line.startswith("Requires-Dist: ")]
    assert sorted(r.split(">=")[0] for r in requires) == ["keras", "matplotlib", "num2words", "numpy", "tensorflow"]
    assert all(">=" in r and "<" not in r and "==" not in r for r in requires)
