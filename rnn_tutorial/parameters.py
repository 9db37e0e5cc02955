"""Counting a model's parameters by hand, with Keras's weight names (notebooks 02 and 06).

Each function returns a dict from weight name to its number of values, so the
total is ``sum(d.values())`` and every entry can be checked against the Keras
layer's weight of the same name.
"""

from __future__ import annotations

from rnn_tutorial.validation import check_int


def _positive(**sizes) -> None:
    for name, value in sizes.items():
        check_int(name, value, 1)


def dense_input_size(max_length: int, vocab_size: int) -> int:
    """Inputs of a dense network fed a whole padded sentence as one-hot vectors: `max_length * vocab_size`."""
    _positive(max_length=max_length, vocab_size=vocab_size)
    return int(max_length * vocab_size)


def dense_parameters(inputs: int, units: int) -> dict[str, int]:
    """A `keras.layers.Dense(units)` layer on `inputs` numbers: a weight per (input, unit) pair, a bias per unit.

    Returns:
        ``{"kernel": inputs * units, "bias": units}``
    """
    _positive(inputs=inputs, units=units)
    return {"kernel": int(inputs * units), "bias": int(units)}


def simple_rnn_parameters(input_dim: int, units: int) -> dict[str, int]:
    """A `keras.layers.SimpleRNN(units)` layer on `input_dim` features per step; no term depends on the length.

    Returns:
        ``{"kernel": input_dim * units, "recurrent_kernel": units * units, "bias": units}``
    """
    _positive(input_dim=input_dim, units=units)
    return {"kernel": int(input_dim * units), "recurrent_kernel": int(units * units), "bias": int(units)}


def lstm_parameters(input_dim: int, units: int) -> dict[str, int]:
    """A `keras.layers.LSTM(units)`: four SimpleRNN-sized blocks side by side (input, forget, candidate, output).

    Returns:
        ``{"kernel": input_dim * 4 * units, "recurrent_kernel": units * 4 * units, "bias": 4 * units}``
    """
    _positive(input_dim=input_dim, units=units)
    return {"kernel": int(input_dim * 4 * units), "recurrent_kernel": int(units * 4 * units), "bias": int(4 * units)}


def gru_parameters(input_dim: int, units: int) -> dict[str, int]:
    """A `keras.layers.GRU(units)` with Keras's default `reset_after=True`: three blocks (update, reset, candidate).

    The reset gate multiplies the recurrent part *after* its bias is added, so
    that part needs a bias of its own: the bias is `(2, 3 * units)`, one row for
    the input part and one for the recurrent part.

    Returns:
        ``{"kernel": input_dim * 3 * units, "recurrent_kernel": units * 3 * units, "bias": 2 * 3 * units}``
    """
    _positive(input_dim=input_dim, units=units)
    return {"kernel": int(input_dim * 3 * units), "recurrent_kernel": int(units * 3 * units),
            "bias": int(2 * 3 * units)}
