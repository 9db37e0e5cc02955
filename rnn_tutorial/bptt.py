"""Backpropagation through time at work: gradients over many steps, clipping, truncation (notebook 05).

Everything here is numpy, on top of `numpy_rnn.rnn_forward` and
`numpy_rnn.rnn_backward`, so every number can be traced by hand.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.numpy_rnn import rnn_backward, rnn_forward


def scaled_orthogonal(units: int, scale: float, seed: int = 0) -> np.ndarray:
    """A random orthogonal `(units, units)` matrix times `scale`: it stretches every vector by exactly `scale`."""
    if not isinstance(units, int) or units < 1:
        raise ValueError(f"units must be a positive int; got {units!r}")
    q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(units, units)))
    return scale * q


def state_gradient_norms(recurrent_kernel, time: int = 30, input_scale: float = 0.0, seed: int = 0) -> np.ndarray:
    """How strongly the last state depends on the state k steps earlier: `||d loss / d h_{T-k}||` for k = 0..time-1.

    The loss is a fixed random direction of the last state; the inputs are
    noise of size `input_scale` (0: no input, and a tiny first state, so tanh
    stays nearly straight; with a scale above 1 the state grows over the steps,
    and the measured factor falls slightly below the scale).

    Returns:
        `(time,)`, entry k for the state k steps before the last.
    """
    recurrent_kernel = np.asarray(recurrent_kernel, dtype=np.float64)
    units = recurrent_kernel.shape[0]
    rng = np.random.default_rng(seed)
    x = input_scale * rng.normal(size=(1, time, 1))  # (1, time, 1)
    kernel, bias = rng.normal(size=(1, units)), np.zeros(units)
    h0 = 1e-6 * rng.normal(size=(1, units))
    hs, _ = rnn_forward(x, kernel, recurrent_kernel, bias, h0=h0)
    dhs = np.zeros_like(hs)
    dhs[0, -1] = rng.normal(size=units) / np.sqrt(units)  # d loss / d h_T
    grads = rnn_backward(x, hs, dhs, kernel, recurrent_kernel, bias, h0=h0)
    return np.linalg.norm(grads["hs"][0], axis=1)[::-1]  # k = 0 is the last state


def global_norm(grads: dict) -> float:
    """The length of all the gradients taken together: the square root of the sum of all their squared entries."""
    return float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))


def clip_by_global_norm(grads: dict, max_norm: float) -> tuple[dict, float]:
    """Scale all gradients together so that their joint norm is at most `max_norm`; returns `(grads, norm before)`.

    An infinite or nan norm cannot be scaled: such gradients come back as they are.
    """
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive; got {max_norm!r}")
    norm = global_norm(grads)
    if norm <= max_norm or not np.isfinite(norm):
        return grads, norm
    return {name: g * (max_norm / norm) for name, g in grads.items()}, norm


def train_last_state_regressor(x, y, units: int = 16, steps: int = 400, learning_rate: float = 0.1,
                               truncate: int | None = None, clip: float | None = None,
                               recurrent_scale: float = 1.0, batch: int = 64, seed: int = 0) -> dict:
    """Train a numpy RNN plus a linear read-out of its last state to predict `y`, by plain gradient descent.

    Args:
        x: `(n, time, features)`; y: `(n,)`.
        truncate: truncated BPTT (see `numpy_rnn.rnn_backward`); None for full BPTT.
        clip: clip the gradients to this global norm; None for no clipping.
        recurrent_scale: the `recurrent_kernel` starts as a random orthogonal matrix times this.

    Returns:
        ``{"loss": (steps,), "grad_norm": (steps,)}``: the mean squared error and
        the gradient norm (before clipping) at every step.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if x.ndim != 3 or y.shape != (x.shape[0],):
        raise ValueError(f"x must be (n, time, features) and y (n,); got {x.shape} and {y.shape}")
    rng = np.random.default_rng(seed)
    features = x.shape[2]
    w = {"kernel": rng.normal(0, 1 / np.sqrt(features), (features, units)),
         "recurrent_kernel": scaled_orthogonal(units, recurrent_scale, seed),
         "bias": np.zeros(units), "readout": rng.normal(0, 1 / np.sqrt(units), units), "readout_bias": np.zeros(1)}
    history = {"loss": np.zeros(steps), "grad_norm": np.zeros(steps)}
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run may overflow: that is what it shows
        for step in range(steps):
            rows = rng.integers(0, len(x), batch)
            xb, yb = x[rows], y[rows]  # (batch, time, features), (batch,)
            hs, h_last = rnn_forward(xb, w["kernel"], w["recurrent_kernel"], w["bias"])
            error = h_last @ w["readout"] + w["readout_bias"] - yb  # (batch,)
            d_prediction = 2 * error / batch  # d mean(error^2) / d prediction
            dhs = np.zeros_like(hs)
            dhs[:, -1] = d_prediction[:, None] * w["readout"]  # the loss reads only the last state
            g = rnn_backward(xb, hs, dhs, w["kernel"], w["recurrent_kernel"], w["bias"], truncate=truncate)
            grads = {"kernel": g["kernel"], "recurrent_kernel": g["recurrent_kernel"], "bias": g["bias"],
                     "readout": h_last.T @ d_prediction, "readout_bias": np.array([d_prediction.sum()])}
            if clip is None:
                norm = global_norm(grads)
            else:
                grads, norm = clip_by_global_norm(grads, clip)
            for name in w:
                w[name] = w[name] - learning_rate * grads[name]
            history["loss"][step] = np.mean(error**2)
            history["grad_norm"][step] = norm
    return history
