"""Execute notebooks in a folder, in the current interpreter's kernel, and fail on the first error.

    python run_notebooks.py FOLDER

Used by `make test-colab` in a fresh environment, on copies of the notebooks:
it reads nothing from the repository and imports `rnn_tutorial` from wherever
the interpreter finds it (there: the installed wheel).
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(folder: str) -> int:
    paths = sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        print(f"no notebooks in {folder}", file=sys.stderr)
        return 1
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        try:
            NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(path.parent)}},
                           ).execute()
        except CellExecutionError as error:
            print(f"FAILED {path.name}:\n{error}", file=sys.stderr)
            return 1
        print(f"ok {path.name} in {time.perf_counter() - start:.1f} s", flush=True)
    print(f"{len(paths)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
