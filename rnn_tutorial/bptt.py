"""Backpropagation through time at work: gradients over many steps, clipping, truncation (notebook 05).

Everything here is numpy, on top of `numpy_rnn.rnn_forward` and
`numpy_rnn.rnn_backward`, so every number can be traced by hand.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.numpy_rnn import rnn_backward, rnn_forward
from rnn_tutorial.validation import check_floats, check_int, check_number

WEIGHT_NAMES = ("kernel", "recurrent_kernel", "bias")


def scaled_orthogonal(units: int, scale: float, seed: int = 0) -> np.ndarray:
    """A random orthogonal `(units, units)` matrix times `scale`: it stretches every vector by exactly `scale`."""
    units = check_int("units", units, 1)
    scale = check_number("scale", scale)
    q, _ = np.linalg.qr(np.random.default_rng(check_int("seed", seed, 0)).normal(size=(units, units)))
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
    recurrent_kernel = check_floats("recurrent_kernel", recurrent_kernel).astype(np.float64)
    if recurrent_kernel.ndim != 2 or recurrent_kernel.shape[0] != recurrent_kernel.shape[1]:
        raise ValueError(f"recurrent_kernel must be (units, units); got shape {recurrent_kernel.shape}")
    time = check_int("time", time, 1)
    input_scale = check_number("input_scale", input_scale, lambda v: v >= 0, "a number >= 0")
    units = recurrent_kernel.shape[0]
    rng = np.random.default_rng(check_int("seed", seed, 0))
    x = input_scale * rng.normal(size=(1, time, 1))  # (1, time, 1)
    kernel, bias = rng.normal(size=(1, units)), np.zeros(units)
    h0 = 1e-6 * rng.normal(size=(1, units))
    hs, _ = rnn_forward(x, kernel, recurrent_kernel, bias, h0=h0)
    dhs = np.zeros_like(hs)
    dhs[0, -1] = rng.normal(size=units) / np.sqrt(units)  # d loss / d h_T
    grads = rnn_backward(x, hs, dhs, kernel, recurrent_kernel, bias, h0=h0)
    return np.linalg.norm(grads["hs"][0], axis=1)[::-1]  # k = 0 is the last state


def _gradient_arrays(grads: dict) -> list[np.ndarray]:
    if not isinstance(grads, dict) or not grads:
        raise TypeError(f"grads must be a non-empty dict of name -> array; got {type(grads).__name__}")
    return [check_floats(f"grads[{name!r}]", g).astype(np.float64) for name, g in grads.items()]


def global_norm(grads: dict) -> float:
    """The length of all the gradients taken together: the square root of the sum of all their squared entries.

    Computed without overflow: entries of 1e200 give a norm of about 1e200, not inf.
    """
    arrays = _gradient_arrays(grads)
    largest = max((np.max(np.abs(g)) if g.size else 0.0) for g in arrays)
    if largest == 0 or not np.isfinite(largest):
        return float(largest)  # 0, inf or nan
    return float(largest * np.sqrt(sum(np.sum((g / largest) ** 2) for g in arrays)))


def clip_by_global_norm(grads: dict, max_norm: float) -> tuple[dict, float]:
    """Scale all gradients together so that their joint norm is at most `max_norm`; returns `(grads, norm before)`.

    An infinite or nan norm cannot be scaled: such gradients come back as they are.
    """
    max_norm = check_number("max_norm", max_norm, lambda v: v > 0, "a positive number")
    norm = global_norm(grads)
    if norm <= max_norm or not np.isfinite(norm):
        return grads, norm
    return {name: np.asarray(g) * (max_norm / norm) for name, g in grads.items()}, norm


def chunked_backward(x, hs, dhs, kernel, recurrent_kernel, bias, chunk: int, h0=None) -> dict:
    """Truncated BPTT as practice does it: the gradient stops at the start of every chunk of `chunk` steps.

    The forward pass (`hs`) is the ordinary one: the state is carried from chunk
    to chunk. Backwards, each chunk is treated on its own, its first state as a
    constant: what reaches that state is dropped. Every step is still gone
    through once, so this costs what full BPTT costs; what it saves is memory
    (only one chunk's states are needed at a time) and waiting (the weights can
    be updated after each chunk, before the sequence ends).

    Returns:
        ``{"kernel", "recurrent_kernel", "bias"}``, the weights' gradients summed over the chunks.
    """
    x = check_floats("x", x)
    if x.ndim != 3:
        raise ValueError(f"x must be (batch, time, features); got shape {x.shape}")
    hs, dhs = check_floats("hs", hs), check_floats("dhs", dhs)
    chunk = check_int("chunk", chunk, 1)
    grads = {name: 0.0 for name in WEIGHT_NAMES}
    for start in range(0, x.shape[1], chunk):
        end = start + chunk
        first = h0 if start == 0 else hs[:, start - 1]  # the state the chunk starts from: a constant here
        g = rnn_backward(x[:, start:end], hs[:, start:end], dhs[:, start:end], kernel, recurrent_kernel, bias,
                         h0=first)
        for name in WEIGHT_NAMES:
            grads[name] = grads[name] + g[name]  # g["h0"], the gradient for the earlier chunk, is dropped
    return grads


def predict_last_state(weights: dict, x) -> np.ndarray:
    """The read-out of the last state, `h_T @ readout + readout_bias`, for the weights of a trained regressor."""
    _, h_last = rnn_forward(x, *(weights[name] for name in WEIGHT_NAMES))
    return h_last @ weights["readout"] + weights["readout_bias"]  # (n,)


def _trainer_settings(x, y, units, steps, learning_rate, truncate, clip, batch) -> tuple:
    x, y = check_floats("x", x).astype(np.float64), check_floats("y", y).astype(np.float64)
    if x.ndim != 3 or y.shape != (x.shape[0],) or x.shape[0] == 0:
        raise ValueError(f"x must be (n, time, features) and y (n,), with n >= 1; got {x.shape} and {y.shape}")
    units, steps, batch = check_int("units", units, 1), check_int("steps", steps, 1), check_int("batch", batch, 1)
    learning_rate = check_number("learning_rate", learning_rate, lambda v: v > 0, "a positive number")
    if truncate is not None:
        truncate = check_int("truncate", truncate, 1, what="a positive int or None")
    if clip is not None:
        clip = check_number("clip", clip, lambda v: v > 0, "a positive number or None")
    return x, y, units, steps, learning_rate, truncate, clip, batch


def _starting_weights(rng: np.random.Generator, features: int, units: int, recurrent_scale: float, seed: int) -> dict:
    return {"kernel": rng.normal(0, 1 / np.sqrt(features), (features, units)),
            "recurrent_kernel": scaled_orthogonal(units, recurrent_scale, seed),
            "bias": np.zeros(units), "readout": rng.normal(0, 1 / np.sqrt(units), units), "readout_bias": np.zeros(1)}


def train_last_state_regressor(x, y, units: int = 16, steps: int = 400, learning_rate: float = 0.1,
                               truncate: int | None = None, clip: float | None = None,
                               recurrent_scale: float = 1.0, batch: int = 64, seed: int = 0) -> dict:
    """Train a numpy RNN plus a linear read-out of its last state to predict `y`, by plain gradient descent.

    Args:
        x: `(n, time, features)`; y: `(n,)`.
        truncate: truncated BPTT in chunks of this many steps (`chunked_backward`); None for full BPTT.
        clip: clip the gradients to this global norm; None for no clipping.
        recurrent_scale: the `recurrent_kernel` starts as a random orthogonal matrix times this.

    Returns:
        ``{"loss": (steps,), "grad_norm": (steps,), "weights": {...}}``: the mean
        squared error and the gradient norm (before clipping) at every step, and
        the final weights (for `predict_last_state`).
    """
    x, y, units, steps, learning_rate, truncate, clip, batch = _trainer_settings(
        x, y, units, steps, learning_rate, truncate, clip, batch)
    rng = np.random.default_rng(check_int("seed", seed, 0))
    w = _starting_weights(rng, x.shape[2], units, recurrent_scale, seed)
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
            weights = [w[name] for name in WEIGHT_NAMES]
            if truncate is None:
                g = rnn_backward(xb, hs, dhs, *weights)
            else:
                g = chunked_backward(xb, hs, dhs, *weights, chunk=truncate)
            grads = {name: g[name] for name in WEIGHT_NAMES}
            grads.update(readout=h_last.T @ d_prediction, readout_bias=np.array([d_prediction.sum()]))
            if clip is None:
                norm = global_norm(grads)
            else:
                grads, norm = clip_by_global_norm(grads, clip)
            for name in w:
                w[name] = w[name] - learning_rate * grads[name]
            history["loss"][step] = np.mean(error**2)
            history["grad_norm"][step] = norm
    history["weights"] = w
    return history


def _global_norms(grads: dict) -> np.ndarray:
    """`global_norm` of each run, for gradients stacked on a first axis of runs; returns `(runs,)`."""
    flat = np.concatenate([g.reshape(len(g), -1) for g in grads.values()], axis=1)  # (runs, all entries)
    largest = np.abs(flat).max(axis=1)  # (runs,): scale by it first, so that huge entries do not overflow
    safe = np.where((largest > 0) & np.isfinite(largest), largest, 1.0)
    norms = safe * np.sqrt(np.sum((flat / safe[:, None]) ** 2, axis=1))
    return np.where((largest > 0) & np.isfinite(largest), norms, largest)


def _steps_last(a: np.ndarray) -> np.ndarray:
    """`(time, runs, batch, n)` to `(runs, n, time * batch)`: every step of every sequence side by side, per run."""
    time, runs, batch, n = a.shape
    return a.transpose(1, 3, 0, 2).reshape(runs, n, time * batch)


def train_last_state_regressors(x, y, seeds, units: int = 16, steps: int = 400, learning_rate: float = 0.1,
                                truncate: int | None = None, clip: float | None = None,
                                recurrent_scale: float = 1.0, batch: int = 64) -> list[dict]:
    """`train_last_state_regressor` for several seeds at once: one run per seed, all trained side by side.

    The runs' weights are stacked on a first axis of length `len(seeds)`
    (`kernel` `(runs, features, units)` and so on) and every step is one
    batched matrix product for all of them, so the runs stay independent: each
    draws its starting weights and its batches from its own seed, and equals
    `train_last_state_regressor(..., seed=seed)` up to rounding. Truncation
    stops the gradient at every chunk start, as `chunked_backward` does;
    clipping uses each run's own global norm, as `clip_by_global_norm` does.

    Returns:
        one dict per seed, as `train_last_state_regressor` returns it.
    """
    x, y, units, steps, learning_rate, truncate, clip, batch = _trainer_settings(
        x, y, units, steps, learning_rate, truncate, clip, batch)
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise TypeError(f"seeds must be a list of ints; got {type(seeds).__name__}")
    seeds = [check_int("seed", seed, 0) for seed in seeds]
    if not seeds:
        raise ValueError("seeds must name at least one seed; got none")
    rngs = [np.random.default_rng(seed) for seed in seeds]
    starts = [_starting_weights(rng, x.shape[2], units, recurrent_scale, seed) for rng, seed in zip(rngs, seeds)]
    w = {name: np.stack([start[name] for start in starts]) for name in starts[0]}  # (runs, ...) each
    runs, time = len(seeds), x.shape[1]
    loss, grad_norm = np.zeros((runs, steps)), np.zeros((runs, steps))
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run may overflow: that is what it shows
        for step in range(steps):
            rows = np.stack([rng.integers(0, len(x), batch) for rng in rngs])  # (runs, batch)
            xb, yb = x[rows].transpose(2, 0, 1, 3), y[rows]  # (time, runs, batch, features): time first, (runs, batch)
            x_to_h = xb @ w["kernel"] + w["bias"][:, None]  # (time, runs, batch, units), for every step at once
            hs = np.zeros(x_to_h.shape)  # (time, runs, batch, units)
            h = np.zeros((runs, batch, units))
            for t in range(time):
                h = hs[t] = np.tanh(x_to_h[t] + h @ w["recurrent_kernel"])  # (runs, batch, units)
            error = np.einsum("rbu,ru->rb", h, w["readout"]) + w["readout_bias"] - yb  # (runs, batch)
            d_prediction = 2 * error / batch  # d mean(error^2) / d prediction, (runs, batch)
            das, slopes = np.zeros_like(hs), 1 - hs**2  # dL/da_t, and tanh' at every step
            recurrent_t = w["recurrent_kernel"].transpose(0, 2, 1)  # (runs, units, units)
            dh = d_prediction[:, :, None] * w["readout"][:, None]  # (runs, batch, units): the loss reads h_T only
            for t in reversed(range(time)):
                das[t] = dh * slopes[t]  # back through the tanh
                cut = truncate is not None and t % truncate == 0  # a chunk starts at t: the gradient stops
                dh = np.zeros_like(dh) if cut else das[t] @ recurrent_t  # on to h_{t-1}
            h_prevs = np.concatenate([np.zeros_like(hs[:1]), hs[:-1]])  # h_{t-1} for every t
            das_by_run = _steps_last(das).transpose(0, 2, 1)  # (runs, time * batch, units)
            grads = {"kernel": _steps_last(xb) @ das_by_run,  # (runs, features, units): every step's share, added
                     "recurrent_kernel": _steps_last(h_prevs) @ das_by_run,  # (runs, units, units)
                     "bias": das.sum(axis=(0, 2)), "readout": np.einsum("rbu,rb->ru", h, d_prediction),
                     "readout_bias": d_prediction.sum(axis=1, keepdims=True)}
            norm = _global_norms(grads)  # (runs,): each run's own global norm
            if clip is not None:
                factor = np.where((norm > clip) & np.isfinite(norm), clip / norm, 1.0)  # (runs,)
                grads = {name: g * factor.reshape(-1, *[1] * (g.ndim - 1)) for name, g in grads.items()}
            for name in w:
                w[name] = w[name] - learning_rate * grads[name]
            loss[:, step], grad_norm[:, step] = np.mean(error**2, axis=1), norm
    return [{"loss": loss[r], "grad_norm": grad_norm[r], "weights": {name: w[name][r] for name in w}}
            for r in range(runs)]
