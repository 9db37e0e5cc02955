"""Attention in numpy: the reference that notebook 07 and the tests compare against.

`attend` scores a query against every key, turns the scores into weights with
a softmax over the keys, and returns the weighted sum of the values (the
context). Its two kinds are exactly Keras 3's layers with `use_scale=True`:

    kind="dot"       scores = scale * query . key           keras.layers.Attention (Luong)
    kind="additive"  scores = sum_d scale[d] tanh(q_d + k_d)  keras.layers.AdditiveAttention (Bahdanau)

Notebook 07 writes the same step in its own cells and checks it against this
function and against both Keras layers.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.answers import as_floats, describe

KINDS = ("dot", "additive")


def attend(query, keys, values, kind: str = "dot", scale=None) -> tuple[np.ndarray, np.ndarray]:
    """Attention of each query over all the keys: `(context, weights)` (notebook 07).

    Args:
        query: `(batch, Tq, d)`, e.g. the decoder's states.
        keys: `(batch, Tv, d)`, e.g. the encoder's states.
        values: `(batch, Tv, dv)`, what is averaged; often the keys themselves.
        kind: `"dot"` (scores `scale * query . key`, as `keras.layers.Attention(use_scale=True)`) or
            `"additive"` (scores `sum_d scale[d] * tanh(query[d] + key[d])`, as
            `keras.layers.AdditiveAttention(use_scale=True)`).
        scale: for `"dot"` one number (default 1; Keras's learnt `scale` weight); for `"additive"` a vector of
            shape `(d,)` (default ones; Keras's learnt `scale` weight).

    Returns:
        `context (batch, Tq, dv)`: for each query, the weighted sum of the values;
        `weights (batch, Tq, Tv)`: the softmax of the scores over the keys (each row sums to 1).
        Both in the inputs' float type (float32 in, float32 out; else float64).
    """
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}; got {kind!r}")
    query, keys, values = (_three_d(name, x) for name, x in (("query", query), ("keys", keys), ("values", values)))
    (batch, _, d), (k_batch, tv, k_d), (v_batch, v_tv, _) = query.shape, keys.shape, values.shape
    if not batch == k_batch == v_batch:
        raise ValueError(f"query, keys and values must have the same batch size; got shapes {query.shape}, "
                         f"{keys.shape} and {values.shape}")
    if k_d != d:
        raise ValueError(f"keys must have the query's size d = {d} in their last axis; got keys of shape {keys.shape} "
                         f"and a query of shape {query.shape}")
    if v_tv != tv:
        raise ValueError(f"values need one row per key (Tv = {tv}); got values of shape {values.shape} and keys of "
                         f"shape {keys.shape}")
    if tv == 0:
        raise ValueError(f"there must be at least one key; got keys of shape {keys.shape}")
    dtype = np.result_type(query, keys, values, np.float32)  # float32 stays float32; float16 becomes float32
    q, k, v = (x.astype(np.float64) for x in (query, keys, values))
    if kind == "dot":
        s = _scale(scale, (), "one number (Keras's Attention has a scalar scale)")
        scores = s * np.einsum("bqd,bkd->bqk", q, k)  # (batch, Tq, Tv)
    else:
        s = _scale(scale, (d,), f"a vector of shape ({d},), one number per feature")
        scores = np.tanh(q[:, :, None, :] + k[:, None, :, :]) @ s  # (batch, Tq, Tv, d) @ (d,) -> (batch, Tq, Tv)
    scores = scores - scores.max(axis=-1, keepdims=True)  # softmax over the keys, without overflow
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)  # (batch, Tq, Tv), rows sum to 1
    context = weights @ v  # (batch, Tq, dv)
    return context.astype(dtype), weights.astype(dtype)


def _three_d(name: str, x) -> np.ndarray:
    """`x` as a 3-D float array, or a ValueError that says what came."""
    array = np.asarray(x) if isinstance(x, np.ndarray) else as_floats(x)
    if array is None or array.dtype.kind not in "biuf":
        raise ValueError(f"{name} must be an array of real numbers; got {describe(x)}")
    if array.ndim != 3:
        raise ValueError(f"{name} must be (batch, time, features); got shape {array.shape}")
    if array.dtype.kind in "biu":
        array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold finite numbers; it holds nan or inf")
    return array


def _scale(scale, shape: tuple, expected: str) -> np.ndarray:
    """The scale as float64 of `shape` (ones when None), or a ValueError."""
    if scale is None:
        return np.ones(shape)
    array = as_floats(np.asarray(scale) if hasattr(scale, "__array__") else scale)
    if array is not None and shape == () and array.size == 1:
        array = array.reshape(())
    if array is None or array.shape != shape or not np.all(np.isfinite(array)):
        raise ValueError(f"scale must be {expected}; got {describe(scale)}")
    return array.astype(np.float64)
