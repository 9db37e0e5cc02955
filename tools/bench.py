"""`make bench`: what the series costs to run, measured on this machine.

For every notebook: the wall time of a top-to-bottom run in a fresh kernel
(on a copy, the notebook itself is not touched) and the kernel's peak memory
(VmHWM, the most resident memory the process ever held). Then the numpy RNN's
forward and backward passes on a batch against a per-example Python loop.
Prints a markdown table and writes it to benchmarks/latest.md.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import numpy as np
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rnn_tutorial.numpy_rnn import rnn_backward, rnn_forward  # noqa: E402


def peak_memory_mb(pid: int) -> float:
    """The peak resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def run_notebook(path: Path, workdir: Path) -> tuple[float, float]:
    """Execute a copy of the notebook; returns (seconds, kernel peak MB)."""
    copy = workdir / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(workdir)}})
    start = time.perf_counter()
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        peak = peak_memory_mb(client.km.provisioner.process.pid)
    return seconds, peak


def numpy_speed(batch: int = 64, time_steps: int = 50, features: int = 32, units: int = 64,
                repeats: int = 3) -> dict[str, float]:
    """Seconds for the batched numpy forward and backward passes, and for a loop over the examples one by one."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(batch, time_steps, features))
    kernel, recurrent = rng.normal(0, 0.2, (features, units)), rng.normal(0, 0.2, (units, units))
    bias = np.zeros(units)

    def batched():
        hs, _ = rnn_forward(x, kernel, recurrent, bias)
        rnn_backward(x, hs, np.ones_like(hs), kernel, recurrent, bias)

    def one_by_one():
        for row in range(batch):
            hs, _ = rnn_forward(x[row : row + 1], kernel, recurrent, bias)
            rnn_backward(x[row : row + 1], hs, np.ones_like(hs), kernel, recurrent, bias)

    timings = {}
    for name, fn in (("batched", batched), ("one by one", one_by_one)):
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
        timings[name] = best
    return timings


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> int:
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    rows, total = [], 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            seconds, peak = run_notebook(path, Path(tmp))
            total += seconds
            rows.append(f"| {path.name} | {seconds:.1f} | {peak:.0f} |")
            print(rows[-1], flush=True)
    speed = numpy_speed()
    lines = [
        f"Measured on {time.strftime('%Y-%m-%d')}: {machine()}.",
        "",
        "| notebook | wall time (s) | kernel peak memory (MB) |",
        "|---|---:|---:|",
        *rows,
        f"| **all** | **{total:.1f}** | |",
        "",
        "numpy RNN, forward + backward, batch 64 x 50 steps x 32 features -> 64 units (best of 3):",
        "",
        "| batched | one example at a time | ratio |",
        "|---:|---:|---:|",
        f"| {speed['batched'] * 1000:.1f} ms | {speed['one by one'] * 1000:.1f} ms | "
        f"{speed['one by one'] / speed['batched']:.1f}x |",
    ]
    table = "\n".join(lines) + "\n"
    out = ROOT / "benchmarks" / "latest.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(table, encoding="utf-8")
    print(table)
    print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
