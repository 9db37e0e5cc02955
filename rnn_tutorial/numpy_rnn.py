"""Recurrent networks written from scratch in numpy, with Keras's weight names and shapes.

The simple RNN (notebook 03), its backward pass (notebook 05), and the LSTM
and GRU cells (notebook 06):

    h_t = tanh(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias),   h_0 = 0

The weights are exactly those of the Keras layers, so ``layer.get_weights()``
can be passed straight in: for `SimpleRNN(units)` ``kernel (features, units)``,
``recurrent_kernel (units, units)``, ``bias (units,)``; for `LSTM` and `GRU`
the same with 4 and 3 blocks of `units` columns (see `lstm_forward`,
`gru_forward`). Inputs are ``(batch, time, features)``. Integer inputs are
computed as float64; float32 inputs stay float32.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.validation import check_floats


def _floats(**arrays) -> list[np.ndarray]:
    """Each named array as floats (ints become float64, so nothing is computed in integers)."""
    return [check_floats(name, array) for name, array in arrays.items()]


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
    x_t, h_prev, kernel, recurrent_kernel, bias = _floats(x_t=x_t, h_prev=h_prev, kernel=kernel,
                                                          recurrent_kernel=recurrent_kernel, bias=bias)
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
    x, kernel, recurrent_kernel, bias = _floats(x=x, kernel=kernel, recurrent_kernel=recurrent_kernel, bias=bias)
    if x.ndim != 3:
        raise ValueError(f"x must be (batch, time, features); got shape {x.shape}")
    batch, time, features = x.shape
    units = _check_weights(features, kernel, recurrent_kernel, bias)
    dtype = np.result_type(x, kernel, recurrent_kernel, bias)
    if h0 is None:
        h0 = np.zeros((batch, units), dtype=dtype)  # the article's "zero matrix initially"
    (h0,) = _floats(h0=h0)
    if h0.shape != (batch, units):
        raise ValueError(f"h0 must be (batch, units) = ({batch}, {units}); got {h0.shape}")
    hs = np.zeros((batch, time, units), dtype=dtype)  # (batch, time, units)
    h = h0
    for t in range(time):
        h = rnn_step(x[:, t], h, kernel, recurrent_kernel, bias)  # (batch, units)
        hs[:, t] = h
    return hs, h


def rnn_backward(x, hs, dhs, kernel, recurrent_kernel, bias, h0=None) -> dict:
    """Backpropagation through time for `rnn_forward` (notebook 05).

    Args:
        x: `(batch, time, features)`, the inputs of the forward pass.
        hs: `(batch, time, units)`, its states (from `rnn_forward`).
        dhs: `(batch, time, units)`, the loss's gradient with respect to each state
            directly (not through later states): for a loss on the last state
            only, zeros except `dhs[:, -1]`.
        h0: the initial state used in the forward pass; zeros when not given.
            (Truncated BPTT, `bptt.chunked_backward`, calls this once per chunk.)

    Returns:
        Gradients ``{"x", "kernel", "recurrent_kernel", "bias", "h0"}`` shaped like
        those arrays, and ``"hs"`` `(batch, time, units)`: the total gradient with
        respect to each state, through all later steps.
    """
    x, hs, dhs, kernel, recurrent_kernel, bias = _floats(x=x, hs=hs, dhs=dhs, kernel=kernel,
                                                         recurrent_kernel=recurrent_kernel, bias=bias)
    if x.ndim != 3:
        raise ValueError(f"x must be (batch, time, features); got shape {x.shape}")
    batch, time, features = x.shape
    units = _check_weights(features, kernel, recurrent_kernel, bias)
    for name, array in (("hs", hs), ("dhs", dhs)):
        if array.shape != (batch, time, units):
            raise ValueError(f"{name} must be (batch, time, units) = ({batch}, {time}, {units}); got {array.shape}")
    (h0,) = _floats(h0=np.zeros((batch, units), dtype=hs.dtype) if h0 is None else h0)
    if h0.shape != (batch, units):
        raise ValueError(f"h0 must be (batch, units) = ({batch}, {units}); got {h0.shape}")
    grads = {"x": np.zeros_like(x, dtype=hs.dtype), "kernel": np.zeros_like(kernel, dtype=hs.dtype),
             "recurrent_kernel": np.zeros_like(recurrent_kernel, dtype=hs.dtype),
             "bias": np.zeros_like(bias, dtype=hs.dtype), "h0": np.zeros_like(h0, dtype=hs.dtype),
             "hs": np.zeros_like(hs)}
    dh_next = np.zeros_like(hs[:, 0])  # gradient arriving from step t + 1, (batch, units)
    for t in range(time - 1, -1, -1):  # from the last step to the first
        dh = dhs[:, t] + dh_next  # everything the loss wants from h_t, (batch, units)
        grads["hs"][:, t] += dh
        da = dh * (1 - hs[:, t] ** 2)  # back through tanh: tanh' = 1 - tanh^2, (batch, units)
        h_prev = hs[:, t - 1] if t > 0 else h0  # (batch, units)
        grads["kernel"] += x[:, t].T @ da  # (features, units): the same weights at every step, so add
        grads["recurrent_kernel"] += h_prev.T @ da  # (units, units)
        grads["bias"] += da.sum(axis=0)  # (units,)
        grads["x"][:, t] += da @ kernel.T  # (batch, features)
        dh_next = da @ recurrent_kernel.T  # on to h_{t-1}, (batch, units)
    grads["h0"] = dh_next
    return grads


def _sigmoid(z):
    """1 / (1 + exp(-z)), written so that exp never overflows: it only sees -|z| <= 0."""
    e = np.exp(-np.abs(z))  # in (0, 1]
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # for z < 0, multiply above and below by exp(z)


def _check_gated(x, kernel, recurrent_kernel, bias, blocks: int, bias_shape) -> int:
    """Check a gated cell's weights (`blocks` gates side by side); returns `units`."""
    if x.ndim != 3:
        raise ValueError(f"x must be (batch, time, features); got shape {x.shape}")
    if kernel.ndim != 2 or kernel.shape[1] % blocks:
        raise ValueError(f"kernel must be (features, {blocks} * units); got shape {kernel.shape}")
    units = kernel.shape[1] // blocks
    if kernel.shape[0] != x.shape[2]:
        raise ValueError(f"kernel must be (features, {blocks} * units) = ({x.shape[2]}, {blocks * units}) to "
                         f"match the input; got {kernel.shape}")
    if recurrent_kernel.shape != (units, blocks * units):
        raise ValueError(f"recurrent_kernel must be (units, {blocks} * units) = ({units}, {blocks * units}); "
                         f"got {recurrent_kernel.shape}")
    if bias.shape != bias_shape(units):
        raise ValueError(f"bias must be {bias_shape(units)}; got {bias.shape}")
    return units


def _initial(state, batch: int, units: int, dtype, name: str) -> np.ndarray:
    if state is None:
        return np.zeros((batch, units), dtype=dtype)
    state = check_floats(name, state)
    if state.shape != (batch, units):
        raise ValueError(f"{name} must be (batch, units) = ({batch}, {units}); got {state.shape}")
    return state


def lstm_forward(x, kernel, recurrent_kernel, bias, h0=None, c0=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An LSTM over a batch of sequences, with the weights of `keras.layers.LSTM(units)` (notebook 06).

    Weights: ``kernel (features, 4 * units)``, ``recurrent_kernel (units, 4 * units)``,
    ``bias (4 * units,)``, each made of four blocks in Keras's order: input gate
    `i`, forget gate `f`, candidate `g`, output gate `o`.

        i, f, o = sigmoid(...), g = tanh(...);  c_t = f * c_{t-1} + i * g;  h_t = o * tanh(c_t)

    Returns:
        `(hs, h_last, c_last)`: `(batch, time, units)`, `(batch, units)`, `(batch, units)`.
    """
    x, kernel, recurrent_kernel, bias = _floats(x=x, kernel=kernel, recurrent_kernel=recurrent_kernel, bias=bias)
    units = _check_gated(x, kernel, recurrent_kernel, bias, 4, lambda u: (4 * u,))
    batch, time, _ = x.shape
    dtype = np.result_type(x, kernel, recurrent_kernel, bias)
    h = _initial(h0, batch, units, dtype, "h0")
    c = _initial(c0, batch, units, dtype, "c0")
    hs = np.zeros((batch, time, units), dtype=dtype)  # (batch, time, units)
    for t in range(time):
        z = x[:, t] @ kernel + h @ recurrent_kernel + bias  # (batch, 4 * units)
        i, f, g, o = np.split(z, 4, axis=1)  # each (batch, units)
        i, f, g, o = _sigmoid(i), _sigmoid(f), np.tanh(g), _sigmoid(o)
        c = f * c + i * g  # keep part of the old memory, write part of the new
        h = o * np.tanh(c)  # show part of the memory as the state
        hs[:, t] = h
    return hs, h, c


def gru_forward(x, kernel, recurrent_kernel, bias, h0=None) -> tuple[np.ndarray, np.ndarray]:
    """A GRU over a batch of sequences, with the weights of `keras.layers.GRU(units)` (defaults; notebook 06).

    Weights: ``kernel (features, 3 * units)``, ``recurrent_kernel (units, 3 * units)``
    in Keras's order: update gate `z`, reset gate `r`, candidate; and ``bias
    (2, 3 * units)``: row 0 is added to the input part, row 1 to the recurrent
    part (Keras's default ``reset_after=True`` applies the reset gate after the
    recurrent product, so that part needs a bias of its own). The weights of
    ``GRU(reset_after=False)``, with one bias row ``(3 * units,)``, are refused.

        z, r = sigmoid(...);  candidate = tanh(x W + b0 + r * (h R + b1));  h_t = z * h_{t-1} + (1 - z) * candidate

    Returns:
        `(hs, h_last)`: `(batch, time, units)` and `(batch, units)`.
    """
    x, kernel, recurrent_kernel, bias = _floats(x=x, kernel=kernel, recurrent_kernel=recurrent_kernel, bias=bias)
    if kernel.ndim == 2 and kernel.shape[1] % 3 == 0 and bias.shape == (kernel.shape[1],):  # reset_after=False
        raise ValueError(f"bias must be (2, {kernel.shape[1]}); got {bias.shape}: a bias of shape (3 * units,) "
                         "comes from Keras's GRU(reset_after=False), which gru_forward does not support; it expects "
                         "Keras's default reset_after=True, whose bias is (2, 3 * units)")
    units = _check_gated(x, kernel, recurrent_kernel, bias, 3, lambda u: (2, 3 * u))
    batch, time, _ = x.shape
    dtype = np.result_type(x, kernel, recurrent_kernel, bias)
    h = _initial(h0, batch, units, dtype, "h0")
    hs = np.zeros((batch, time, units), dtype=dtype)  # (batch, time, units)
    for t in range(time):
        x_z, x_r, x_h = np.split(x[:, t] @ kernel + bias[0], 3, axis=1)  # each (batch, units)
        h_z, h_r, h_h = np.split(h @ recurrent_kernel + bias[1], 3, axis=1)
        z = _sigmoid(x_z + h_z)  # how much of the old state to keep
        r = _sigmoid(x_r + h_r)  # how much of the old state the candidate may use
        candidate = np.tanh(x_h + r * h_h)  # (batch, units)
        h = z * h + (1 - z) * candidate
        hs[:, t] = h
    return hs, h
