"""Linear recurrences, step by step or by a parallel scan; the minGRU forward pass (notebook 08).

A *linear recurrence* is h_t = a_t * h_{t-1} + b_t, entry by entry, where a_t
and b_t depend on the inputs alone, never on h. A loop computes it in T
dependent steps. Because combining two steps,

    (a1, b1) then (a2, b2)  =  (a1 * a2, a2 * b1 + b2),

is associative, a parallel scan computes every h_t in ceil(log2 T) vectorised
steps instead (Hillis and Steele's scan). The minGRU of Feng et al. (2024) is
such a recurrence. Only numpy here: notebook 08 writes its Keras layer in its own cells
and checks it against `min_gru_forward`.
"""

from __future__ import annotations

import math

import numpy as np

from rnn_tutorial.validation import check_int

METHODS = ("loop", "scan")


def linear_recurrence(a, b, h0=None, method: str = "scan") -> np.ndarray:
    """Every state of h_t = a_t * h_{t-1} + b_t, with h_{-1} = h0 (zeros if None).

    Args:
        a, b: `(batch, time, units)`; a_t scales the previous state, b_t is added.
        h0: `(batch, units)`, the state before the first step; zeros if None.
        method: "loop" (T dependent steps) or "scan" (a parallel prefix scan, ceil(log2 T) steps).

    Returns:
        `(batch, time, units)`: h_0 ... h_{T-1}, in the common float type of the inputs (float64 for ints).
    """
    a, b, h0 = _checked(a, b, h0)
    if method == "loop":
        return _loop(a, b, h0)
    if method == "scan":
        return _scan(a, b, h0)
    raise ValueError(f"method must be one of {METHODS}; got {method!r}")


def _checked(a, b, h0):
    """a, b, h0 as float arrays of one type, or a ValueError that says which shape is wrong."""
    arrays = {"a": np.asarray(a), "b": np.asarray(b)}
    if h0 is not None:
        arrays["h0"] = np.asarray(h0)
    for name, array in arrays.items():
        if array.dtype.kind not in "biuf":
            raise ValueError(f"{name} must hold real numbers; got an array of {array.dtype}")
    if arrays["a"].ndim != 3 or arrays["a"].shape[1] == 0:
        raise ValueError(f"a must be (batch, time, units) with time >= 1; got shape {arrays['a'].shape}")
    if arrays["b"].shape != arrays["a"].shape:
        raise ValueError(f"a and b must have the same shape (batch, time, units); got {arrays['a'].shape} and "
                         f"{arrays['b'].shape}")
    batch, _, units = arrays["a"].shape
    if h0 is not None and arrays["h0"].shape != (batch, units):
        raise ValueError(f"h0 must be (batch, units) = {(batch, units)}; got shape {arrays['h0'].shape}")
    dtype = np.result_type(*arrays.values(), np.float32)  # float32 stays float32; ints become float64
    a, b = (arrays[name].astype(dtype) for name in "ab")
    h0 = np.zeros((batch, units), dtype) if h0 is None else arrays["h0"].astype(dtype)
    return a, b, h0


def _loop(a, b, h0):
    """T dependent steps: step t needs h_{t-1}."""
    states, h = np.empty_like(b), h0
    for t in range(a.shape[1]):
        h = a[:, t] * h + b[:, t]  # (batch, units)
        states[:, t] = h
    return states


def _scan(a, b, h0):
    """Hillis-Steele scan: after the pass with offset d, position t holds steps t-2d+1 .. t combined."""
    a, b = a.copy(), b.copy()  # (batch, time, units); the pairs (a_t, b_t)
    b[:, 0] += a[:, 0] * h0  # fold h0 into the first step: h_0 = a_0 * h0 + b_0
    offset = 1
    while offset < a.shape[1]:
        # each position t >= offset combines the pair `offset` steps earlier with its own, all at once:
        # (a1, b1) then (a2, b2) = (a1 * a2, a2 * b1 + b2); numpy reads the right-hand side before writing
        b[:, offset:] = a[:, offset:] * b[:, :-offset] + b[:, offset:]
        a[:, offset:] = a[:, :-offset] * a[:, offset:]
        offset *= 2
    return b  # the b of the pair that combines steps 0..t is h_t


def sequential_steps(time: int, method: str = "scan") -> int:
    """How many dependent steps `method` takes for `time` steps: time for the loop, ceil(log2(time)) for the scan."""
    time = check_int("time", time, 1)
    if method == "loop":
        return time
    if method == "scan":
        return math.ceil(math.log2(time)) if time > 1 else 0
    raise ValueError(f"method must be one of {METHODS}; got {method!r}")


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def min_gru_forward(x, z_kernel, z_bias, candidate_kernel, candidate_bias, h0=None,
                    method: str = "scan") -> np.ndarray:
    """The minGRU (Feng et al. 2024) over a batch of sequences: every state, `(batch, time, units)`.

    z_t = sigmoid(x_t W_z + b_z), candidate_t = x_t W_c + b_c (no tanh, as in the paper), and
    h_t = (1 - z_t) * h_{t-1} + z_t * candidate_t: the linear recurrence with a_t = 1 - z_t, b_t = z_t * candidate_t.

    Args:
        x: `(batch, time, features)`.
        z_kernel, candidate_kernel: `(features, units)`; z_bias, candidate_bias: `(units,)` (Keras Dense layout).
        h0: `(batch, units)` or None (zeros). method: "loop" or "scan".
    """
    x = np.asarray(x)
    if x.ndim != 3:
        raise ValueError(f"x must be (batch, time, features); got shape {x.shape}")
    weights = [np.asarray(w) for w in (z_kernel, z_bias, candidate_kernel, candidate_bias)]
    units = weights[0].shape[-1] if weights[0].ndim == 2 else -1
    want = [(x.shape[2], units), (units,), (x.shape[2], units), (units,)]
    names = ("z_kernel", "z_bias", "candidate_kernel", "candidate_bias")
    for name, w, shape in zip(names, weights, want):
        if units < 1 or w.shape != shape:
            raise ValueError(f"{name} must be {shape if units >= 1 else '(features, units)'} for x of shape "
                             f"{x.shape}; got shape {w.shape}")
    z = _sigmoid(x @ weights[0] + weights[1])  # (batch, time, units): how much of the candidate to take
    candidate = x @ weights[2] + weights[3]  # (batch, time, units)
    return linear_recurrence(1 - z, z * candidate, h0, method)
