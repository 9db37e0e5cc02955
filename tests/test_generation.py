import numpy as np
import pytest

from rnn_tutorial import generation


def test_encode_names_adds_start_and_end_and_pads():
    inputs, targets = generation.encode_names(["emma", "al"])
    assert inputs.shape == targets.shape == (2, 5)
    assert [generation.SYMBOLS[i] for i in inputs[0]] == ["^", "e", "m", "m", "a"]
    assert [generation.SYMBOLS[i] for i in targets[1]] == ["a", "l", "$", "", ""]
    assert generation.decode_name(targets[0]) == "emma"


@pytest.mark.parametrize("bad", [["Emma"], ["jo-ann"], [""]])
def test_encode_names_refuses_other_symbols(bad):
    with pytest.raises(ValueError, match="lowercase a-z"):
        generation.encode_names(bad)


def test_loss_per_symbol_skips_padding_and_is_zero_when_sure():
    targets = np.array([[3, 4, 0]])
    sure = np.zeros((1, 3, len(generation.SYMBOLS)))
    sure[0, 0, 3] = sure[0, 1, 4] = 1.0
    sure[0, 2, 5] = 1.0  # a wrong guess on padding does not count
    assert generation.loss_per_symbol(sure, targets) == pytest.approx(0.0)
    uniform = np.full((1, 3, len(generation.SYMBOLS)), 1 / len(generation.SYMBOLS))
    assert generation.loss_per_symbol(uniform, targets) == pytest.approx(np.log(len(generation.SYMBOLS)))
    with pytest.raises(ValueError, match="must match targets"):
        generation.loss_per_symbol(uniform, targets[:, :2])


def test_bigram_loss_learns_the_pairs_it_saw():
    seen = generation.bigram_loss(["abab"] * 50, ["abab"])
    unseen = generation.bigram_loss(["abab"] * 50, ["zyzy"])
    assert seen < 1.0 < unseen


class FakeStep:
    """Always predicts the letter after the input symbol ('^' -> 'a'), and the end after 'c'."""

    def __call__(self, inputs):
        symbol, state = inputs
        p = np.zeros((len(symbol), 1, len(generation.SYMBOLS)))
        for row, s in enumerate(symbol[:, 0]):
            char = generation.SYMBOLS[s]
            nxt = "a" if char == "^" else "$" if char in "c$" else chr(ord(char) + 1)
            p[row, 0, generation.SYMBOL_IDS[nxt]] = 1.0
        return p, state


def test_sample_names_feeds_each_symbol_back_and_stops_at_the_end():
    start = lambda conditions: np.zeros((len(conditions), 3))  # noqa: E731
    assert generation.sample_names(start, FakeStep(), [0, 1], temperature=0.5) == ["abc", "abc"]
    with pytest.raises(ValueError, match="temperature must be positive"):
        generation.sample_names(start, FakeStep(), [0], temperature=0)


class NeverEnds:
    """Always predicts 'a', never the end symbol: only max_length stops the name."""

    def __call__(self, inputs):
        symbol, state = inputs
        p = np.zeros((len(symbol), 1, len(generation.SYMBOLS)))
        p[:, 0, generation.SYMBOL_IDS["a"]] = 1.0
        return p, state


def zeros_start(conditions):
    return np.zeros((len(conditions), 3))


@pytest.mark.parametrize("max_length", [1, 5, 12])
def test_sample_names_returns_at_most_max_length_letters(max_length):
    names = generation.sample_names(zeros_start, NeverEnds(), [0, 1], max_length=max_length)
    assert names == ["a" * max_length] * 2
    assert generation.sample_names(zeros_start, NeverEnds(), [0])[0] == "a" * 12  # the default, 12 letters


def test_sample_names_carries_a_list_of_states_for_an_lstm():
    seen = []

    def start(conditions):  # an LSTM's start model gives [h, c]
        return [np.zeros((len(conditions), 3)), np.ones((len(conditions), 3))]

    def step(inputs):
        symbol, h, c = inputs
        seen.append((h.shape, float(c.mean())))
        return FakeStep()([symbol, h])[0], h, c + 1

    assert generation.sample_names(start, step, [0, 1], seed=3) == ["abc", "abc"]
    assert seen[:3] == [((2, 3), 1.0), ((2, 3), 2.0), ((2, 3), 3.0)]


@pytest.mark.parametrize("kwargs, error, message", [
    ({"temperature": float("nan")}, ValueError, "temperature must be positive; got nan"),
    ({"temperature": "1"}, ValueError, "temperature must be positive; got '1'"),
    ({"max_length": 0}, ValueError, "max_length must be a positive int; got 0"),
    ({"max_length": 12.0}, ValueError, "max_length must be a positive int; got 12.0"),
    ({"conditions": []}, ValueError, "conditions must be a non-empty array of ints"),
    ({"conditions": [[0, 1]]}, ValueError, r"conditions must be a 1-D list of condition ids; got shape \(1, 2\)"),
    ({"conditions": [0.5]}, ValueError, "conditions must be a non-empty array of ints; got dtype float64"),
    ({"conditions": [-1]}, ValueError, "conditions must hold ints >= 0; got values from -1 to -1"),
    ({"seed": -3}, ValueError, "seed must be a non-negative int; got -3"),
    ({"step": "model"}, TypeError, "start and step must be models"),
])
def test_sample_names_refuses_bad_input(kwargs, error, message):
    arguments = {"start": zeros_start, "step": FakeStep(), "conditions": [0]} | kwargs
    with pytest.raises(error, match=message):
        generation.sample_names(**arguments)


@pytest.mark.parametrize("ids, message", [
    ([-1, 3], r"ids must hold ints in 0\.\.28; got values from -1 to 3"),
    ([3, 29], r"ids must hold ints in 0\.\.28; got values from 3 to 29"),
    ([3.0, 4.0], "ids must be a non-empty array of ints; got dtype float64"),
    ([[3, 4]], r"ids must be a 1-D list of symbol ids; got shape \(1, 2\)"),
    ([], "ids must be a non-empty array of ints"),
])
def test_decode_name_refuses_bad_ids(ids, message):
    with pytest.raises(ValueError, match=message):
        generation.decode_name(ids)


def test_decode_name_accepts_numpy_ids_and_stops_at_the_end():
    assert generation.decode_name(np.array([7, 11, 2, 5])) == "ei"


@pytest.mark.parametrize("train, test, error, message", [
    ("emma", ["al"], TypeError, "train_names must be a list of str, not one str"),
    (["emma"], "al", TypeError, "test_names must be a list of str, not one str"),
    ([("emma", 0)], ["al"], TypeError, r"train_names must be a list of str; got a tuple \('emma', 0\)"),
    (["emma"], [], ValueError, r"test_names must not be empty; got \[\]"),
    (["emma", 5], ["al"], TypeError, "train_names must be a list of str; got an item 5 of type int"),
    (["emma"], ["Al"], ValueError, r"test_names must be non-empty lowercase a-z; got \['Al'\]"),
])
def test_bigram_loss_refuses_bad_names(train, test, error, message):
    with pytest.raises(error, match=message):
        generation.bigram_loss(train, test)


@pytest.mark.parametrize("names, error, message", [
    ("emma", TypeError, "names must be a list of str, not one str"),
    ([], ValueError, "names must not be empty"),
    ([None], TypeError, "names must be a list of str; got an item None"),
])
def test_encode_names_refuses_what_is_not_a_list_of_names(names, error, message):
    with pytest.raises(error, match=message):
        generation.encode_names(names)


@pytest.mark.parametrize("probabilities, targets, message", [
    (np.full((1, 2, 29), 1 / 29), [[3, 29]], r"targets must hold ints in 0\.\.28; got values from 3 to 29"),
    (np.full((1, 2, 29), 1 / 29), [[3.0, 4.0]], "targets must be a non-empty array of ints"),
    (np.full((1, 2, 29), 1 / 29), [[0, 0]], "at least one symbol that is not padding"),
    (np.full((2, 29), 1 / 29), [[3, 4]], r"probabilities must be \(batch, time, symbols\); got shape \(2, 29\)"),
])
def test_loss_per_symbol_refuses_bad_input(probabilities, targets, message):
    with pytest.raises(ValueError, match=message):
        generation.loss_per_symbol(probabilities, targets)
