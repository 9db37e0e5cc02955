"""Execute every notebook in a folder, each in a fresh kernel of the current interpreter; fail if any fails.

    python run_notebooks.py FOLDER

Used by `make test-colab`, `make test-latest` and `make test-oldest` (tools/test_versions.sh)
in a fresh environment, on copies of the notebooks: it reads nothing from the repository and
imports `rnn_tutorial` from wherever the interpreter finds it (there: the installed wheel).
Every notebook runs to its end or its first error, even after another one failed, so one
run names every failure. Outputs are not compared; a notebook's asserts are its bars.
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def main(folder: str) -> int:
    paths = sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        print(f"no notebooks in {folder}", file=sys.stderr)
        return 1
    failed = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        try:
            NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(path.parent)}},
                           ).execute()
        except Exception as error:  # an error in a cell, a cell past the timeout, a dead kernel
            seconds = time.perf_counter() - start
            print(f"FAILED {path.name} after {seconds:.1f} s:\n{error}", file=sys.stderr, flush=True)
            failed.append(path.name)
            continue
        print(f"ok {path.name} in {time.perf_counter() - start:.1f} s", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}")
    print(f"{len(paths) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
