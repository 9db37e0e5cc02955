import inspect
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from rnn_tutorial import exercises

# Exercise 01.1 -------------------------------------------------------------

def test_check_reordering_accepts_a_new_order(capsys):
    exercises.check_reordering("to the gym I love to go")
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("answer, hint", [
    ("I love to go to the gym", "that is the original order"),
    ("I love to go to the park", "missing ['gym'], extra ['park']"),
    ("I love go to the gym", "missing ['to']"),
    ("", "write your sentence as a str"),
    (None, "write your sentence as a str"),
])
def test_check_reordering_names_what_is_wrong(capsys, answer, hint):
    exercises.check_reordering(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out


# Exercise 01.2 -------------------------------------------------------------

def right(x, lag):
    centred = x - x.mean()
    return np.sum(centred[:-lag] * centred[lag:]) / np.sum(centred**2)


def test_check_autocorrelation_accepts_a_right_function(capsys):
    exercises.check_autocorrelation(right)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda x, lag: np.sum(x[:-lag] * x[lag:]) / np.sum(x**2), "subtract the mean"),
    (lambda x, lag: np.sum((x - x.mean())[:-lag] * (x - x.mean())[lag:]), "divide by the sum of squared"),
    (lambda x, lag: np.corrcoef(x[:-lag], x[lag:])[0, 1], "not each shifted half"),
    (lambda x, lag: 0.0, "expected 0.4000, got 0.0000"),
    (lambda x, lag: right(x, 1), "and lag 2"),
    (lambda x, lag: 1 / 0, "raised ZeroDivisionError"),
    (lambda x: right(x, 1), "raised TypeError"),
    ("not a function", "pass your function itself"),
])
def test_check_autocorrelation_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_autocorrelation(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercise 02.1 -------------------------------------------------------------

def test_check_dense_count_accepts_weights_plus_biases(capsys):
    exercises.check_dense_count(lambda L, V, H: L * V * H + H)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda L, V, H: L * V * H, "add one bias per unit"),
    (lambda L, V, H: L * V + H, "multiply, don't add"),
    (lambda L, V, H: V * H + H, "max_length one-hot vectors"),
    (lambda L, V, H: L * V * H + L * V, "one bias per unit, not per input"),
    (lambda L, V, H: 0, "units=4 your function gives 0"),
    (lambda L, V, H: 204 if L == 5 else 0, "units=10 your function gives 0"),
    (lambda L, V: 0, "raised TypeError"),
    (42, "pass your function itself"),
])
def test_check_dense_count_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_dense_count(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercise 02.2 -------------------------------------------------------------

def one_hot_right(ids, vocab_size):
    out = np.zeros((len(ids), vocab_size))
    for t, i in enumerate(ids):
        if i:
            out[t, i] = 1
    return out


def test_check_one_hot_accepts_a_right_function(capsys):
    exercises.check_one_hot(one_hot_right)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda ids, v: np.zeros((len(ids), v)), "every row is zero"),
    (lambda ids, v: np.eye(v)[ids], "padding (id 0) should stay a row of zeros"),
    (lambda ids, v: np.eye(v)[[i - 1 for i in ids]] * (np.array(ids)[:, None] > 0), "one column off"),
    (lambda ids, v: np.zeros((v, len(ids))), "the shape should be (3, 6); got a float64 array of shape (6, 3)"),
    (lambda ids, v: one_hot_right(ids, v)[:, ::-1], "expected"),
    (lambda ids: 0, "raised TypeError"),
])
def test_check_one_hot_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_one_hot(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 03.1 and 03.2 ---------------------------------------------------

def test_check_rnn_step_accepts_the_recurrence(capsys):
    exercises.check_rnn_step(lambda x, h, k, r, b: np.tanh(x @ k + h @ r + b))
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda x, h, k, r, b: x @ k + h @ r + b, "apply tanh"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r), "add the bias"),
    (lambda x, h, k, r, b: np.tanh(x @ k + b), "previous state is missing"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r.T + b), "not its transpose"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r) + b, "not after it"),
    (lambda x, h, k, r, b: np.tanh(k @ x + h @ r + b), "raised ValueError"),
    (lambda x, h, k, r, b: h[0], "should be (batch, units) = (2, 5); got a float64 array of shape (5,)"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r + 2 * b), "the values differ"),
    (None, "pass your function itself"),
])
def test_check_rnn_step_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_rnn_step(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def forward_right(x, k, r, b):
    hs, h = np.zeros(x.shape[:2] + (k.shape[1],)), np.zeros((x.shape[0], k.shape[1]))
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ k + h @ r + b)
        hs[:, t] = h
    return hs


def test_check_rnn_forward_accepts_a_right_loop(capsys):
    exercises.check_rnn_forward(forward_right)
    assert capsys.readouterr().out.startswith("Correct!")


def forward_no_feedback(x, k, r, b):
    return np.stack([np.tanh(x[:, t] @ k + b) for t in range(x.shape[1])], axis=1)


def forward_stored_late(x, k, r, b):
    hs = forward_right(x, k, r, b)
    return np.concatenate([np.zeros_like(hs[:, :1]), hs[:, :-1]], axis=1)


@pytest.mark.parametrize("wrong, hint", [
    (lambda x, k, r, b: forward_right(x, k, r, b)[:, -1], "not only the last"),
    (forward_no_feedback, "feed h back in"),
    (forward_stored_late, "store each state after computing it"),
    (lambda x, k, r, b: forward_right(x, k, r, b)[:, ::-1], "start from h = zeros"),
    (lambda x, k, r, b: forward_right(x, k, r, b)[:, :2], "should be (batch, time, units)"),
    (lambda x: x, "raised TypeError"),
    (lambda x, k, r, b: (forward_right(x, k, r, b), None), "not a tuple"),
])
def test_check_rnn_forward_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_rnn_forward(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 04.1 and 04.2 ---------------------------------------------------

def test_check_rnn_types_accepts_the_right_map(capsys):
    exercises.check_rnn_types(dict(exercises.TASK_TYPES))
    assert capsys.readouterr().out.startswith("Correct!")


def test_rnn_types_are_the_diagrams_types():
    from rnn_tutorial.diagrams import RNN_TYPES

    assert set(exercises.TASK_TYPES.values()) == set(RNN_TYPES)


@pytest.mark.parametrize("change, hint", [
    ({"tell whether an email is spam": "many to many"}, "look for the type where it reads a whole sequence"),
    ({"translate a sentence into German": "many to many"}, "read all, then write"),
    ({"tell whether a photo shows a cat": "one to zero"}, "types must be among"),
])
def test_check_rnn_types_names_what_is_wrong(capsys, change, hint):
    exercises.check_rnn_types({**exercises.TASK_TYPES, **change})
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


@pytest.mark.parametrize("answer, hint", [({}, "missing"), ([], "must be a dict")])
def test_check_rnn_types_refuses_incomplete_answers(capsys, answer, hint):
    exercises.check_rnn_types(answer)
    assert hint in capsys.readouterr().out


def test_check_temperature_accepts_a_right_function(capsys):
    exercises.check_temperature(lambda p, t: p ** (1 / t) / np.sum(p ** (1 / t)))
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda p, t: p ** (1 / t), "must sum to 1"),
    (lambda p, t: p**t / np.sum(p**t), "the other way round"),
    (lambda p, t: p, "for temperature 0.5 expected"),
    (lambda p, t: p[:2], "one probability per symbol"),
    (lambda p: p, "raised TypeError"),
])
def test_check_temperature_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_temperature(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 05.1 and 05.2 ---------------------------------------------------

def test_check_tanh_backward_accepts_the_chain_rule(capsys):
    exercises.check_tanh_backward(lambda h, dh: dh * (1 - h**2))
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda h, dh: dh * (1 - np.tanh(h) ** 2), "h is already tanh(a)"),
    (lambda h, dh: 1 - h**2, "multiply by dh"),
    (lambda h, dh: dh * (1 - h), "squared"),
    (lambda h, dh: dh * h, "not h"),
    (lambda h, dh: dh, "the values differ"),
    (lambda h, dh: dh[0], "one number per unit"),
    (lambda h: h, "raised TypeError"),
])
def test_check_tanh_backward_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_tanh_backward(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def clip_right(grads, max_norm):
    norm = np.sqrt(sum(np.sum(g**2) for g in grads))
    return [g * min(1.0, max_norm / norm) for g in grads]


def test_check_clipping_accepts_global_norm_clipping(capsys):
    exercises.check_clipping(clip_right)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda grads, m: [g * m / np.sqrt(sum(np.sum(x**2) for x in grads)) for g in grads], "must stay as they are"),
    (lambda grads, m: [g * min(1.0, m / np.linalg.norm(g)) for g in grads], "not each by its own"),
    (lambda grads, m: [np.clip(g, -m, m) for g in grads], "clip the norm, not each value"),
    (lambda grads, m: grads[0], "return a list of 2 arrays"),
    (lambda grads, m: [g * 0 for g in grads], "expected"),
    (lambda grads: grads, "raised TypeError"),
])
def test_check_clipping_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_clipping(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 06.1 and 06.2 ---------------------------------------------------

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_step(x, h, c, k, r, b, order=(0, 1, 2, 3), candidate=np.tanh, squash=np.tanh):
    blocks = np.split(x @ k + h @ r + b, 4, axis=1)
    i, f, g, o = (blocks[j] for j in order)
    c = sigmoid(f) * c + sigmoid(i) * candidate(g)
    return sigmoid(o) * squash(c), c


def test_check_lstm_step_accepts_keras_order(capsys):
    exercises.check_lstm_step(lstm_step)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda *a: lstm_step(*a, order=(1, 0, 2, 3)), "swapped the input and forget gates"),
    (lambda *a: lstm_step(*a, squash=lambda c: c), "apply tanh to the memory first"),
    (lambda *a: lstm_step(*a, candidate=sigmoid), "uses tanh, not sigmoid"),
    (lambda *a: lstm_step(*a, order=(3, 2, 1, 0)), "split z"),
    (lambda *a: lstm_step(*a)[0], "return the pair h_t, c_t (two arrays); got a float64 array of shape (2, 4)"),
    (lambda *a: None, "your function returned None"),
    (lambda *a: 1 / 0, "raised ZeroDivisionError"),
    (lambda *a: (a[1][0], a[2][0]), "should both be (batch, units)"),
])
def test_check_lstm_step_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_lstm_step(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def test_check_gru_count_accepts_the_keras_count(capsys):
    exercises.check_gru_count(lambda n, u: 3 * (n * u + u * u) + 2 * 3 * u)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda n, u: 3 * (n * u + u * u + u), "two bias rows"),
    (lambda n, u: 4 * (n * u + u * u + u), "four blocks is an LSTM"),
    (lambda n, u: n * u + u * u + u, "each the size of a SimpleRNN"),
    (lambda n, u: 0, "your function gives 0"),
    (lambda n: 0, "raised TypeError"),
])
def test_check_gru_count_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_gru_count(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Every exercise check, whatever it is given -------------------------------
# Found by name, so a new exercise is covered without editing this file. A check whose first
# parameter is `fn` takes the learner's function; the others take the answer itself.

EXERCISES = sorted(name for name, f in inspect.getmembers(exercises, inspect.isfunction)
                   if name.startswith("check_") and name != "check_bar" and f.__module__ == exercises.__name__)
TAKE_A_VALUE = [name for name in EXERCISES
                if next(iter(inspect.signature(getattr(exercises, name)).parameters)) != "fn"]


def test_the_exercises_are_found():
    assert len(EXERCISES) >= 12 and {"check_reordering", "check_lstm_step"} <= set(EXERCISES)
    assert {"check_reordering", "check_rnn_types"} <= set(TAKE_A_VALUE) and "check_clipping" not in TAKE_A_VALUE


def broken(*methods):
    """An object whose `methods` all raise."""
    def fail(self, *args, **kwargs):
        raise RuntimeError("broken on purpose")
    return type("Broken", (), {"__hash__": lambda self: 0, **{m: fail for m in methods}})()


class BrokenList(list):
    def __len__(self):
        raise RuntimeError("broken on purpose")

    __iter__ = __getitem__ = __len__


class BrokenFloat(float):
    def __repr__(self):
        raise RuntimeError("broken on purpose")

    __str__ = __format__ = __repr__


class UnprintableError(Exception):
    def __str__(self):
        raise RuntimeError("broken on purpose")


def first_as_floats(args):
    return np.asarray(args[0], dtype=float)


# Each makes a fresh odd answer from the arguments the check passed (a generator can be used only once).
ODD_ANSWERS = {
    "None": lambda args: None, "Ellipsis": lambda args: ..., "True": lambda args: True, "0": lambda args: 0,
    "7": lambda args: 7, "-1.5": lambda args: -1.5, "1e308": lambda args: 1e308, "10**400": lambda args: 10**400,
    "nan": lambda args: float("nan"), "inf": lambda args: float("inf"), "-inf": lambda args: -np.inf,
    "complex": lambda args: 1 + 2j, "Fraction": lambda args: Fraction(1, 2), "Decimal": lambda args: Decimal("0.5"),
    "np.int64": lambda args: np.int64(7), "np.float32": lambda args: np.float32(0.5),
    "np.float16": lambda args: np.float16(2), "np.bool_": lambda args: np.bool_(True),
    "np.complex64": lambda args: np.complex64(1j), "np.str_": lambda args: np.str_("x"),
    "empty str": lambda args: "", "str": lambda args: "42", "long str": lambda args: "x\n" * 5000,
    "bytes": lambda args: b"bytes", "[]": lambda args: [], "()": lambda args: (), "{}": lambda args: {},
    "set": lambda args: {1, 2}, "range": lambda args: range(3), "[1, 2, 3]": lambda args: [1, 2, 3],
    "ragged": lambda args: [[1, 2], [3]], "nested": lambda args: [[[0.5]]], "[None, None]": lambda args: [None, None],
    "list of str": lambda args: ["to", "the", "gym"], "mixed": lambda args: [np.zeros(2), "a"],
    "deep": lambda args: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1.0]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
    "3-tuple": lambda args: (1, 2, 3), "5-tuple": lambda args: (0,) * 5,
    "3 arrays": lambda args: (np.zeros((2, 4)),) * 3,
    "array and list": lambda args: (np.zeros((2, 4)), [np.zeros((2, 4))] * 2),
    "(list, norm)": lambda args: ([np.zeros(2), np.zeros((1, 2))], 13.0),
    "ragged pair": lambda args: (np.zeros(2), np.zeros((1, 2))),
    "dict": lambda args: {"kernel": np.zeros(3), "bias": 1},
    "tasks to None": lambda args: dict.fromkeys(exercises.TASK_TYPES),
    "tasks to ints": lambda args: dict.fromkeys(exercises.TASK_TYPES, 3),
    "tasks to lists": lambda args: dict.fromkeys(exercises.TASK_TYPES, ["many to one"]),
    "tasks to broken": lambda args: dict.fromkeys(exercises.TASK_TYPES,
                                                  broken("__eq__", "__ne__", "__repr__", "__str__")),
    "generator": lambda args: (x for x in range(3)), "iterator": lambda args: iter([1.0, 2.0]),
    "function": lambda args: (lambda: 0), "class": lambda args: int, "object": lambda args: object(),
    "module": lambda args: np, "0-d array": lambda args: np.array(5), "empty array": lambda args: np.zeros(0),
    "empty 2-d": lambda args: np.zeros((0, 0)),
    "(2, 5) zeros": lambda args: np.zeros((2, 5)), "(2, 4, 5) zeros": lambda args: np.zeros((2, 4, 5)),
    "bool array": lambda args: np.ones((3, 6), dtype=bool), "float32 array": lambda args: np.zeros(3, dtype=np.float32),
    "int array": lambda args: np.arange(3), "complex array": lambda args: np.array([1 + 2j]),
    "str array": lambda args: np.array(["a", "b"]), "object array": lambda args: np.array([1, None], dtype=object),
    "object arrays": lambda args: np.array([np.zeros(2), np.zeros(3)], dtype=object),
    "structured array": lambda args: np.zeros(2, dtype=[("a", int)]),
    "datetime": lambda args: np.datetime64("2020-01-01"),
    "huge array": lambda args: np.zeros(10**5),
    "broken ==": lambda args: broken("__eq__", "__ne__"), "broken len": lambda args: broken("__len__", "__getitem__"),
    "broken float": lambda args: broken("__float__", "__int__", "__index__"),
    "broken array": lambda args: broken("__array__"),
    "broken iter": lambda args: broken("__iter__"), "broken bool": lambda args: broken("__bool__"),
    "broken repr": lambda args: broken("__repr__", "__str__"),
    "broken everything": lambda args: broken("__eq__", "__ne__", "__len__", "__float__", "__array__", "__iter__",
                                             "__bool__", "__repr__", "__str__", "__getitem__", "__int__", "__index__"),
    "broken list": lambda args: BrokenList([1.0, 2.0]), "broken float subclass": lambda args: BrokenFloat(0.5),
    # shaped like the check's first argument, so that the checks get past their shape tests
    "the first argument": lambda args: args[0], "its copy as a list": lambda args: list(args[0]),
    "nan like it": lambda args: np.full_like(first_as_floats(args), np.nan),
    "inf like it": lambda args: np.full_like(first_as_floats(args), np.inf),
    "huge like it": lambda args: np.full_like(first_as_floats(args), 1e308),
    "complex like it": lambda args: first_as_floats(args) * 1j, "bool like it": lambda args: first_as_floats(args) > 0,
    "float32 like it": lambda args: first_as_floats(args).astype(np.float32),
    "pair like it": lambda args: (args[0], args[0]),
}
VALUE_ARGS = (np.zeros((2, 3)),)  # what "shaped like the first argument" uses for checks that take a value


def recurse(*args):
    return recurse(*args)


ERRORS = [ValueError("bad"), ZeroDivisionError("division by zero"), TypeError("takes 2 positional arguments"),
          KeyError("k"), IndexError("index 3 is out of bounds"), NotImplementedError(), AssertionError("my assert"),
          StopIteration(), SystemExit(1), FloatingPointError("overflow"), np.linalg.LinAlgError("singular"),
          ValueError("line one\nline two"), ValueError("x" * 10_000), UnprintableError()]


def raising(error):
    def fn(*args):
        raise error
    return fn


def one_line(capsys, check, answer):
    check(answer)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.endswith("\n"), out
    assert out.startswith(("Correct! ", "Not yet: ")), out
    assert exercises.CHECK_FAILED not in out, out  # the safety net hides no bug: each answer gets a specific reply
    return out


@pytest.mark.filterwarnings("error")  # and a check prints no warning of its own
@pytest.mark.parametrize("odd", ODD_ANSWERS)
@pytest.mark.parametrize("name", EXERCISES)
def test_an_exercise_check_answers_any_answer_in_one_line(capsys, name, odd):
    check, make = getattr(exercises, name), ODD_ANSWERS[odd]
    if name in TAKE_A_VALUE:
        one_line(capsys, check, make(VALUE_ARGS))
    else:
        one_line(capsys, check, lambda *args: make(args))  # a function that returns it
        not_a_function = make(VALUE_ARGS)
        if not callable(not_a_function):
            assert "pass your function itself" in one_line(capsys, check, not_a_function)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("error", ERRORS + [None], ids=[type(e).__name__ for e in ERRORS] + ["RecursionError"])
@pytest.mark.parametrize("name", EXERCISES)
def test_an_exercise_check_says_what_the_function_raised(capsys, name, error):
    fn = recurse if error is None else raising(error)
    out = one_line(capsys, getattr(exercises, name), fn)
    if name not in TAKE_A_VALUE:
        assert f"your function raised {type(error or RecursionError()).__name__}" in out, out


def test_the_safety_net_still_prints_one_line(capsys, monkeypatch):
    def bug(*args):
        raise RuntimeError("a bug in the check")

    monkeypatch.setattr(exercises, "autocorrelation", bug)
    exercises.check_autocorrelation(right)
    out = capsys.readouterr().out
    assert out.startswith(f"Not yet: {exercises.CHECK_FAILED} (RuntimeError: a bug in the check)")
    assert out.count("\n") == 1


# Every correct variant is accepted ----------------------------------------

def in_float32(fn):
    """`fn` computed in float32: its array arguments and its result."""
    def wrapped(*args):
        cast = [a.astype(np.float32) if isinstance(a, np.ndarray) else a for a in args]
        result = fn(*cast)
        return tuple(np.float32(r) for r in result) if isinstance(result, tuple) else np.float32(result)
    return wrapped


def temperature(p, t):
    return p ** (1 / t) / np.sum(p ** (1 / t))


def dense_count(L, V, H):
    return L * V * H + H


def gru_count(n, u):
    return 3 * (n * u + u * u) + 2 * 3 * u


CORRECT = {
    "check_reordering": ["to the gym I love to go", "To the gym, I love to go!", " go to the gym I love to ",
                         np.str_("to the gym I love to go")],
    "check_rnn_types": [dict(exercises.TASK_TYPES),
                        {**exercises.TASK_TYPES, "tell whether an email is spam": "Many-to-one",
                         "translate a sentence into German": "encoder decoder"},
                        {**{k: v.replace(" ", "_").upper() for k, v in exercises.TASK_TYPES.items()}, "extra": 1}],
    "check_autocorrelation": [right, in_float32(right), lambda x, lag: np.array([right(x, lag)]),
                              lambda x, lag: [right(x, lag)], lambda x, lag: Fraction(right(x, lag))],
    "check_dense_count": [dense_count, lambda *a: np.int64(dense_count(*a)), lambda *a: float(dense_count(*a)),
                          lambda *a: np.float32(dense_count(*a)), lambda *a: np.array([dense_count(*a)]),
                          lambda *a: np.uint32(dense_count(*a))],
    "check_one_hot": [one_hot_right, lambda *a: one_hot_right(*a).astype(np.float32),
                      lambda *a: one_hot_right(*a).astype(int), lambda *a: one_hot_right(*a).astype(bool),
                      lambda *a: one_hot_right(*a).tolist(),
                      lambda *a: tuple(map(tuple, one_hot_right(*a).astype(int)))],
    "check_rnn_step": [lambda x, h, k, r, b: np.tanh(x @ k + h @ r + b),
                       in_float32(lambda x, h, k, r, b: np.tanh(x @ k + h @ r + b)),
                       lambda x, h, k, r, b: np.tanh(x @ k + h @ r + b).tolist()],
    "check_rnn_forward": [forward_right, in_float32(forward_right), lambda *a: forward_right(*a).tolist(),
                          lambda *a: tuple(forward_right(*a))],
    "check_temperature": [temperature, in_float32(temperature), lambda *a: list(temperature(*a)),
                          lambda *a: tuple(temperature(*a))],
    "check_tanh_backward": [lambda h, dh: dh * (1 - h**2), in_float32(lambda h, dh: dh * (1 - h**2)),
                            lambda h, dh: (dh * (1 - h**2)).tolist()],
    "check_clipping": [clip_right, lambda *a: tuple(clip_right(*a)),
                       lambda grads, m: clip_right([g.astype(np.float32) for g in grads], np.float32(m)),
                       lambda *a: [g.tolist() for g in clip_right(*a)]],
    "check_lstm_step": [lstm_step, in_float32(lstm_step), lambda *a: list(lstm_step(*a)),
                        lambda *a: [s.tolist() for s in lstm_step(*a)]],
    "check_gru_count": [gru_count, lambda *a: np.int64(gru_count(*a)), lambda *a: float(gru_count(*a)),
                        lambda *a: np.array(gru_count(*a)), lambda *a: np.array([gru_count(*a)])],
}


def test_every_exercise_has_correct_variants():
    assert sorted(CORRECT) == EXERCISES


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name, answer", [(name, answer) for name, answers in CORRECT.items() for answer in answers])
def test_an_exercise_check_accepts_every_correct_variant(capsys, name, answer):
    assert one_line(capsys, getattr(exercises, name), answer).startswith("Correct! ")


# ... and a plausible misunderstanding gets a specific hint ---------------

def clip_and_norm(grads, max_norm):
    norm = np.sqrt(sum(np.sum(g**2) for g in grads))
    return clip_right(grads, max_norm), norm


@pytest.mark.parametrize("name, answer, hint", [
    ("check_reordering", ["to", "the", "gym", "I", "love", "to", "go"], "not a list of words"),
    ("check_reordering", "I love to go to the gym.", "that is the original order"),
    ("check_rnn_types", {**exercises.TASK_TYPES, "tell whether a photo shows a cat": None},
     "'one to many', 'one to one']; got ['None']"),
    ("check_autocorrelation", lambda x, lag: x[:-lag] * x[lag:], "return one number; got a float64 array of shape"),
    ("check_dense_count", lambda L, V, H: (L * V * H, H), "return one number; got a tuple of 2 items"),
    ("check_dense_count", lambda L, V, H: "1000010", "return one number; got str '1000010'"),
    ("check_one_hot", lambda ids, v: None, "your function returned None: end it with `return`"),
    ("check_rnn_forward", lambda *a: (forward_right(*a), forward_right(*a)[:, -1]), "not a tuple; got a tuple of 2"),
    ("check_temperature", lambda p, t: 0, "return one probability per symbol, shape (3,); got int 0"),
    ("check_clipping", clip_and_norm, "return only the list of clipped arrays, not (list, norm)"),
    ("check_clipping", lambda grads, m: (g for g in clip_right(grads, m)), "got a generator"),
    ("check_clipping", lambda grads, m: [g.ravel() for g in clip_right(grads, m)],
     "array 1 should keep its shape (1, 2); got a float64 array of shape (2,)"),
    ("check_lstm_step", lambda *a: (lstm_step(*a)[0],) + lstm_step(*a),
     "return the pair h_t, c_t (two arrays); got a tuple of 3 items (shape (3, 2, 4))"),
    ("check_lstm_step", lambda *a: (lstm_step(*a)[0], list(lstm_step(*a))), "a Keras cell returns h, [h, c]"),
    ("check_lstm_step", lambda *a: lstm_step(*a)[::-1], "both are right but swapped: return h_t first"),
    ("check_gru_count", lambda n, u: {"kernel": n * u, "recurrent_kernel": u * u, "bias": u},
     "return one number; got a dict of 3 items"),
    ("check_gru_count", lambda n, u: 1.5, "your function gives 1.5"),
])
def test_a_plausible_misunderstanding_gets_a_hint(capsys, name, answer, hint):
    out = one_line(capsys, getattr(exercises, name), answer)
    assert out.startswith("Not yet: ") and hint in out, out
