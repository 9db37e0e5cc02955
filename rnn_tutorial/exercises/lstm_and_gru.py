"""The exercises of notebook 06, LSTM and GRU: their self-checks, and what the checks compute."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnn_tutorial.answers import as_number, describe
from rnn_tutorial.exercises._common import _an_array, _call, _close, _exercise, _feedback


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def gru_step_reset_before(x_t, h_prev, kernel, recurrent_kernel, bias) -> np.ndarray:
    """One step of Keras's `GRU(reset_after=False)`: the reset gate scales h_prev before the recurrent product.

    `kernel (features, 3 * units)`, `recurrent_kernel (units, 3 * units)`, `bias (3 * units,)`, blocks z, r, candidate.
    """
    units = h_prev.shape[1]
    x_z, x_r, x_c = np.split(x_t @ kernel + bias, 3, axis=1)  # (batch, units) each
    z = _sigmoid(x_z + h_prev @ recurrent_kernel[:, :units])
    r = _sigmoid(x_r + h_prev @ recurrent_kernel[:, units:2 * units])
    candidate = np.tanh(x_c + (r * h_prev) @ recurrent_kernel[:, 2 * units:])
    return z * h_prev + (1 - z) * candidate


@_exercise
def check_gru_reset_before(fn: Callable) -> None:
    """Exercise 06.1: `fn(x_t, h_prev, kernel, recurrent_kernel, bias)` is one step of `GRU(reset_after=False)`."""
    rng = np.random.default_rng(6)
    x_t, h = rng.normal(size=(2, 3)), rng.normal(0, 0.5, size=(2, 4))  # (batch, features), (batch, units)
    kernel, recurrent, bias = rng.normal(size=(3, 12)), rng.normal(size=(4, 12)), rng.normal(size=12)
    want = gru_step_reset_before(x_t, h, kernel, recurrent, bias)
    got, problem = _call(fn, x_t.copy(), h.copy(), kernel.copy(), recurrent.copy(), bias.copy(),
                         convert=_an_array(want.shape, "return the new state, shape (batch, units) ="))
    if problem:
        return _feedback(False, problem)
    if _close(got, want):
        return _feedback(True, "the reset gate now acts on h_prev itself, before recurrent_kernel multiplies it.")
    x_z, x_r, x_c = np.split(x_t @ kernel + bias, 3, axis=1)
    h_z, h_r, h_c = np.split(h @ recurrent, 3, axis=1)
    z, r = _sigmoid(x_z + h_z), _sigmoid(x_r + h_r)
    hints = [((1 - z) * h + z * np.tanh(x_c + (r * h) @ recurrent[:, 8:]),
              "z and 1 - z are swapped: Keras keeps z of the old state, h = z * h_prev + (1 - z) * candidate"),
             (z * h + (1 - z) * np.tanh(x_c + r * h_c),
              "that is the default form, reset after the product: here r scales h_prev before recurrent_kernel"),
             (z * h + (1 - z) * np.tanh(x_c + h_c), "the reset gate is missing from the candidate"),
             (np.tanh(x_c + (r * h) @ recurrent[:, 8:]), "that is the candidate: mix it with h_prev through z")]
    for value, hint in hints:
        if _close(got, value):
            return _feedback(False, hint)
    return _feedback(False, "the values differ: split kernel, recurrent_kernel and bias into blocks z, r, candidate, "
                            "and let r multiply h_prev before its product with the candidate's block")


MEMORY_HALF_LIFE = (3.0, -30.0)  # the exercise's forget-gate and input-gate biases (weights are zero)


@_exercise
def check_memory_half_life(prediction) -> None:
    """Exercise 06.2: your prediction of the steps until c < c_0 / 2, for an LSTM with zero weights and these biases."""
    forget_bias, input_bias = MEMORY_HALF_LIFE
    forget, write = _sigmoid(forget_bias), _sigmoid(input_bias)  # the gates, with zero weights
    c, steps = 1.0, 0
    while c >= 0.5:
        c = forget * c + write * np.tanh(0.0)  # c_t = f * c_{t-1} + i * g; the candidate g is tanh(0) = 0
        steps += 1
    guess = as_number(prediction)
    if guess is None:
        return _feedback(False, f"write your prediction as one number of steps, e.g. my_prediction = 5; got "
                                f"{describe(prediction)}")
    if abs(guess - steps) <= 1:
        return _feedback(True, f"measured {steps} steps: the gate is sigmoid(3) = {forget:.3f}, and {forget:.3f}**n "
                               f"falls below 1/2 at n = {steps}. A gate near 1 still forgets, geometrically.")
    hints = [(1 / (1 - forget), "that is the average memory time 1 / (1 - f); half is lost sooner"),
             (forget_bias, "the bias is not the gate: with zero weights the gate is sigmoid(bias)"),
             (1, "one step keeps sigmoid(3), about 95%: far more than half"),
             (np.log(0.5) / np.log(_sigmoid(1.0)), "the bias is 3, not 1 (Keras's starting forget bias)")]
    for value, hint in hints:
        if abs(guess - value) <= 0.5:
            return _feedback(False, f"{hint} (measured {steps} steps)")
    return _feedback(False, f"measured {steps} steps, you predicted {guess:.4g}: what share of c does one step "
                            "keep, with the forget gate at sigmoid(3)?")
