import numpy as np
import pytest

from rnn_tutorial import checks


def test_check_bar_prints_the_value_and_its_bar(capsys):
    checks.check_bar("RNN accuracy", 0.931, at_least=0.9)
    assert capsys.readouterr().out == "RNN accuracy: 93.1% (bar: >= 90.0%)\n"
    checks.check_bar("gap", 0.0, at_most=1e-6, percent=False)
    assert capsys.readouterr().out == "gap: 0 (bar: <= 1e-06)\n"


@pytest.mark.parametrize("value, kwargs", [
    (0.89, {"at_least": 0.9}),
    (0.56, {"at_least": 0.45, "at_most": 0.55}),
    (0.44, {"at_least": 0.45, "at_most": 0.55}),
    (float("nan"), {"at_least": 0.0}),
])
def test_check_bar_fails_outside_the_bar(value, kwargs):
    with pytest.raises(AssertionError):
        checks.check_bar("score", value, **kwargs)


def test_check_bar_needs_a_bar():
    with pytest.raises(ValueError, match="at_least, at_most or both"):
        checks.check_bar("score", 0.5)


# Exercise 01.1 -------------------------------------------------------------

def test_check_reordering_accepts_a_new_order(capsys):
    checks.check_reordering("to the gym I love to go")
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("answer, hint", [
    ("I love to go to the gym", "that is the original order"),
    ("I love to go to the park", "missing ['gym'], extra ['park']"),
    ("I love go to the gym", "missing ['to']"),
    ("", "write your sentence as a str"),
    (None, "write your sentence as a str"),
])
def test_check_reordering_names_what_is_wrong(capsys, answer, hint):
    checks.check_reordering(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out


# Exercise 01.2 -------------------------------------------------------------

def right(x, lag):
    centred = x - x.mean()
    return np.sum(centred[:-lag] * centred[lag:]) / np.sum(centred**2)


def test_check_autocorrelation_accepts_a_right_function(capsys):
    checks.check_autocorrelation(right)
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
    checks.check_autocorrelation(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercise 02.1 -------------------------------------------------------------

def test_check_dense_count_accepts_weights_plus_biases(capsys):
    checks.check_dense_count(lambda L, V, H: L * V * H + H)
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
    checks.check_dense_count(wrong)
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
    checks.check_one_hot(one_hot_right)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda ids, v: np.zeros((len(ids), v)), "every row is zero"),
    (lambda ids, v: np.eye(v)[ids], "padding (id 0) should stay a row of zeros"),
    (lambda ids, v: np.eye(v)[[i - 1 for i in ids]] * (np.array(ids)[:, None] > 0), "one column off"),
    (lambda ids, v: np.zeros((v, len(ids))), "the shape should be (3, 6); got (6, 3)"),
    (lambda ids, v: one_hot_right(ids, v)[:, ::-1], "expected"),
    (lambda ids: 0, "raised TypeError"),
])
def test_check_one_hot_names_what_is_wrong(capsys, wrong, hint):
    checks.check_one_hot(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 03.1 and 03.2 ---------------------------------------------------

def test_check_rnn_step_accepts_the_recurrence(capsys):
    checks.check_rnn_step(lambda x, h, k, r, b: np.tanh(x @ k + h @ r + b))
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda x, h, k, r, b: x @ k + h @ r + b, "apply tanh"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r), "add the bias"),
    (lambda x, h, k, r, b: np.tanh(x @ k + b), "previous state is missing"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r.T + b), "not its transpose"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r) + b, "not after it"),
    (lambda x, h, k, r, b: np.tanh(k @ x + h @ r + b), "raised ValueError"),
    (lambda x, h, k, r, b: h[0], "should be (batch, units) = (2, 5); got (5,)"),
    (lambda x, h, k, r, b: np.tanh(x @ k + h @ r + 2 * b), "the values differ"),
    (None, "pass your function itself"),
])
def test_check_rnn_step_names_what_is_wrong(capsys, wrong, hint):
    checks.check_rnn_step(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def forward_right(x, k, r, b):
    hs, h = np.zeros(x.shape[:2] + (k.shape[1],)), np.zeros((x.shape[0], k.shape[1]))
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ k + h @ r + b)
        hs[:, t] = h
    return hs


def test_check_rnn_forward_accepts_a_right_loop(capsys):
    checks.check_rnn_forward(forward_right)
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
    checks.check_rnn_forward(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 04.1 and 04.2 ---------------------------------------------------

def test_check_rnn_types_accepts_the_right_map(capsys):
    checks.check_rnn_types(dict(checks.TASK_TYPES))
    assert capsys.readouterr().out.startswith("Correct!")


def test_rnn_types_are_the_diagrams_types():
    from rnn_tutorial.diagrams import RNN_TYPES

    assert set(checks.TASK_TYPES.values()) == set(RNN_TYPES)


@pytest.mark.parametrize("change, hint", [
    ({"tell whether an email is spam": "many to many"}, "look for the type where it reads a whole sequence"),
    ({"translate a sentence into German": "many to many"}, "read all, then write"),
    ({"tell whether a photo shows a cat": "one to zero"}, "types must be among"),
])
def test_check_rnn_types_names_what_is_wrong(capsys, change, hint):
    checks.check_rnn_types({**checks.TASK_TYPES, **change})
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


@pytest.mark.parametrize("answer, hint", [({}, "missing"), ([], "must be a dict")])
def test_check_rnn_types_refuses_incomplete_answers(capsys, answer, hint):
    checks.check_rnn_types(answer)
    assert hint in capsys.readouterr().out


def test_check_temperature_accepts_a_right_function(capsys):
    checks.check_temperature(lambda p, t: p ** (1 / t) / np.sum(p ** (1 / t)))
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda p, t: p ** (1 / t), "must sum to 1"),
    (lambda p, t: p**t / np.sum(p**t), "the other way round"),
    (lambda p, t: p, "for temperature 0.5 expected"),
    (lambda p, t: p[:2], "one probability per symbol"),
    (lambda p: p, "raised TypeError"),
])
def test_check_temperature_names_what_is_wrong(capsys, wrong, hint):
    checks.check_temperature(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 05.1 and 05.2 ---------------------------------------------------

def test_check_tanh_backward_accepts_the_chain_rule(capsys):
    checks.check_tanh_backward(lambda h, dh: dh * (1 - h**2))
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
    checks.check_tanh_backward(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def clip_right(grads, max_norm):
    norm = np.sqrt(sum(np.sum(g**2) for g in grads))
    return [g * min(1.0, max_norm / norm) for g in grads]


def test_check_clipping_accepts_global_norm_clipping(capsys):
    checks.check_clipping(clip_right)
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
    checks.check_clipping(wrong)
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
    checks.check_lstm_step(lstm_step)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda *a: lstm_step(*a, order=(1, 0, 2, 3)), "swapped the input and forget gates"),
    (lambda *a: lstm_step(*a, squash=lambda c: c), "apply tanh to the memory first"),
    (lambda *a: lstm_step(*a, candidate=sigmoid), "uses tanh, not sigmoid"),
    (lambda *a: lstm_step(*a, order=(3, 2, 1, 0)), "split z"),
    (lambda *a: lstm_step(*a)[0], "should both be (batch, units)"),
    (lambda *a: None, "raised TypeError"),
    (lambda *a: (a[1][0], a[2][0]), "should both be (batch, units)"),
])
def test_check_lstm_step_names_what_is_wrong(capsys, wrong, hint):
    checks.check_lstm_step(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def test_check_gru_count_accepts_the_keras_count(capsys):
    checks.check_gru_count(lambda n, u: 3 * (n * u + u * u) + 2 * 3 * u)
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda n, u: 3 * (n * u + u * u + u), "two bias rows"),
    (lambda n, u: 4 * (n * u + u * u + u), "four blocks is an LSTM"),
    (lambda n, u: n * u + u * u + u, "each the size of a SimpleRNN"),
    (lambda n, u: 0, "your function gives 0"),
    (lambda n: 0, "raised TypeError"),
])
def test_check_gru_count_names_what_is_wrong(capsys, wrong, hint):
    checks.check_gru_count(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out
