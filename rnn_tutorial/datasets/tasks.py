"""Synthetic sequence tasks: remember the first input (05), the adding problem (06), selective copying (08)."""

from __future__ import annotations

import numpy as np

from rnn_tutorial.datasets._split import _even_int
from rnn_tutorial.validation import check_int, seeded

# Notebook 05: remember the first input

def memory_task(n: int = 2000, time: int = 10, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Sequences whose target is the sign (+1 or -1) of their first input; the later inputs are noise (notebook 05).

    Returns:
        `(x, y)`: `(n, time, 1)` and `(n,)`, the signs half +1, half -1.
    """
    n, time = _even_int("n", n), check_int("time", time, 2)
    rng = seeded(seed)
    y = rng.permutation(np.repeat([-1.0, 1.0], n // 2))  # (n,)
    x = rng.normal(size=(n, time, 1))  # (n, time, 1)
    x[:, 0, 0] = y
    return x, y

# Notebook 06: the adding problem, a long-range task

def adding_problem(n: int = 5000, time: int = 50, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Sequences of random numbers in [0, 1], two of them marked; the target is the sum of the two (notebook 06).

    Each step has two features: the number and its mark (1 for the two marked
    steps, else 0). A model must carry the first marked number, possibly over
    nearly all the steps, until it sees the second.

    Returns:
        `(x, y)`: `(n, time, 2)` float32 and `(n,)` float32.
    """
    n, time = check_int("n", n, 1), check_int("time", time, 2)
    rng = seeded(seed)
    values = rng.uniform(0, 1, size=(n, time))  # (n, time)
    marks = np.zeros((n, time))
    for row in range(n):
        marks[row, rng.choice(time, size=2, replace=False)] = 1
    x = np.stack([values, marks], axis=-1).astype(np.float32)  # (n, time, 2)
    return x, (values * marks).sum(axis=1).astype(np.float32)

# Notebook 08: selective copying, the few symbols among blanks, in order

def selective_copying(n: int = 2000, time: int = 64, tokens: int = 4, symbols: int = 8, seed: int = 0,
                      fixed_positions: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Blanks (id 0) with `tokens` symbols (ids 1..symbols) among them; the target: the symbols in order (notebook 08).

    The symbols stand at random steps, different in every sequence: a model must keep each symbol and skip
    every blank, whenever they come (the selective copying task of Gu and Dao 2023). With `fixed_positions`,
    they stand at the same evenly spread steps in every sequence instead: plain copying, the control.

    Returns:
        `(x, y)`: `(n, time)` and `(n, tokens)` int32 ids; `y` holds the symbols in the order they appear in `x`.
    """
    n, tokens = check_int("n", n, 1), check_int("tokens", tokens, 1)
    time, symbols = check_int("time", time, tokens), check_int("symbols", symbols, 2)
    if not isinstance(fixed_positions, (bool, np.bool_)):
        raise ValueError(f"fixed_positions must be True or False; got {fixed_positions!r}")
    rng = seeded(seed)
    y = rng.integers(1, symbols + 1, size=(n, tokens), dtype=np.int32)  # (n, tokens)
    if fixed_positions:
        steps = np.tile(np.linspace(0, time - 1, tokens).round().astype(int), (n, 1))  # (n, tokens), the same rows
    else:
        steps = np.sort(rng.random((n, time)).argsort(axis=1)[:, :tokens], axis=1)  # (n, tokens), distinct, sorted
    x = np.zeros((n, time), np.int32)  # (n, time): all blanks
    np.put_along_axis(x, steps, y, axis=1)
    return x, y
