"""Checks shown in the notebooks: quality bars for trained models, and exercise self-checks.

A *bar* check prints a measured figure next to the bar it must meet, and
stops the notebook with an `AssertionError` when the figure misses it. A
trained model's score can differ in its last digits from one computer to
another; the bar is what must hold everywhere. (The tests compare everything
a notebook prints except these digits: see tests/nbval_sanitize.cfg.)

An *exercise* check takes your answer and prints whether it is right and, when
it is not, what is most likely wrong. It never raises on a wrong answer, so you
can keep trying.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

from rnn_tutorial.series import autocorrelation
from rnn_tutorial.text import tokenize


def check_bar(name: str, value: float, *, at_least: float | None = None, at_most: float | None = None,
              percent: bool = True) -> None:
    """Print `name: value (bar: ...)` and raise AssertionError if the value is outside the bar."""
    if at_least is None and at_most is None:
        raise ValueError("give at_least, at_most or both")
    value = float(value)
    if not np.isfinite(value):
        raise AssertionError(f"{name} is {value}, not a finite number")
    scale, unit = (100, "%") if percent else (1, "")

    def show(v):
        return f"{v * scale:.1f}{unit}" if percent else f"{v:.4g}"

    parts = []
    if at_least is not None:
        parts.append(f">= {show(at_least)}")
    if at_most is not None:
        parts.append(f"<= {show(at_most)}")
    bar = " and ".join(parts)
    print(f"{name}: {show(value)} (bar: {bar})")
    if (at_least is not None and value < at_least) or (at_most is not None and value > at_most):
        raise AssertionError(f"{name} = {show(value)} misses its bar ({bar})")


def _feedback(ok: bool, message: str) -> None:
    print(("Correct! " if ok else "Not yet: ") + message)


def _floats(value) -> np.ndarray:
    return np.asarray(value, dtype=float)


def _call(fn, *args, convert=None, hint: str = ""):
    """Run the learner's function (and `convert` on its result): `(result, None)`, or `(None, what went wrong)`."""
    if not callable(fn):
        return None, f"pass your function itself (its name, without calling it); got {fn!r}"
    try:
        result = fn(*args)
        return (convert(result) if convert else result), None
    except Exception as error:  # show the learner their own error, briefly
        return None, f"your function raised {type(error).__name__}: {error}{hint}"


# ---------------------------------------------------------------------------
# Notebook 01
# ---------------------------------------------------------------------------

GYM_SENTENCE = "I love to go to the gym"


def check_reordering(answer, original: str = GYM_SENTENCE) -> None:
    """Exercise 01.1: a new order of exactly the words of `original`."""
    if not isinstance(answer, str) or not answer.strip():
        return _feedback(False, f"write your sentence as a str, e.g. answer = \"...\"; got {answer!r}")
    mine, theirs = tokenize(answer), tokenize(original)
    if mine == theirs:
        return _feedback(False, "that is the original order; move at least one word")
    missing = list((Counter(theirs) - Counter(mine)).elements())
    extra = list((Counter(mine) - Counter(theirs)).elements())
    if missing or extra:
        return _feedback(False, f"use exactly the words of {original!r}: missing {missing}, extra {extra}")
    return _feedback(True, "same bag of words, different sequence: an order-blind model cannot tell them apart.")


def check_autocorrelation(fn: Callable) -> None:
    """Exercise 01.2: `fn(x, lag)` returns the autocorrelation of the 1-D array `x` at `lag`."""
    rng = np.random.default_rng(1)
    cases = [(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), 1), (10 + rng.standard_normal(50), 1),
             (np.sin(np.arange(40) / 3.0) + 5, 2), (np.sin(np.arange(40) / 3.0) + 5, 5)]
    for x, lag in cases:
        got, problem = _call(fn, x.copy(), lag, convert=float)
        if problem:
            return _feedback(False, problem)
        want = autocorrelation(x, lag)
        if np.isclose(got, want, atol=1e-6):
            continue
        centred = x - x.mean()
        if np.isclose(got, np.sum(x[:-lag] * x[lag:]) / np.sum(x**2), atol=1e-6):
            return _feedback(False, "subtract the mean from x before multiplying values")
        if np.isclose(got, np.sum(centred[:-lag] * centred[lag:]), atol=1e-6):
            return _feedback(False, "divide by the sum of squared centred values, so the result lies in [-1, 1]")
        if np.isclose(got, np.corrcoef(x[:-lag], x[lag:])[0, 1], atol=1e-6):
            return _feedback(False, "close: centre and scale with the whole series, not each shifted half")
        return _feedback(False, f"for x = {np.round(x[:4], 3).tolist()}... and lag {lag}, "
                                f"expected {want:.4f}, got {got:.4f}")
    return _feedback(True, "order-blind statistics (mean, spread) miss what this number measures.")


# ---------------------------------------------------------------------------
# Notebook 02
# ---------------------------------------------------------------------------


def check_dense_count(fn: Callable) -> None:
    """Exercise 02.1: `fn(max_length, vocab_size, units)` counts a dense layer's weights and biases."""
    for max_length, vocab_size, units in [(5, 10, 4), (10, 10_000, 10), (3, 7, 2)]:  # hints differ for the first
        got, problem = _call(fn, max_length, vocab_size, units)
        if problem:
            return _feedback(False, problem)
        inputs = max_length * vocab_size
        want = inputs * units + units
        if got == want:
            continue
        hints = {inputs * units: "that is the weights only: add one bias per unit",
                 inputs + units: "every input connects to every unit: multiply, don't add",
                 vocab_size * units + units: "the input is the whole sentence: max_length one-hot vectors",
                 inputs * units + inputs: "there is one bias per unit, not per input"}
        hint = hints.get(got, f"for max_length={max_length}, vocab_size={vocab_size}, units={units} your function "
                              f"gives {got!r}: how many inputs are there, and how many weights per input?")
        return _feedback(False, hint)
    return _feedback(True, "10 words x 10,000 ids x 10 units = 1,000,000 weights, + 10 biases.")


def check_one_hot(fn: Callable) -> None:
    """Exercise 02.2: `fn(ids, vocab_size)` returns `(len(ids), vocab_size)` one-hot rows, padding as zeros."""
    from rnn_tutorial.text import one_hot

    for ids, vocab_size in [([3, 1, 4], 6), ([2, 5, 0, 0], 7)]:
        got, problem = _call(fn, list(ids), vocab_size, convert=np.asarray)
        if problem:
            return _feedback(False, problem)
        want = one_hot(np.array(ids), vocab_size)
        if got.shape != want.shape:
            return _feedback(False, f"for {len(ids)} ids and vocab_size={vocab_size} the shape should be "
                                    f"{want.shape}; got {got.shape}")
        if np.array_equal(got, want):
            continue
        if not got.any():
            return _feedback(False, "every row is zero: put a 1 in column `id` of each word's row")
        if 0 in ids and got[np.array(ids) == 0].any():
            return _feedback(False, "padding (id 0) should stay a row of zeros")
        if np.array_equal(got[:, :-1], want[:, 1:]) or np.array_equal(got[:, 1:], want[:, :-1]):
            return _feedback(False, "the 1 is one column off: id k goes in column k (columns count from 0)")
        return _feedback(False, f"for ids {ids} expected\n{want.astype(int)}\ngot\n{got}")
    return _feedback(True, "a one-hot row is a word's id written as a vector.")


# ---------------------------------------------------------------------------
# Notebook 03
# ---------------------------------------------------------------------------


def _rnn_case(seed: int = 3, batch: int = 2, time: int = 4, features: int = 3, units: int = 5):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(batch, time, features)), rng.normal(size=(batch, units)),
            rng.normal(size=(features, units)), rng.normal(size=(units, units)), rng.normal(size=units))


def check_rnn_step(fn: Callable) -> None:
    """Exercise 03.1: `fn(x_t, h_prev, kernel, recurrent_kernel, bias)` returns the next state `(batch, units)`."""
    from rnn_tutorial.numpy_rnn import rnn_step

    x, h, kernel, recurrent, bias = _rnn_case()
    x_t = x[:, 0]  # (batch, features)
    shapes = (f". The shapes: x_t {x_t.shape} @ kernel {kernel.shape}, "
              f"h_prev {h.shape} @ recurrent_kernel {recurrent.shape}")
    got, problem = _call(fn, x_t.copy(), h.copy(), kernel.copy(), recurrent.copy(), bias.copy(), convert=_floats,
                         hint=shapes)
    if problem:
        return _feedback(False, problem)
    want = rnn_step(x_t, h, kernel, recurrent, bias)
    if got.shape != want.shape:
        return _feedback(False, f"the new state should be (batch, units) = {want.shape}; got {got.shape}")
    if np.allclose(got, want, atol=1e-8):
        return _feedback(True, "h_t = tanh(x_t @ kernel + h_prev @ recurrent_kernel + bias).")
    wrong = {
        "apply tanh to the sum": x_t @ kernel + h @ recurrent + bias,
        "add the bias inside the tanh": np.tanh(x_t @ kernel + h @ recurrent),
        "the previous state is missing: add h_prev @ recurrent_kernel": np.tanh(x_t @ kernel + bias),
        "use h_prev @ recurrent_kernel, not its transpose": np.tanh(x_t @ kernel + h @ recurrent.T + bias),
        "the bias goes inside the tanh, not after it": np.tanh(x_t @ kernel + h @ recurrent) + bias,
    }
    for hint, value in wrong.items():
        if value.shape == got.shape and np.allclose(got, value, atol=1e-8):
            return _feedback(False, hint)
    return _feedback(False, "the values differ from h_t = tanh(x_t @ kernel + h_prev @ recurrent_kernel + bias)")


def check_rnn_forward(fn: Callable) -> None:
    """Exercise 03.2: `fn(x, kernel, recurrent_kernel, bias)` returns every state `(batch, time, units)`, h0 = 0."""
    from rnn_tutorial.numpy_rnn import rnn_forward, rnn_step

    x, _, kernel, recurrent, bias = _rnn_case()
    got, problem = _call(fn, x.copy(), kernel.copy(), recurrent.copy(), bias.copy())
    if problem:
        return _feedback(False, problem)
    if isinstance(got, tuple):
        return _feedback(False, "return only the states hs, (batch, time, units), not a tuple")
    got = np.asarray(got, dtype=float)
    want, h_last = rnn_forward(x, kernel, recurrent, bias)
    if got.shape == h_last.shape:
        return _feedback(False, f"return every state, shape (batch, time, units) = {want.shape}, not only the last")
    if got.shape != want.shape:
        return _feedback(False, f"the states should be (batch, time, units) = {want.shape}; got {got.shape}")
    if np.allclose(got, want, atol=1e-8):
        return _feedback(True, "the same step, with the same weights, at every time step.")
    zeros = np.zeros((x.shape[0], kernel.shape[1]))
    no_feedback = np.stack([rnn_step(x[:, t], zeros, kernel, recurrent, bias) for t in range(x.shape[1])], axis=1)
    if np.allclose(got, no_feedback, atol=1e-8):
        return _feedback(False, "each step must start from the previous step's state: feed h back in")
    if np.allclose(got[:, 1:], want[:, :-1], atol=1e-8):
        return _feedback(False, "store each state after computing it: hs[:, t] is the state after word t")
    return _feedback(False, "start from h = zeros((batch, units)); then for t in range(time): "
                            "h = step(x[:, t], h, ...)")


# ---------------------------------------------------------------------------
# Notebook 04
# ---------------------------------------------------------------------------

TASK_TYPES = {
    "tell whether an email is spam": "many to one",
    "write a melody in a given style": "one to many",
    "tag each word of a sentence with its part of speech": "many to many",
    "translate a sentence into German": "encoder-decoder",
    "tell whether a photo shows a cat": "one to one",
}
_TYPE_HINTS = {
    "many to one": "it reads a whole sequence and gives one answer at the end",
    "one to many": "it starts from one input and writes a sequence, feeding each output back in",
    "many to many": "it gives one output per input, aligned step by step",
    "encoder-decoder": "input and output are sequences of different lengths and orders: read all, then write",
    "one to one": "neither input nor output is a sequence",
}


def check_rnn_types(answer) -> None:
    """Exercise 04.1: `answer` maps each task of `TASK_TYPES` to its type (a key of `diagrams.RNN_TYPES`)."""
    if not isinstance(answer, dict):
        return _feedback(False, f"answer must be a dict from task to type; got {type(answer).__name__}")
    missing = [task for task in TASK_TYPES if task not in answer]
    if missing:
        return _feedback(False, f"give a type for every task; missing: {missing}")
    unknown = sorted({str(v) for v in answer.values()} - set(_TYPE_HINTS))
    if unknown:
        return _feedback(False, f"types must be among {sorted(_TYPE_HINTS)}; got {unknown}")
    wrong = [task for task, kind in TASK_TYPES.items() if answer[task] != kind]
    if wrong:
        task = wrong[0]
        return _feedback(False, f"{len(wrong)} wrong, e.g. {task!r} is not {answer[task]!r}: "
                                f"look for the type where {_TYPE_HINTS[TASK_TYPES[task]]}")
    return _feedback(True, "each task matched to the shape of its input and output.")


def check_temperature(fn: Callable) -> None:
    """Exercise 04.2: `fn(probabilities, temperature)` rescales a probability vector for sampling."""
    p = np.array([0.6, 0.3, 0.1])
    for temperature in (0.5, 1.0, 2.0):
        got, problem = _call(fn, p.copy(), temperature, convert=_floats)
        if problem:
            return _feedback(False, problem)
        want = p ** (1 / temperature) / np.sum(p ** (1 / temperature))
        if got.shape != p.shape:
            return _feedback(False, f"return one probability per symbol, shape {p.shape}; got {got.shape}")
        if np.allclose(got, want, atol=1e-6):
            continue
        if not np.isclose(got.sum(), 1, atol=1e-6):
            return _feedback(False, f"the result must sum to 1 (it sums to {got.sum():.3f}): divide by the total")
        inverse = p**temperature / np.sum(p**temperature)
        if np.allclose(got, inverse, atol=1e-6):
            return _feedback(False, "the other way round: divide the log-probabilities by the temperature, "
                                    "so a temperature below 1 sharpens")
        return _feedback(False, f"for temperature {temperature} expected {np.round(want, 3).tolist()}, "
                                f"got {np.round(got, 3).tolist()}")
    return _feedback(True, "p ** (1 / T), normalised: T < 1 favours the likely symbols, T > 1 spreads the choice.")


# ---------------------------------------------------------------------------
# Notebook 05
# ---------------------------------------------------------------------------


def check_tanh_backward(fn: Callable) -> None:
    """Exercise 05.1: `fn(h, dh)` returns the gradient before the tanh, given `h = tanh(a)` and `dh = dL/dh`."""
    rng = np.random.default_rng(5)
    a = rng.normal(size=(3, 4))
    h, dh = np.tanh(a), rng.normal(size=(3, 4))
    got, problem = _call(fn, h.copy(), dh.copy(), convert=_floats)
    if problem:
        return _feedback(False, problem)
    want = dh * (1 - h**2)
    if got.shape != want.shape:
        return _feedback(False, f"return one number per unit, shape {want.shape}; got {got.shape}")
    if np.allclose(got, want):
        return _feedback(True, "tanh'(a) = 1 - tanh(a)^2, so the gradient is dh * (1 - h**2).")
    hints = [(dh * (1 - np.tanh(h) ** 2), "h is already tanh(a): use 1 - h**2, not 1 - tanh(h)**2"),
             (1 - h**2, "multiply by dh: the chain rule passes the incoming gradient on"),
             (dh * (1 - h), "the derivative of tanh is 1 - h**2 (squared)"),
             (dh * h, "the derivative of tanh is 1 - h**2, not h")]
    for value, hint in hints:
        if np.allclose(got, value):
            return _feedback(False, hint)
    return _feedback(False, "the values differ from dh * (1 - h**2)")


def check_clipping(fn: Callable) -> None:
    """Exercise 05.2: `fn(grads, max_norm)` scales a list of arrays together to a joint norm of at most `max_norm`."""
    grads = [np.array([3.0, 4.0]), np.array([[0.0, 12.0]])]  # norms 5 and 12, joint norm 13
    for max_norm, scale in ((1.0, 1 / 13), (20.0, 1.0)):
        got, problem = _call(fn, [g.copy() for g in grads], max_norm)
        if problem:
            return _feedback(False, problem)
        if not isinstance(got, (list, tuple)) or len(got) != len(grads):
            return _feedback(False, f"return a list of {len(grads)} arrays, like the input; got {type(got).__name__}")
        got = [np.asarray(g, dtype=float) for g in got]
        if all(np.allclose(a, b * scale) for a, b in zip(got, grads)):
            continue
        if scale == 1.0:
            return _feedback(False, "gradients already within max_norm must stay as they are")
        if np.allclose(got[0], [0.6, 0.8]) and np.allclose(got[1], [[0.0, 1.0]]):
            return _feedback(False, "scale all arrays by one factor from their joint norm, not each by its own")
        if np.allclose(got[0], [1.0, 1.0]):
            return _feedback(False, "clip the norm, not each value: multiply everything by max_norm / norm")
        expected, mine = [np.round(g * scale, 3).tolist() for g in grads], [np.round(g, 3).tolist() for g in got]
        return _feedback(False, f"with max_norm={max_norm} expected {expected}, got {mine}")
    return _feedback(True, "the direction is kept, only the length is capped.")


# ---------------------------------------------------------------------------
# Notebook 06
# ---------------------------------------------------------------------------


def check_lstm_step(fn: Callable) -> None:
    """Exercise 06.1: `fn(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias)` returns `(h_t, c_t)`, Keras's layout."""
    from rnn_tutorial.numpy_rnn import lstm_forward

    rng = np.random.default_rng(6)
    x_t, h, c = rng.normal(size=(2, 3)), rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    kernel, recurrent, bias = rng.normal(size=(3, 16)), rng.normal(size=(4, 16)), rng.normal(size=16)
    pair, problem = _call(fn, x_t.copy(), h.copy(), c.copy(), kernel.copy(), recurrent.copy(), bias.copy(),
                          convert=lambda got: [_floats(a) for a in got], hint=" (return a pair: h_t, c_t)")
    if problem:
        return _feedback(False, problem)
    got_h, got_c = pair
    _, want_h, want_c = lstm_forward(x_t[:, None], kernel, recurrent, bias, h0=h, c0=c)
    if got_h.shape != want_h.shape or got_c.shape != want_c.shape:
        return _feedback(False, f"h_t and c_t should both be (batch, units) = {want_h.shape}")
    if np.allclose(got_h, want_h) and np.allclose(got_c, want_c):
        return _feedback(True, "c_t = f * c_prev + i * g and h_t = o * tanh(c_t), gates in Keras's order i, f, g, o.")

    def sig(z):
        return 1 / (1 + np.exp(-z))

    i, f, g, o = np.split(x_t @ kernel + h @ recurrent + bias, 4, axis=1)
    swapped_c = sig(i) * c + sig(f) * np.tanh(g)
    if np.allclose(got_c, swapped_c):
        return _feedback(False, "Keras's gate order is i, f, g, o (input, forget, candidate, output): "
                                "you swapped the input and forget gates")
    if np.allclose(got_c, want_c):
        if np.allclose(got_h, sig(o) * want_c):
            return _feedback(False, "c_t is right; h_t = o * tanh(c_t): apply tanh to the memory first")
        return _feedback(False, "c_t is right; check h_t = o * tanh(c_t) with o = sigmoid of the fourth block")
    if np.allclose(got_c, sig(f) * c + sig(i) * sig(g)):
        return _feedback(False, "the candidate g uses tanh, not sigmoid")
    return _feedback(False, "c_t differs from f * c_prev + i * g: split z = x_t @ kernel + h_prev @ recurrent_kernel "
                            "+ bias into four blocks i, f, g, o")


def check_gru_count(fn: Callable) -> None:
    """Exercise 06.2: `fn(input_dim, units)` counts the parameters of `keras.layers.GRU(units)`."""
    for input_dim, units in [(5, 7), (32, 64)]:
        got, problem = _call(fn, input_dim, units)
        if problem:
            return _feedback(False, problem)
        simple = input_dim * units + units * units + units
        want = 3 * simple + 3 * units
        if got == want:
            continue
        hints = {3 * simple: "Keras's GRU (reset_after=True) has two bias rows: add 3 * units more",
                 4 * simple: "four blocks is an LSTM; a GRU has three (update, reset, candidate)",
                 simple: "a GRU has three blocks (update, reset, candidate), each the size of a SimpleRNN"}
        return _feedback(False, hints.get(got, f"for input_dim={input_dim}, units={units} your function gives "
                                               f"{got!r}: count kernel, recurrent_kernel and bias, three blocks each"))
    return _feedback(True, "3 * (input_dim * units + units * units) + 2 * 3 * units.")
