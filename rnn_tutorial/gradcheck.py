"""Checking gradients: finite differences and relative error (notebook 05).

A gradient computed by hand (backpropagation) is right when it agrees with the
slope measured numerically: nudge one number up and down by `eps`, and see
how the loss moves.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnn_tutorial.validation import check_floats, check_number


def numerical_gradient(loss: Callable[[], float], array: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """The gradient of `loss()` with respect to every entry of `array`, by central differences.

    `array` is changed in place while measuring and restored afterwards; `loss`
    must read it (for example a closure over the same array). Use float64.
    """
    if not callable(loss):
        raise TypeError(f"loss must be a function of no arguments that returns a number; got {type(loss).__name__}")
    if not isinstance(array, np.ndarray) or array.dtype != np.float64:
        raise TypeError(f"array must be a float64 numpy array (float32 is too coarse); got "
                        f"{getattr(array, 'dtype', type(array).__name__)}")
    eps = check_number("eps", eps, lambda e: 0 < e < 1, "a small positive number, such as 1e-6")
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + eps
        up = loss()
        array[index] = saved - eps
        down = loss()
        array[index] = saved
        grad[index] = (up - down) / (2 * eps)
    return grad


def relative_error(a, b) -> float:
    """The largest difference, relative to the largest entry: max |a - b| / max(|a|, |b|, 1e-12).

    1e-6 or less means the two agree (a tiny entry can still be off by up to
    1e-6 times the largest one).
    """
    a, b = check_floats("a", a).astype(np.float64), check_floats("b", b).astype(np.float64)
    if a.shape != b.shape or a.size == 0:
        raise ValueError(f"a and b must have one shape, not empty; got {a.shape} and {b.shape}")
    for name, array in (("a", a), ("b", b)):
        if not np.all(np.isfinite(array)):
            raise ValueError(f"{name} must hold finite numbers only; it has NaN or infinity")
    scale = max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0), 1e-12)
    return float(np.abs(a - b).max(initial=0.0) / scale)
