"""`make bench`: what the series costs to run, as ratios that mean the same on every machine.

Seconds depend on the machine (the same commit ran in 86 s on one 2-core machine
and 182 s on another), so each notebook is timed against the *floor*, measured
in the same run with the same runner: a fresh kernel that runs only a notebook's
setup cell (kernel start, the TensorFlow and Keras imports, `setup()`), best of 3.
Each notebook then runs top to bottom in a fresh kernel, on a copy (the notebook
itself is not touched); its kernel's peak memory is VmHWM, the most resident
memory the process ever held.

The bars (DESIGN.md): each notebook at most 8x the floor, the series on average
at most 5x, every kernel's peak memory at most 2 GB. The exit status is 1 if any
bar fails.

Then the numpy RNN's forward and backward passes on a whole batch against a
Python loop over the examples one at a time, at a size where vectorising clearly
pays, and how both scale with sequence length and batch size
(benchmarks/numpy_scaling.png). Writes benchmarks/latest.md.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

# The numpy comparison measures vectorisation, not threads: one BLAS thread (on a busy machine,
# spinning BLAS threads swamp a batch of small matrices). OpenBLAS reads this when numpy loads, so it
# is set before the imports below, and only when run as a script: a test that imports this module
# changes nothing. The notebook kernels get the environment as it was, so they run as a learner's do.
KERNEL_ENV = os.environ.copy()
if __name__ == "__main__":
    os.environ.update(dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "1"))

import nbformat  # noqa: E402
import numpy as np  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rnn_tutorial.numpy_rnn import rnn_backward, rnn_forward  # noqa: E402

MAX_RATIO = 8.0  # each notebook, in floors
MAX_AVERAGE_RATIO = 5.0  # the series on average, in floors
MAX_PEAK_MB = 2048  # each kernel's peak resident memory: 2 GB
FLOOR_REPEATS = 3

# The numpy comparison, in float32 as Keras computes: its headline size, where vectorising clearly
# pays (16x to 22x on a loaded 2-core machine; 64 x 20 gave 9x to 19x), and the two sweeps of the
# scaling plot, both through the headline size.
FEATURES, UNITS = 32, 64
BATCH, TIME_STEPS = 256, 20
BATCH_SWEEP = (1, 4, 16, 64, 256)  # at TIME_STEPS
LENGTH_SWEEP = (5, 10, 20, 40)  # at BATCH


def cost_table(floor_seconds: float, seconds: dict[str, float], peaks: dict[str, float]
               ) -> tuple[list[tuple[str, float, float, int]], list[tuple[str, bool, str]]]:
    """Each notebook's cost in floors, and the bars' verdicts.

    Args:
        floor_seconds: the floor, in seconds.
        seconds: notebook name -> wall time of its run, in seconds.
        peaks: notebook name -> its kernel's peak memory, in MB.

    Returns:
        `(rows, verdicts)`. rows: `(name, ratio, seconds, peak MB)` per notebook, in the order
        given, ratio and seconds rounded to 0.1 and memory to 1 MB; the last row is
        `("average", mean ratio, total seconds, largest peak)`. verdicts: `(bar, passed, detail)`
        per bar. A bar is judged on the figures as printed, so the table and the verdict agree.
    """
    if not floor_seconds > 0:
        raise ValueError(f"floor_seconds must be positive; got {floor_seconds!r}")
    if not seconds or set(seconds) != set(peaks):
        raise ValueError(f"seconds and peaks must name the same notebooks; got {sorted(seconds)} and {sorted(peaks)}")
    rows = [(name, round(s / floor_seconds, 1), round(s, 1), round(peaks[name])) for name, s in seconds.items()]
    average = round(sum(s / floor_seconds for s in seconds.values()) / len(seconds), 1)
    largest_ratio, largest_peak = max(row[1] for row in rows), max(row[3] for row in rows)
    over = [f"{name} {ratio}x" for name, ratio, _, _ in rows if ratio > MAX_RATIO]
    heavy = [f"{name} {mb} MB" for name, _, _, mb in rows if mb > MAX_PEAK_MB]
    verdicts = [
        (f"each notebook <= {MAX_RATIO:g}x the floor", not over, ", ".join(over) or f"largest {largest_ratio}x"),
        (f"the series on average <= {MAX_AVERAGE_RATIO:g}x", average <= MAX_AVERAGE_RATIO, f"{average}x"),
        (f"kernel peak memory <= {MAX_PEAK_MB} MB", not heavy, ", ".join(heavy) or f"largest {largest_peak} MB"),
    ]
    rows.append(("average", average, round(sum(seconds.values()), 1), largest_peak))
    return rows, verdicts


def peak_memory_mb(pid: int) -> float:
    """The peak resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def setup_cell(nb) -> int:
    """The index of the notebook's setup cell: its first code cell, which calls `setup(`."""
    index = next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")
    if "setup(" not in nb.cells[index].source:
        raise ValueError("the first code cell must be the setup cell, which calls setup(")
    return index


def run_notebook(path: Path, workdir: Path, setup_only: bool = False) -> tuple[float, float]:
    """Execute a copy of the notebook in a fresh kernel, all of it or only its setup cell.

    Returns (seconds, the kernel's peak MB); the seconds include starting the kernel.
    """
    copy = workdir / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    cells = [setup_cell(nb)] if setup_only else range(len(nb.cells))
    client = NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(workdir)}})
    start = time.perf_counter()
    with client.setup_kernel(env=KERNEL_ENV):
        for index in cells:
            client.execute_cell(nb.cells[index], index)
        seconds = time.perf_counter() - start
        peak = peak_memory_mb(client.km.provisioner.process.pid)
    return seconds, peak


def numpy_speed(batch: int, time_steps: int, repeats: int = 3) -> tuple[float, float]:
    """CPU seconds (best of `repeats`) of the numpy forward and backward passes: whole batch, and one by one.

    CPU time of this process, on one BLAS thread: what the computation costs, which other
    processes on a busy machine barely change (wall time would count their share too).
    """
    rng = np.random.default_rng(0)
    x = rng.normal(size=(batch, time_steps, FEATURES)).astype(np.float32)  # (batch, time, features)
    kernel = rng.normal(0, 0.2, (FEATURES, UNITS)).astype(np.float32)  # (features, units)
    recurrent = rng.normal(0, 0.2, (UNITS, UNITS)).astype(np.float32)  # (units, units)
    bias = np.zeros(UNITS, dtype=np.float32)  # (units,)

    def forward_backward(x):
        hs, _ = rnn_forward(x, kernel, recurrent, bias)  # (batch, time, units)
        rnn_backward(x, hs, np.ones_like(hs), kernel, recurrent, bias)

    def one_by_one():
        for row in range(batch):
            forward_backward(x[row : row + 1])  # (1, time, features)

    def best(fn):
        times = []
        for _ in range(repeats):
            start = time.process_time()
            fn()
            times.append(time.process_time() - start)
        return min(times)

    return best(lambda: forward_backward(x)), best(one_by_one)


def scaling_plot(by_length: dict[int, tuple[float, float]], by_batch: dict[int, tuple[float, float]], path: Path):
    """Time against sequence length and against batch size, batched and one by one, on log-log axes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), dpi=90, layout="constrained")
    panels = ((axes[0], by_length, f"sequence length (batch {BATCH})"),
              (axes[1], by_batch, f"batch size ({TIME_STEPS} steps)"))
    for ax, timings, xlabel in panels:
        sizes = list(timings)
        for column, label in ((0, "whole batch"), (1, "one example at a time")):
            ax.plot(sizes, [timings[n][column] * 1000 for n in sizes], "o-", label=label)
        ax.set(xscale="log", yscale="log", xlabel=xlabel, ylabel="forward + backward (ms)")
        ax.set_xticks(sizes, [str(n) for n in sizes])
        ax.minorticks_off()
        ax.grid(alpha=0.3)
    axes[0].legend()
    fig.suptitle(f"numpy RNN, float32, {FEATURES} features -> {UNITS} units: CPU time, one BLAS thread")
    fig.savefig(path)
    plt.close(fig)


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
    load_before = os.getloadavg()[0]
    seconds, peaks, failed = {}, {}, []
    with tempfile.TemporaryDirectory() as tmp:
        floors = [run_notebook(paths[0], Path(tmp), setup_only=True) for _ in range(FLOOR_REPEATS)]
        floor, floor_peak = min(floors)
        print(f"floor: {floor:.1f} s (best of {[round(s, 1) for s, _ in floors]}), {floor_peak:.0f} MB", flush=True)
        for path in paths:
            try:
                seconds[path.name], peaks[path.name] = run_notebook(path, Path(tmp))
            except Exception as error:  # an error in a cell, a cell past the timeout, a dead kernel
                failed.append(path.name)
                message = re.sub(r"\x1b\[[0-9;]*m", "", str(error)).strip().splitlines()[-1]  # no colour codes
                print(f"{path.name}: FAILED, {message}", flush=True)
                continue
            print(f"{path.name}: {seconds[path.name]:.1f} s, {seconds[path.name] / floor:.1f}x, "
                  f"{peaks[path.name]:.0f} MB", flush=True)
    load_after = os.getloadavg()[0]
    if not seconds:
        print("every notebook failed: nothing to measure", file=sys.stderr)
        return 1
    rows, verdicts = cost_table(floor, seconds, peaks)
    ran = f"failed: {', '.join(failed)}" if failed else "yes"
    verdicts.insert(0, ("every notebook runs to its end", not failed, ran))

    sizes = {(b, TIME_STEPS) for b in BATCH_SWEEP} | {(BATCH, t) for t in LENGTH_SWEEP}
    timings = {size: numpy_speed(*size) for size in sorted(sizes)}
    by_batch = {b: timings[b, TIME_STEPS] for b in BATCH_SWEEP}
    by_length = {t: timings[BATCH, t] for t in LENGTH_SWEEP}
    plot = ROOT / "benchmarks" / "numpy_scaling.png"
    plot.parent.mkdir(exist_ok=True)
    scaling_plot(by_length, by_batch, plot)
    batched, one_by_one = by_batch[BATCH]

    measured = {name: f"| {name} | {ratio:.1f}x | {s:.1f} | {mb} |" for name, ratio, s, mb in rows[:-1]}
    lines = [
        f"Measured on {time.strftime('%Y-%m-%d')}: {machine()}; load average {load_before:.1f} before, "
        f"{load_after:.1f} after.",
        "",
        f"Floor (a fresh kernel that runs only the setup cell: kernel start, TensorFlow and Keras imports, "
        f"`setup()`; best of {FLOOR_REPEATS}): **{floor:.1f} s**, {floor_peak:.0f} MB.",
        "",
        "| notebook | cost (floors) | wall time (s) | kernel peak memory (MB) |",
        "|---|---:|---:|---:|",
        *[measured.get(path.name, f"| {path.name} | failed | | |") for path in paths],
        f"| **average** (total, largest) | **{rows[-1][1]:.1f}x** | {rows[-1][2]:.1f} | {rows[-1][3]} |",
        "",
        *[f"- {'PASS' if passed else 'FAIL'}: {bar} ({detail})" for bar, passed, detail in verdicts],
        "",
        f"numpy RNN, forward + backward, batch {BATCH} x {TIME_STEPS} steps x "
        f"{FEATURES} features -> {UNITS} units, float32; CPU time on one BLAS thread, best of 3:",
        "",
        "| whole batch | one example at a time | ratio |",
        "|---:|---:|---:|",
        f"| {batched * 1000:.1f} ms | {one_by_one * 1000:.1f} ms | {one_by_one / batched:.1f}x |",
        "",
        f"![time against sequence length and batch size, whole batch and one by one]({plot.name})",
    ]
    if max(load_before, load_after) > os.cpu_count():
        lines[1:1] = ["", f"**The machine was busy** (load above its {os.cpu_count()} cores): other processes took CPU "
                      "time from the notebooks more than from the floor, so these ratios are inflated. Measure again "
                      "on a quiet machine."]
    report = "\n".join(lines) + "\n"
    out = ROOT / "benchmarks" / "latest.md"
    out.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {out.relative_to(ROOT)} and {plot.relative_to(ROOT)}")
    failed = [bar for bar, passed, _ in verdicts if not passed]
    if failed:
        print(f"FAILED: {'; '.join(failed)}", file=sys.stderr)
        return 1
    print("every bar passes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
