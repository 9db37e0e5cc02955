"""Exercise self-checks: each takes your answer and prints one line, `Correct! ...` or `Not yet: ...`.

A check says what is most likely wrong when your answer is not right yet. It
never raises, whatever your function returns or raises, so you can keep trying.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable

import numpy as np

from rnn_tutorial.answers import as_floats, as_items, as_number, describe
from rnn_tutorial.series import autocorrelation
from rnn_tutorial.text import tokenize

# A `convert` for `_call` takes the answer and returns `(it as the check needs it, None)` or `(None, what is wrong)`.

def _a_number(got) -> tuple[float | None, str | None]:
    """The answer as one float."""
    number = as_number(got)
    return (number, None) if number is not None else (None, f"return one number; got {describe(got)}")


def _an_array(shape: tuple, expected: str) -> Callable:
    """A `convert`: the answer as a float array of `shape`; else says `{expected} {shape}; got ...`."""

    def convert(got):
        array = as_floats(got)
        if array is None or array.shape != shape:
            return None, f"{expected} {shape}; got {describe(got)}"
        return array, None

    return convert


def _close(got: np.ndarray, want) -> bool:
    """Equal up to rounding, float32 or float64."""
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-4, atol=1e-5))


def _rounded(values) -> list:
    with np.errstate(all="ignore"):  # a huge value must not print a warning
        return np.round(np.asarray(values, dtype=float), 3).tolist()


def _raised(error: BaseException) -> str:
    try:
        text = " ".join(str(error).split())
    except Exception:  # an exception whose message cannot be shown
        text = ""
    text = text if len(text) <= 200 else text[:197] + "..."
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _call(fn, *args, convert=None, hint: str = ""):
    """Run the learner's function: `(result, None)`, or `(None, what went wrong)`.

    `convert(result)` returns `(value, None)` or `(None, what is wrong with the result)`.
    """
    if not callable(fn):
        return None, f"pass your function itself (its name, without calling it); got {describe(fn)}"
    try:
        result = fn(*args)
    except (Exception, SystemExit) as error:  # show the learner their own error, briefly
        return None, f"your function raised {_raised(error)}{hint}"
    if result is None:
        return None, "your function returned None: end it with `return` and your result"
    if result is ...:
        return None, "your function returned `...`: replace the `...` with your code"
    return convert(result) if convert else (result, None)


def _feedback(ok: bool, message: str) -> None:
    print(("Correct! " if ok else "Not yet: ") + message.replace("\n", " "))


CHECK_FAILED = "the check itself failed on this answer"


def _exercise(check: Callable) -> Callable:
    """Make an exercise check print one line and never raise: a safety net for a bug in the check itself."""

    @functools.wraps(check)
    def safe(*args, **kwargs):
        try:
            return check(*args, **kwargs)
        except Exception as error:
            return _feedback(False, f"{CHECK_FAILED} ({_raised(error)}); please report it")

    return safe


# ---------------------------------------------------------------------------
# Notebook 01
# ---------------------------------------------------------------------------

GYM_SENTENCE = "I love to go to the gym"


def _words(sentence: str) -> list[str]:
    return [token for token in tokenize(sentence) if token[0].isalnum()]  # punctuation does not count


@_exercise
def check_reordering(answer, original: str = GYM_SENTENCE) -> None:
    """Exercise 01.1: a new order of exactly the words of `original`."""
    words = as_items(answer)
    if words and all(isinstance(word, str) for word in words):
        return _feedback(False, "write one str, not a list of words: answer = \" \".join(words)")
    if not isinstance(answer, str) or not answer.strip():
        return _feedback(False, f"write your sentence as a str, e.g. answer = \"...\"; got {describe(answer)}")
    mine, theirs = _words(answer), _words(original)
    if mine == theirs:
        return _feedback(False, "that is the original order; move at least one word")
    missing = list((Counter(theirs) - Counter(mine)).elements())
    extra = list((Counter(mine) - Counter(theirs)).elements())
    if missing or extra:
        extra = extra if len(extra) <= 10 else [*extra[:10], "..."]
        return _feedback(False, f"use exactly the words of {original!r}: missing {missing}, extra {extra}")
    return _feedback(True, "same bag of words, different sequence: an order-blind model cannot tell them apart.")


@_exercise
def check_autocorrelation(fn: Callable) -> None:
    """Exercise 01.2: `fn(x, lag)` returns the autocorrelation of the 1-D array `x` at `lag`."""
    rng = np.random.default_rng(1)
    cases = [(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), 1), (10 + rng.standard_normal(50), 1),
             (np.sin(np.arange(40) / 3.0) + 5, 2), (np.sin(np.arange(40) / 3.0) + 5, 5)]
    for x, lag in cases:
        got, problem = _call(fn, x.copy(), lag, convert=_a_number)
        if problem:
            return _feedback(False, problem)
        want = autocorrelation(x, lag)
        if _close(np.float64(got), want):
            continue
        centred = x - x.mean()
        if _close(np.float64(got), np.sum(x[:-lag] * x[lag:]) / np.sum(x**2)):
            return _feedback(False, "subtract the mean from x before multiplying values")
        if _close(np.float64(got), np.sum(centred[:-lag] * centred[lag:])):
            return _feedback(False, "divide by the sum of squared centred values, so the result lies in [-1, 1]")
        if _close(np.float64(got), np.corrcoef(x[:-lag], x[lag:])[0, 1]):
            return _feedback(False, "close: centre and scale with the whole series, not each shifted half")
        shown = f"{got:.4f}" if abs(got) < 1e6 else f"{got:.4g}"
        return _feedback(False, f"for x = {np.round(x[:4], 3).tolist()}... and lag {lag}, "
                                f"expected {want:.4f}, got {shown}")
    return _feedback(True, "order-blind statistics (mean, spread) miss what this number measures.")


# ---------------------------------------------------------------------------
# Notebook 02
# ---------------------------------------------------------------------------


@_exercise
def check_dense_count(fn: Callable) -> None:
    """Exercise 02.1: `fn(max_length, vocab_size, units)` counts a dense layer's weights and biases."""
    for max_length, vocab_size, units in [(5, 10, 4), (10, 10_000, 10), (3, 7, 2)]:  # hints differ for the first
        got, problem = _call(fn, max_length, vocab_size, units, convert=_a_number)
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
                              f"gives {got:.15g}: how many inputs are there, and how many weights per input?")
        return _feedback(False, hint)
    return _feedback(True, "10 words x 10,000 ids x 10 units = 1,000,000 weights, + 10 biases.")


@_exercise
def check_one_hot(fn: Callable) -> None:
    """Exercise 02.2: `fn(ids, vocab_size)` returns `(len(ids), vocab_size)` one-hot rows, padding as zeros."""
    from rnn_tutorial.text import one_hot

    for ids, vocab_size in [([3, 1, 4], 6), ([2, 5, 0, 0], 7)]:
        want = one_hot(np.array(ids), vocab_size)
        expected = f"for {len(ids)} ids and vocab_size={vocab_size} the shape should be"
        got, problem = _call(fn, list(ids), vocab_size, convert=_an_array(want.shape, expected))
        if problem:
            return _feedback(False, problem)
        if np.array_equal(got, want):
            continue
        if not got.any():
            return _feedback(False, "every row is zero: put a 1 in column `id` of each word's row")
        if 0 in ids and got[np.array(ids) == 0].any():
            return _feedback(False, "padding (id 0) should stay a row of zeros")
        if np.array_equal(got[:, :-1], want[:, 1:]) or np.array_equal(got[:, 1:], want[:, :-1]):
            return _feedback(False, "the 1 is one column off: id k goes in column k (columns count from 0)")
        return _feedback(False, f"for ids {ids} expected {want.astype(int).tolist()}, got {_rounded(got)}")
    return _feedback(True, "a one-hot row is a word's id written as a vector.")


# ---------------------------------------------------------------------------
# Notebook 03
# ---------------------------------------------------------------------------


def _rnn_case(seed: int = 3, batch: int = 2, time: int = 4, features: int = 3, units: int = 5):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(batch, time, features)), rng.normal(size=(batch, units)),
            rng.normal(size=(features, units)), rng.normal(size=(units, units)), rng.normal(size=units))


@_exercise
def check_rnn_step(fn: Callable) -> None:
    """Exercise 03.1: `fn(x_t, h_prev, kernel, recurrent_kernel, bias)` returns the next state `(batch, units)`."""
    from rnn_tutorial.numpy_rnn import rnn_step

    x, h, kernel, recurrent, bias = _rnn_case()
    x_t = x[:, 0]  # (batch, features)
    want = rnn_step(x_t, h, kernel, recurrent, bias)  # (batch, units)
    shapes = (f". The shapes: x_t {x_t.shape} @ kernel {kernel.shape}, "
              f"h_prev {h.shape} @ recurrent_kernel {recurrent.shape}")
    got, problem = _call(fn, x_t.copy(), h.copy(), kernel.copy(), recurrent.copy(), bias.copy(), hint=shapes,
                         convert=_an_array(want.shape, "the new state should be (batch, units) ="))
    if problem:
        return _feedback(False, problem)
    if _close(got, want):
        return _feedback(True, "h_t = tanh(x_t @ kernel + h_prev @ recurrent_kernel + bias).")
    wrong = {
        "apply tanh to the sum": x_t @ kernel + h @ recurrent + bias,
        "add the bias inside the tanh": np.tanh(x_t @ kernel + h @ recurrent),
        "the previous state is missing: add h_prev @ recurrent_kernel": np.tanh(x_t @ kernel + bias),
        "use h_prev @ recurrent_kernel, not its transpose": np.tanh(x_t @ kernel + h @ recurrent.T + bias),
        "the bias goes inside the tanh, not after it": np.tanh(x_t @ kernel + h @ recurrent) + bias,
    }
    for hint, value in wrong.items():
        if _close(got, value):
            return _feedback(False, hint)
    return _feedback(False, "the values differ from h_t = tanh(x_t @ kernel + h_prev @ recurrent_kernel + bias)")


@_exercise
def check_rnn_forward(fn: Callable) -> None:
    """Exercise 03.2: `fn(x, kernel, recurrent_kernel, bias)` returns every state `(batch, time, units)`, h0 = 0."""
    from rnn_tutorial.numpy_rnn import rnn_forward, rnn_step

    x, _, kernel, recurrent, bias = _rnn_case()
    want, h_last = rnn_forward(x, kernel, recurrent, bias)  # (batch, time, units), (batch, units)
    got, problem = _call(fn, x.copy(), kernel.copy(), recurrent.copy(), bias.copy())
    if problem:
        return _feedback(False, problem)
    states = as_floats(got)
    if isinstance(got, tuple) and (states is None or states.shape != want.shape):
        return _feedback(False, f"return only the states hs, (batch, time, units), not a tuple; got {describe(got)}")
    if states is not None and states.shape == h_last.shape:
        return _feedback(False, f"return every state, shape (batch, time, units) = {want.shape}, not only the last")
    got, problem = _an_array(want.shape, "the states should be (batch, time, units) =")(got)
    if problem:
        return _feedback(False, problem)
    if _close(got, want):
        return _feedback(True, "the same step, with the same weights, at every time step.")
    zeros = np.zeros((x.shape[0], kernel.shape[1]))
    no_feedback = np.stack([rnn_step(x[:, t], zeros, kernel, recurrent, bias) for t in range(x.shape[1])], axis=1)
    if _close(got, no_feedback):
        return _feedback(False, "each step must start from the previous step's state: feed h back in")
    if _close(got[:, 1:], want[:, :-1]):
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


def _rnn_type(answer) -> str | None:
    """The type named by `answer`, however it is written ("Many-to-one" is "many to one"); None if none."""
    if not isinstance(answer, str):
        return None
    words = " ".join(answer.lower().replace("-", " ").replace("_", " ").split())
    return next((kind for kind in _TYPE_HINTS if kind.replace("-", " ") == words), None)


@_exercise
def check_rnn_types(answer) -> None:
    """Exercise 04.1: `answer` maps each task of `TASK_TYPES` to its type (a key of `diagrams.RNN_TYPES`)."""
    if not isinstance(answer, dict):
        return _feedback(False, f"answer must be a dict from task to type; got {describe(answer)}")
    missing = [task for task in TASK_TYPES if task not in answer]
    if missing:
        return _feedback(False, f"give a type for every task; missing: {missing}")
    unknown = [answer[task] for task in TASK_TYPES if _rnn_type(answer[task]) is None]
    if unknown:
        shown = sorted({kind if isinstance(kind, str) else describe(kind) for kind in unknown})
        return _feedback(False, f"types must be among {sorted(_TYPE_HINTS)}; got {shown}")
    wrong = [task for task, kind in TASK_TYPES.items() if _rnn_type(answer[task]) != kind]
    if wrong:
        task = wrong[0]
        return _feedback(False, f"{len(wrong)} wrong, e.g. {task!r} is not {answer[task]!r}: "
                                f"look for the type where {_TYPE_HINTS[TASK_TYPES[task]]}")
    return _feedback(True, "each task matched to the shape of its input and output.")


@_exercise
def check_temperature(fn: Callable) -> None:
    """Exercise 04.2: `fn(probabilities, temperature)` rescales a probability vector for sampling."""
    p = np.array([0.6, 0.3, 0.1])
    for temperature in (0.5, 1.0, 2.0):
        convert = _an_array(p.shape, "return one probability per symbol, shape")
        got, problem = _call(fn, p.copy(), temperature, convert=convert)
        if problem:
            return _feedback(False, problem)
        want = p ** (1 / temperature) / np.sum(p ** (1 / temperature))
        if _close(got, want):
            continue
        with np.errstate(all="ignore"):  # huge values must not print a warning
            total = got.sum()
        if not np.isclose(total, 1, atol=1e-5):
            return _feedback(False, f"the result must sum to 1 (it sums to {total:.3f}): divide by the total")
        inverse = p**temperature / np.sum(p**temperature)
        if _close(got, inverse):
            return _feedback(False, "the other way round: divide the log-probabilities by the temperature, "
                                    "so a temperature below 1 sharpens")
        return _feedback(False, f"for temperature {temperature} expected {_rounded(want)}, got {_rounded(got)}")
    return _feedback(True, "p ** (1 / T), normalised: T < 1 favours the likely symbols, T > 1 spreads the choice.")


# ---------------------------------------------------------------------------
# Notebook 05
# ---------------------------------------------------------------------------


@_exercise
def check_tanh_backward(fn: Callable) -> None:
    """Exercise 05.1: `fn(h, dh)` returns the gradient before the tanh, given `h = tanh(a)` and `dh = dL/dh`."""
    rng = np.random.default_rng(5)
    a = rng.normal(size=(3, 4))
    h, dh = np.tanh(a), rng.normal(size=(3, 4))
    want = dh * (1 - h**2)
    got, problem = _call(fn, h.copy(), dh.copy(), convert=_an_array(want.shape, "return one number per unit, shape"))
    if problem:
        return _feedback(False, problem)
    if _close(got, want):
        return _feedback(True, "tanh'(a) = 1 - tanh(a)^2, so the gradient is dh * (1 - h**2).")
    hints = [(dh * (1 - np.tanh(h) ** 2), "h is already tanh(a): use 1 - h**2, not 1 - tanh(h)**2"),
             (1 - h**2, "multiply by dh: the chain rule passes the incoming gradient on"),
             (dh * (1 - h), "the derivative of tanh is 1 - h**2 (squared)"),
             (dh * h, "the derivative of tanh is 1 - h**2, not h")]
    for value, hint in hints:
        if _close(got, value):
            return _feedback(False, hint)
    return _feedback(False, "the values differ from dh * (1 - h**2)")


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
    """Exercise 05.2: `fn(grads, max_norm)` scales a list of arrays together to a joint norm of at most `max_norm`."""
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


# ---------------------------------------------------------------------------
# Notebook 06
# ---------------------------------------------------------------------------


def _a_state_pair(shape: tuple) -> Callable:
    """A `convert`: the answer as `(h_t, c_t)`, two float arrays of `shape`."""

    def convert(got):
        items = as_items(got)
        if items is None or len(items) != 2:
            return None, f"return the pair h_t, c_t (two arrays); got {describe(got)}"
        h, c = (as_floats(item) for item in items)
        if c is not None and c.shape == (2, *shape):
            return None, "return h_t, c_t: two arrays (a Keras cell returns h, [h, c]; this step does not)"
        if h is None or c is None or h.shape != shape or c.shape != shape:
            return None, (f"h_t and c_t should both be (batch, units) = {shape}; "
                          f"got {describe(items[0])} and {describe(items[1])}")
        return (h, c), None

    return convert


@_exercise
def check_lstm_step(fn: Callable) -> None:
    """Exercise 06.1: `fn(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias)` returns `(h_t, c_t)`, Keras's layout."""
    from rnn_tutorial.numpy_rnn import lstm_forward

    rng = np.random.default_rng(6)
    x_t, h, c = rng.normal(size=(2, 3)), rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    kernel, recurrent, bias = rng.normal(size=(3, 16)), rng.normal(size=(4, 16)), rng.normal(size=16)
    _, want_h, want_c = lstm_forward(x_t[:, None], kernel, recurrent, bias, h0=h, c0=c)  # (batch, units) each
    pair, problem = _call(fn, x_t.copy(), h.copy(), c.copy(), kernel.copy(), recurrent.copy(), bias.copy(),
                          convert=_a_state_pair(want_h.shape))
    if problem:
        return _feedback(False, problem)
    got_h, got_c = pair
    if _close(got_h, want_h) and _close(got_c, want_c):
        return _feedback(True, "c_t = f * c_prev + i * g and h_t = o * tanh(c_t), gates in Keras's order i, f, g, o.")
    if _close(got_h, want_c) and _close(got_c, want_h):
        return _feedback(False, "both are right but swapped: return h_t first, then c_t")

    def sig(z):
        return 1 / (1 + np.exp(-z))

    i, f, g, o = np.split(x_t @ kernel + h @ recurrent + bias, 4, axis=1)
    swapped_c = sig(i) * c + sig(f) * np.tanh(g)
    if _close(got_c, swapped_c):
        return _feedback(False, "Keras's gate order is i, f, g, o (input, forget, candidate, output): "
                                "you swapped the input and forget gates")
    if _close(got_c, want_c):
        if _close(got_h, sig(o) * want_c):
            return _feedback(False, "c_t is right; h_t = o * tanh(c_t): apply tanh to the memory first")
        return _feedback(False, "c_t is right; check h_t = o * tanh(c_t) with o = sigmoid of the fourth block")
    if _close(got_c, sig(f) * c + sig(i) * sig(g)):
        return _feedback(False, "the candidate g uses tanh, not sigmoid")
    return _feedback(False, "c_t differs from f * c_prev + i * g: split z = x_t @ kernel + h_prev @ recurrent_kernel "
                            "+ bias into four blocks i, f, g, o")


@_exercise
def check_gru_count(fn: Callable) -> None:
    """Exercise 06.2: `fn(input_dim, units)` counts the parameters of `keras.layers.GRU(units)`."""
    for input_dim, units in [(5, 7), (32, 64)]:
        got, problem = _call(fn, input_dim, units, convert=_a_number)
        if problem:
            return _feedback(False, problem)
        simple = input_dim * units + units * units + units
        want = 3 * simple + 3 * units
        if got == want:
            continue
        hints = {3 * simple: "Keras's GRU (reset_after=True) has two bias rows: add 3 * units more",
                 4 * simple: "four blocks is an LSTM; a GRU has three (update, reset, candidate)",
                 simple: "a GRU has three blocks (update, reset, candidate), each the size of a SimpleRNN"}
        hint = hints.get(got, f"for input_dim={input_dim}, units={units} your function gives {got:.15g}: "
                              "count kernel, recurrent_kernel and bias, three blocks each")
        return _feedback(False, hint)
    return _feedback(True, "3 * (input_dim * units + units * units) + 2 * 3 * units.")
