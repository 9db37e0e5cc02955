"""A recurrent network written from scratch in numpy, with Keras's weight names and shapes (notebook 03).

    h_t = tanh(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias),   h_0 = 0

The weights are exactly those of `keras.layers.SimpleRNN(units)`:
``kernel (features, units)``, ``recurrent_kernel (units, units)``,
``bias (units,)``; so ``layer.get_weights()`` can be passed straight in.
Inputs are ``(batch, time, features)``.
"""

from __future__ import annotations

import numpy as np


def _check_weights(features: int, kernel, recurrent_kernel, bias) -> int:
    """Check the three weights against each other and the input; returns `units`."""
    if kernel.ndim != 2:
        raise ValueError(f"kernel must be (features, units); got shape {kernel.shape}")
    units = kernel.shape[1]
    if kernel.shape[0] != features:
        raise ValueError(f"kernel must be (features, units) = ({features}, units) to match the input; "
                         f"got {kernel.shape}")
    if recurrent_kernel.shape != (units, units):
        raise ValueError(f"recurrent_kernel must be (units, units) = ({units}, {units}); got {recurrent_kernel.shape}")
    if bias.shape != (units,):
        raise ValueError(f"bias must be (units,) = ({units},); got {bias.shape}")
    return units


def rnn_step(x_t, h_prev, kernel, recurrent_kernel, bias) -> np.ndarray:
    """One time step: the new hidden state from this step's input and the previous state.

    Args:
        x_t: `(batch, features)`, the input at step t.
        h_prev: `(batch, units)`, the hidden state after step t - 1.

    Returns:
        `h_t`, `(batch, units)`.
    """
    x_t, h_prev = np.asarray(x_t), np.asarray(h_prev)
    kernel, recurrent_kernel, bias = np.asarray(kernel), np.asarray(recurrent_kernel), np.asarray(bias)
    if x_t.ndim != 2:
        raise ValueError(f"x_t must be (batch, features); got shape {x_t.shape}")
    units = _check_weights(x_t.shape[1], kernel, recurrent_kernel, bias)
    if h_prev.shape != (x_t.shape[0], units):
        raise ValueError(f"h_prev must be (batch, units) = ({x_t.shape[0]}, {units}); got {h_prev.shape}")
    x_to_h = x_t @ kernel  # (batch, units)
    h_to_h = h_prev @ recurrent_kernel  # (batch, units)
    return np.tanh(x_to_h + h_to_h + bias)  # (batch, units)


def rnn_forward(x, kernel, recurrent_kernel, bias, h0=None) -> tuple[np.ndarray, np.ndarray]:
    """Run the RNN over a whole batch of sequences, one step at a time, with the same weights at every step.

    Args:
        x: `(batch, time, features)`.
        h0: `(batch, units)`, the state before the first step; zeros when not given.

    Returns:
        `(hs, h_last)`: every hidden state `(batch, time, units)` and the last one `(batch, units)`.
    """
    x = np.asarray(x)
    kernel, recurrent_kernel, bias = np.asarray(kernel), np.asarray(recurrent_kernel), np.asarray(bias)
    if x.ndim != 3:
        raise ValueError(f"x must be (batch, time, features); got shape {x.shape}")
    batch, time, features = x.shape
    units = _check_weights(features, kernel, recurrent_kernel, bias)
    dtype = np.result_type(x, kernel, recurrent_kernel, bias)
    if h0 is None:
        h0 = np.zeros((batch, units), dtype=dtype)  # the article's "zero matrix initially"
    h0 = np.asarray(h0)
    if h0.shape != (batch, units):
        raise ValueError(f"h0 must be (batch, units) = ({batch}, {units}); got {h0.shape}")
    hs = np.zeros((batch, time, units), dtype=dtype)  # (batch, time, units)
    h = h0
    for t in range(time):
        h = rnn_step(x[:, t], h, kernel, recurrent_kernel, bias)  # (batch, units)
        hs[:, t] = h
    return hs, h
