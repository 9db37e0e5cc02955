"""The exercises of notebook 05, Backpropagation through time: their self-checks, and what the checks compute."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnn_tutorial.answers import as_floats, as_items, as_number, describe
from rnn_tutorial.exercises._common import (
    _an_array,
    _call,
    _close,
    _exercise,
    _feedback,
    _lowered_keys,
    _positions,
    _rounded,
)


@_exercise
def check_relu_backward(fn: Callable) -> None:
    """Exercise 05.1: `fn(h, dh)` returns the gradient before a ReLU, given `h = relu(a)` and `dh = dL/dh`."""
    rng = np.random.default_rng(5)
    h, dh = np.maximum(0, rng.normal(size=(3, 4))), rng.normal(size=(3, 4))  # about half the entries are 0
    want = dh * (h > 0)
    got, problem = _call(fn, h.copy(), dh.copy(), convert=_an_array(want.shape, "return one number per unit, shape"))
    if problem:
        return _feedback(False, problem)
    if _close(got, want):
        return _feedback(True, "relu passes the gradient where it was positive and blocks it where it gave 0.")
    hints = [(dh, "where h = 0 the ReLU was flat: its slope there is 0, so no gradient passes"),
             ((h > 0).astype(float), "multiply by dh: the chain rule passes the incoming gradient on"),
             (dh * h, "the ReLU's slope is 1 where a > 0, not h: multiply dh by (h > 0)"),
             (dh * (1 - h**2), "that is the tanh's derivative; a ReLU's slope is 1 where a > 0 and 0 elsewhere")]
    for value, hint in hints:
        if _close(got, value):
            return _feedback(False, hint)
    return _feedback(False, "the values differ from dh where h > 0 and 0 elsewhere")


GRADIENT_REACH = (np.diag([1.2, 0.5]), 10)  # the exercise's recurrent_kernel and number of steps back


@_exercise
def check_gradient_reach(prediction) -> None:
    """Exercise 05.2: your prediction of ||dL/dh_{T-k}|| for W_h = diag(1.2, 0.5), states near 0, ||dL/dh_T|| = 1."""
    recurrent_kernel, k = GRADIENT_REACH
    dh = np.ones(2) / np.sqrt(2)  # dL/dh_T, norm 1
    for _ in range(k):
        dh = (dh * (1 - 0.0**2)) @ recurrent_kernel.T  # one step back; tanh' = 1 - h**2 = 1 near h = 0
    measured = float(np.linalg.norm(dh))
    guess = as_number(prediction)
    if guess is None:
        return _feedback(False, f"write your prediction as one number, e.g. my_prediction = 0.5; got "
                                f"{describe(prediction)}")
    if np.isclose(guess, measured, rtol=0.05):
        return _feedback(True, f"measured {measured:.3f}: each direction is multiplied by its own factor, and after "
                               f"{k} steps the growing one (1.2**{k}) is all that is left.")
    hints = [(0.85**k, "the factors do not average: each direction is multiplied by its own factor, 1.2 or 0.5"),
             (1.2**k, "close: the growing direction starts with only 1/sqrt(2) of the norm"),
             (0.5**k, "the direction multiplied by 1.2 grows; it is the one that is left"),
             (1.2**k * 0.5**k, "the directions do not multiply each other: follow each one on its own"),
             (1.0, "the norm does change: one direction grows, the other shrinks")]
    for value, hint in hints:
        if np.isclose(guess, value, rtol=0.02):
            return _feedback(False, f"{hint} (measured {measured:.3f})")
    return _feedback(False, f"measured {measured:.3f}, you predicted {guess:.4g}: what does one step back do to each "
                            "of the two entries of the gradient?")


def _a_list_like(like: list[np.ndarray]) -> Callable:
    """A `convert`: the answer as a list of float arrays, shaped like those of `like`."""

    def convert(got):
        items = as_items(got)
        if items and len(items) == 2 and as_items(items[0]) is not None and as_number(items[1]) is not None:
            return None, "return only the list of clipped arrays, not (list, norm)"
        if items is None or len(items) != len(like):
            return None, f"return a list of {len(like)} arrays, like the input; got {describe(got)}"
        arrays = [as_floats(item) for item in items]
        for i, (array, item, want) in enumerate(zip(arrays, items, like)):
            if array is None or array.shape != want.shape:
                return None, f"array {i} should keep its shape {want.shape}; got {describe(item)}"
        return arrays, None

    return convert


@_exercise
def check_clipping(fn: Callable) -> None:
    """Exercise 05.3: `fn(grads, max_norm)` scales a list of arrays together to a joint norm of at most `max_norm`."""
    grads = [np.array([3.0, 4.0]), np.array([[0.0, 12.0]])]  # norms 5 and 12, joint norm 13
    for max_norm, scale in ((1.0, 1 / 13), (20.0, 1.0)):
        got, problem = _call(fn, [g.copy() for g in grads], max_norm, convert=_a_list_like(grads))
        if problem:
            return _feedback(False, problem)
        if all(_close(a, b * scale) for a, b in zip(got, grads)):
            continue
        if scale == 1.0:
            return _feedback(False, "gradients already within max_norm must stay as they are")
        if _close(got[0], [0.6, 0.8]) and _close(got[1], [[0.0, 1.0]]):
            return _feedback(False, "scale all arrays by one factor from their joint norm, not each by its own")
        if _close(got[0], [1.0, 1.0]):
            return _feedback(False, "clip the norm, not each value: multiply everything by max_norm / norm")
        expected, mine = [_rounded(g * scale) for g in grads], [_rounded(g) for g in got]
        return _feedback(False, f"with max_norm={max_norm} expected {expected}, got {mine}")
    return _feedback(True, "the direction is kept, only the length is capped.")


# Exercise 05.4: truncated BPTT over 10 steps in chunks of 4; which inputs get a gradient?
TRUNCATION_TIME, TRUNCATION_CHUNK = 10, 4
TRUNCATION_LOSSES = ("loss on the last state", "loss on every state")


def truncated_input_steps(loss_at: str, time: int = TRUNCATION_TIME, chunk: int = TRUNCATION_CHUNK) -> set[int]:
    """The steps t whose input x_t gets a non-zero gradient from truncated BPTT, on a small random RNN."""
    from rnn_tutorial.numpy_rnn import rnn_backward, rnn_forward

    rng = np.random.default_rng(0)
    x, kernel = rng.normal(size=(2, time, 1)), rng.normal(0, 0.5, (1, 4))
    recurrent_kernel, bias = rng.normal(0, 0.5, (4, 4)), np.zeros(4)
    hs, _ = rnn_forward(x, kernel, recurrent_kernel, bias)  # (2, time, 4)
    dhs = np.ones_like(hs) if loss_at == TRUNCATION_LOSSES[1] else np.zeros_like(hs)
    dhs[:, -1] = 1.0
    steps = set()
    for start in range(0, time, chunk):
        first = hs[:, start - 1] if start > 0 else np.zeros((2, 4))  # a constant for this chunk
        dx = rnn_backward(x[:, start:start + chunk], hs[:, start:start + chunk], dhs[:, start:start + chunk],
                          kernel, recurrent_kernel, bias, h0=first)["x"]  # (2, chunk steps, 1)
        steps |= {start + int(t) for t in np.flatnonzero(np.abs(dx).max(axis=(0, 2)) > 0)}
    return steps


def _step_sets(value, form: str) -> tuple[dict | None, str | None]:
    """{loss: set of steps} from a dict of the two losses (keys in any case), each a set of steps from 0 to 9."""
    if not isinstance(value, dict):
        return None, f"{form}; got {describe(value)}"
    given = _lowered_keys(value)
    sets = {}
    for loss in TRUNCATION_LOSSES:
        if loss not in given:
            return None, f"{form}; missing {loss!r}"
        steps, problem = _positions(given[loss]) if given[loss] is not None else (None, "got None")
        if problem:
            return None, f"{form}; for {loss!r}: {problem}"
        outside = sorted(t for t in steps if not 0 <= t < TRUNCATION_TIME)
        if outside:
            return None, f"the steps are 0 to {TRUNCATION_TIME - 1}; for {loss!r} got {outside}"
        sets[loss] = steps
    return sets, None


@_exercise
def check_truncation_prediction(prediction, measured=None) -> None:
    """Exercise 05.4 (predict, then run): chunks of 4 over 10 steps; the steps whose input x_t gets a gradient.

    `prediction` and `measured`: {"loss on the last state": set of steps, "loss on every state": set of steps}.
    `measured` comes from the notebook's own `chunked_backward`; without it, the check measures on a small RNN.
    """
    form = 'write your prediction as {"loss on the last state": {...}, "loss on every state": {...}}, sets of steps'
    said, problem = _step_sets(prediction, form)
    if problem:
        return _feedback(False, problem)
    if measured is None:
        measured = {loss: truncated_input_steps(loss) for loss in TRUNCATION_LOSSES}
    want, problem = _step_sets(measured, "measured must have the same form as the prediction")
    if problem:
        return _feedback(False, problem)
    last, every = (said[loss] for loss in TRUNCATION_LOSSES)
    shown = "measured: " + ", ".join(f"{loss}: {sorted(want[loss])}" for loss in TRUNCATION_LOSSES)
    if said == want:
        return _feedback(True, f"{shown}. The gradient of a loss travels back only to the start of its own chunk "
                               "(0-3, 4-7, 8-9); a loss in every chunk reaches every input, a loss at the end only "
                               "the last chunk's.")
    if last == set(range(TRUNCATION_TIME - TRUNCATION_CHUNK, TRUNCATION_TIME)):
        return _feedback(False, f"{shown}. The chunks are counted from the first step: 0-3, 4-7, and then?")
    if last != want[TRUNCATION_LOSSES[0]]:
        return _feedback(False, f"{shown}. With the loss on the last state, which chunk holds that loss, and can its "
                                "gradient cross the start of that chunk?")
    return _feedback(False, f"{shown}. With a loss at every state, every chunk has losses of its own: which inputs "
                            "can they reach without leaving their chunk?")
