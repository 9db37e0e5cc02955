"""Reading what a learner's code returned, whatever it is (used by the exercise checks and `check_bar`).

Each helper takes any value (None, a str, a ragged list, an object that raises
when looked at) and returns it in the form a check needs, or None, without
ever raising: a check can then say what came instead of crashing.
"""

from __future__ import annotations

import numbers

import numpy as np


def as_floats(value) -> np.ndarray | None:
    """`value` (a number, or a list, tuple or array of real numbers or bools) as a float array; else None."""
    if value is None or isinstance(value, (str, bytes, dict)):
        return None
    try:
        array = np.asarray(value)
        if array.dtype == object and all(isinstance(v, numbers.Real) for v in array.flat):
            array = array.astype(float)  # e.g. a Fraction, or an int too large for int64
        return array.astype(float) if array.dtype.kind in "biuf" else None  # bool, int, unsigned, float
    except Exception:  # a ragged list, or an object that cannot be read as numbers
        return None


def as_number(value) -> float | None:
    """`value` as one float (an int, a float, a numpy scalar, a 1-element array); None for anything else."""
    if isinstance(value, (bool, np.bool_)):
        return None
    array = as_floats(value)
    return float(array.reshape(-1)[0]) if array is not None and array.size == 1 else None


def describe(value) -> str:
    """What came, in a few words: `None`, `int 7`, `a tuple of 2 items`, `a float32 array of shape (3,)`."""
    try:
        if value is None:
            return "None"
        if isinstance(value, np.ndarray):
            return _a(f"{value.dtype} array of shape {value.shape}")
        if isinstance(value, (str, bytes, numbers.Number, np.generic)):  # a str, bytes or a number: show it
            text = repr(str(value)) if isinstance(value, str) else str(value)
            return f"{type(value).__name__} {text if len(text) <= 40 else text[:37] + '...'}"
        if isinstance(value, (list, tuple, dict, set)):
            array = as_floats(value) if isinstance(value, (list, tuple)) else None
            shape = f" (shape {array.shape})" if array is not None and array.ndim > 1 else ""
            return f"a {type(value).__name__} of {len(value)} item{'' if len(value) == 1 else 's'}{shape}"
    except Exception:  # an object that breaks when looked at: name its type only
        pass
    return _a(type(value).__name__)


def _a(words: str) -> str:
    return ("an " if words[:1] in "aeioAEIO" else "a ") + words


def as_items(value) -> list | None:
    """The items of a list or tuple, as a plain list; None for anything else."""
    try:
        return list(value) if isinstance(value, (list, tuple)) else None
    except Exception:
        return None
