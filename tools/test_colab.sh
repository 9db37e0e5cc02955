#!/usr/bin/env bash
# make test-colab: the notebooks as a Colab user gets them. Build the wheel, install it in a
# fresh environment with Colab's versions (not the checkout), copy the notebooks alone into an
# empty folder outside the repository, and execute each one without network where the machine
# allows it (a network namespace with loopback only). Fails on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
COLAB_PINS=(tensorflow==2.20.0 keras==3.13.2 numpy==2.1.3 matplotlib==3.10.0 "ipykernel>=6,<7" nbclient nbformat)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir "$work/wheel" .
"$PYTHON" -m venv "$work/env"
"$work/env/bin/python" -m pip install --quiet --upgrade pip
"$work/env/bin/python" -m pip install --quiet "${COLAB_PINS[@]}"
"$work/env/bin/python" -m pip install --quiet "$work"/wheel/rnn_tutorial-*.whl
mkdir "$work/notebooks"
cp notebooks/[0-9][0-9]_*.ipynb "$work/notebooks/"
cp tools/run_notebooks.py "$work/"
cd "$work"  # from here on nothing of the repository is in reach
export JUPYTER_DATA_DIR="$work/jupyter" JUPYTER_CONFIG_DIR="$work/jupyter-config"
"$work/env/bin/python" - <<'PY'
import platform
from importlib.metadata import version
import rnn_tutorial
print("Colab-like environment: Python", platform.python_version(), "|",
      " | ".join(f"{p} {version(p)}" for p in ("tensorflow", "keras", "numpy", "matplotlib", "ipykernel")))
print("rnn_tutorial from", rnn_tutorial.__file__)
assert "site-packages" in rnn_tutorial.__file__, "the package must come from the installed wheel"
PY
run=("$work/env/bin/python" run_notebooks.py notebooks)
if unshare --net true 2>/dev/null; then
    echo "running without network (a namespace with loopback only)"
    unshare --net sh -c 'ip link set lo up && exec "$@"' sh "${run[@]}"
else
    echo "this machine cannot make a network namespace: running with the network it has"
    "${run[@]}"
fi
