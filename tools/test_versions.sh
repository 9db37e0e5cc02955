#!/usr/bin/env bash
# make test-colab | test-latest | test-oldest: the notebooks as a learner gets them, with one set of versions.
#
#     tools/test_versions.sh colab    # Colab's versions, on Python 3.13 (Colab's) where the machine has one
#     tools/test_versions.sh latest   # the newest release of every dependency: no pins
#     tools/test_versions.sh oldest   # every lower bound in pyproject.toml (numpy>=1.26 -> numpy==1.26.*), Python 3.11
#
# Build the wheel, install it in a fresh environment with those versions (not the checkout), copy the
# notebooks alone into an empty folder outside the repository, and run every one to the end without
# network where the machine allows it (a network namespace with loopback only). Stored outputs are not
# compared (versions print differently): each notebook's asserts are its bars. Fails if any notebook fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
PYTHON=${PYTHON:-python3}
# ipykernel, nbclient and nbformat run the notebooks; they are not dependencies of the package.

# The first python$1 that runs: on PATH, else pyenv's; otherwise $PYTHON, and say so.
pick_python() {
    local candidate
    for candidate in "python$1" "$(pyenv prefix "$1" 2>/dev/null)/bin/python$1"; do
        if "$candidate" -c '' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "no Python $1 on this machine ($2): using $PYTHON instead, $("$PYTHON" -V 2>&1)" >&2
    echo "$PYTHON"
}

case $mode in
    colab)  # Colab's runtime of August 2026 (ipykernel 6, as Colab has)
        python=$(pick_python 3.13 "Colab runs 3.13")
        pins=(tensorflow==2.20.0 keras==3.13.2 numpy==2.1.3 matplotlib==3.10.0 "ipykernel>=6,<7" nbclient nbformat) ;;
    latest)  # whatever the resolver gives today: the newest releases that install together
        python=$PYTHON
        pins=(tensorflow keras numpy matplotlib num2words ipykernel nbclient nbformat) ;;
    oldest)  # pyproject.toml's lower bounds: a bound X.Y means release X.Y with its newest patch
        python=$(pick_python 3.11 "the oldest Python that pyproject.toml allows")
        mapfile -t pins < <(.venv/bin/python - <<'PY'
import tomllib
from packaging.requirements import Requirement

with open("pyproject.toml", "rb") as f:
    for line in tomllib.load(f)["project"]["dependencies"]:
        requirement = Requirement(line)
        (bound,) = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        print(f"{requirement.name}=={bound}" + (".*" if bound.count(".") < 2 else ""))
PY
        )
        if [ ${#pins[@]} -eq 0 ]; then
            echo "could not read the lower bounds from pyproject.toml" >&2
            exit 1
        fi
        pins+=("ipykernel>=6,<7" nbclient nbformat) ;;
    *)
        echo "usage: $0 colab|latest|oldest" >&2
        exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "make test-$mode: installing ${pins[*]} and the wheel, with $("$python" -V 2>&1)"
.venv/bin/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir "$work/wheel" .
"$python" -m venv "$work/env"
"$work/env/bin/python" -m pip install --quiet --upgrade pip
# One resolve for the pins and the wheel, so the versions also satisfy the package's declared ranges.
"$work/env/bin/python" -m pip install --quiet "${pins[@]}" "$work"/wheel/rnn_tutorial-*.whl
echo "installed in $SECONDS s"
mkdir "$work/notebooks"
cp notebooks/[0-9][0-9]_*.ipynb "$work/notebooks/"
cp tools/run_notebooks.py "$work/"
cd "$work"  # from here on nothing of the repository is in reach
export JUPYTER_DATA_DIR="$work/jupyter" JUPYTER_CONFIG_DIR="$work/jupyter-config"
"$work/env/bin/python" - "$mode" <<'PY'
import platform
import sys
from importlib.metadata import version

import rnn_tutorial

names = ("tensorflow", "keras", "numpy", "matplotlib", "num2words", "ipykernel", "nbclient", "nbformat")
print(f"{sys.argv[1]}: Python {platform.python_version()} | " + " | ".join(f"{n} {version(n)}" for n in names))
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
