"""The minGRU as a Keras layer, trained in parallel by a scan (notebook 08).

Import this module after `setup()` has run (it imports Keras). The numpy
reference it is tested against is `scan.min_gru_forward`.

The scan is written with `keras.ops` rather than with `keras.ops.associative_scan`:
in Keras 3.13 (the version Colab runs), the TensorFlow backend's
`associative_scan` recurses without end when it is traced into a compiled
training step (keras-team/keras issue 22058).
"""

from __future__ import annotations

import keras

from rnn_tutorial.validation import check_int


def scan(a, b):
    """Every h_t of h_t = a_t * h_{t-1} + b_t from h_{-1} = 0, by a Hillis-Steele scan; a, b: `(batch, time, units)`.

    The time axis must have a fixed length. Steps before the start are padded with (1, 0), the step that
    changes nothing, so that every position can combine with the one `offset` steps earlier.
    """
    time = a.shape[1]
    if time is None:
        raise ValueError("scan needs a fixed number of steps: give the Input a length, e.g. keras.Input((30, 2))")
    offset = 1
    while offset < time:
        pad = [[0, 0], [offset, 0], [0, 0]]
        a_before = keras.ops.pad(a[:, :-offset], pad, constant_values=1.0)  # (batch, time, units)
        b_before = keras.ops.pad(b[:, :-offset], pad)  # (batch, time, units)
        a, b = a_before * a, a * b_before + b  # (a1, b1) then (a2, b2) = (a1 * a2, a2 * b1 + b2)
        offset *= 2
    return b


class FixedGate(keras.layers.Layer):
    """sigmoid(w): one learnt number per unit, the same at every step whatever the input; `(batch, time, units)`."""

    def __init__(self, units: int, **kwargs):
        super().__init__(**kwargs)
        self.units = check_int("units", units, 1)

    def build(self, input_shape):
        self.w = self.add_weight(shape=(self.units,), initializer="zeros", name="w")

    def call(self, x):
        return keras.ops.sigmoid(self.w) + keras.ops.zeros_like(x[..., :1])  # broadcast over batch and time

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], self.units)


@keras.saving.register_keras_serializable(package="rnn_tutorial")
class MinGRU(keras.layers.Layer):
    """minGRU (Feng et al. 2024): h_t = (1 - z_t) * h_{t-1} + z_t * candidate_t, from h_{-1} = 0.

    z_t = sigmoid(x_t W_z + b_z) and candidate_t = x_t W_c + b_c read x_t only (no tanh on the candidate, as in
    the paper), so every a_t = 1 - z_t and b_t = z_t * candidate_t is known before the recurrence, and a scan
    computes all the states at once. `selective=False` replaces z_t by a learnt constant per unit (`FixedGate`):
    a time-invariant linear recurrence, as in the state-space models before Mamba.

    Input `(batch, time, features)` with a fixed `time`; output every state, `(batch, time, units)`.
    Weights, in order: the gate's (`kernel (features, units)`, `bias (units,)`, or `w (units,)` when not
    selective), then the candidate's (`kernel`, `bias`).
    """

    def __init__(self, units: int, selective: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.units = check_int("units", units, 1)
        if not isinstance(selective, bool):
            raise ValueError(f"selective must be True or False; got {selective!r}")
        self.selective = selective
        dtype = self.dtype_policy  # the sublayers compute in the layer's own dtype
        self.to_z = (keras.layers.Dense(self.units, activation="sigmoid", name="z", dtype=dtype) if selective
                     else FixedGate(self.units, name="z", dtype=dtype))
        self.to_candidate = keras.layers.Dense(self.units, name="candidate", dtype=dtype)

    def build(self, input_shape):
        self.to_z.build(input_shape)
        self.to_candidate.build(input_shape)

    def call(self, x):
        z = self.to_z(x)  # (batch, time, units)
        a, b = 1 - z, z * self.to_candidate(x)  # h_t = a_t * h_{t-1} + b_t
        return scan(a, b)  # (batch, time, units)

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], self.units)

    def get_config(self):
        return {**super().get_config(), "units": self.units, "selective": self.selective}
