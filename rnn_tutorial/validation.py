"""Checking arguments: one clear message for each kind of bad input, shared by every module.

Each helper returns the value in a plain form (a Python int, a float, a list
of str) or raises an error that names the argument, what was expected and
what came: ``ValueError: n must be a positive int; got 2.5``. Nothing here
imports Keras or matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from numbers import Integral, Real

import numpy as np


def is_int(value) -> bool:
    """True for a Python or numpy integer (``5``, ``np.int64(5)``); False for bools and floats, even ``5.0``."""
    return isinstance(value, Integral) and not isinstance(value, bool)


def _int_kind(low: int | None, high: int | None) -> str:
    if high is not None:
        return f"an int in {low}..{high}"
    return {None: "an int", 0: "a non-negative int", 1: "a positive int"}.get(low, f"an int >= {low}")


def check_int(name: str, value, low: int | None = None, high: int | None = None, what: str | None = None) -> int:
    """`value` as a Python int, if it is an integer in `low..high` (either bound may be None)."""
    if not is_int(value) or (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} must be {what or _int_kind(low, high)}; got {value!r}")
    return int(value)


def check_number(name: str, value, ok: Callable[[float], bool] = lambda v: True, what: str = "a number") -> float:
    """`value` as a float, if it is a finite real number (not a bool) for which `ok(value)` holds."""
    if isinstance(value, bool) or not isinstance(value, Real) or not np.isfinite(value) or not ok(value):
        raise ValueError(f"{name} must be {what}; got {value!r}")
    return float(value)


def check_strings(name: str, value, empty: bool = False) -> list[str]:
    """`value` as a list of str: a list (or tuple) of str, not one str; empty only if `empty`."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a list of str, not {type(value).__name__}; got {value!r}")
    value = list(value)
    wrong = [v for v in value if not isinstance(v, str)]
    if wrong:
        raise TypeError(f"{name} must be a list of str; got an item {wrong[0]!r} of type {type(wrong[0]).__name__}")
    if not value and not empty:
        raise ValueError(f"{name} must not be empty; got {value!r}")
    return value


def check_ints(name: str, value, ndim: int | None = None, low: int | None = None, high: int | None = None,
               shape: str = "") -> np.ndarray:
    """`value` as a non-empty int array with `ndim` dimensions (`shape` describes them) and values in `low..high`."""
    array = np.asarray(value)
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be {shape or f'{ndim}-D'}; got shape {array.shape}")
    if array.size == 0 or not np.issubdtype(array.dtype, np.integer):
        raise ValueError(f"{name} must be a non-empty array of ints; got dtype {array.dtype} and shape {array.shape}")
    if (low is not None and array.min() < low) or (high is not None and array.max() > high):
        bounds = f"in {low}..{high}" if None not in (low, high) else f">= {low}" if high is None else f"<= {high}"
        raise ValueError(f"{name} must hold ints {bounds}; got values from {array.min()} to {array.max()}")
    return array


def check_floats(name: str, value) -> np.ndarray:
    """`value` as a float array: floats keep their type (float32 stays float32), ints and bools become float64."""
    array = np.asarray(value)
    if np.issubdtype(array.dtype, np.floating):
        return array
    if np.issubdtype(array.dtype, np.integer) or array.dtype == bool:
        return array.astype(np.float64)
    raise TypeError(f"{name} must be an array of real numbers; got dtype {array.dtype}")


def check_generator(name: str, value) -> np.random.Generator:
    """`value`, if it is a numpy random Generator (``np.random.default_rng(seed)``)."""
    if not isinstance(value, np.random.Generator):
        raise TypeError(f"{name} must be a numpy Generator, e.g. np.random.default_rng(0); got "
                        f"{type(value).__name__}")
    return value


def ids_below(model) -> int | None:
    """How many ids a Keras model's first embedding layer knows (its ids must be below this); None without one."""
    sizes = [layer.input_dim for layer in getattr(model, "layers", []) if hasattr(layer, "input_dim")]
    return sizes[0] if sizes else None


def seeded(seed) -> np.random.Generator:
    """A numpy Generator seeded with `seed`, a non-negative int."""
    return np.random.default_rng(check_int("seed", seed, 0))
