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
