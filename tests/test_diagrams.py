import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

from rnn_tutorial import diagrams  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def kinds(ax):
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    return boxes, arrows, [t.get_text() for t in ax.texts]


def test_folded_rnn_has_one_cell_its_input_output_and_a_loop():
    boxes, arrows, texts = kinds(diagrams.draw_folded_rnn())
    assert len(boxes) == 3 and len(arrows) == 3
    assert any("RNN cell" in t for t in texts)
    assert any("recurrent_kernel" in t for t in texts) and "kernel" in texts


def test_unrolled_rnn_repeats_the_cell_once_per_word_from_h0():
    words = "Chirag worked at Microsoft in India".split()
    tags = ["PER", "O", "O", "ORG", "O", "LOC"]
    boxes, arrows, texts = kinds(diagrams.draw_unrolled_rnn(words, tags))
    assert len(boxes) == 3 * len(words)  # cell, input, output per word
    assert texts.count("RNN") == len(words)
    assert len(arrows) == 1 + 2 * len(words) + (len(words) - 1)  # h0, in and out per word, state between
    assert "$h_0 = 0$" in texts
    for label in words + tags:
        assert label in texts


def test_unrolled_rnn_uses_the_given_axes_and_default_outputs():
    _, ax = plt.subplots()
    assert diagrams.draw_unrolled_rnn(["a", "b"], ax=ax) is ax
    assert "$y_1$" in [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("words, outputs, message", [
    ([], None, "non-empty list of str"),
    (["a", 3], None, "non-empty list of str"),
    (["a", "b"], ["X"], r"one label per word \(2\); got 1"),
])
def test_unrolled_rnn_refuses_bad_input(words, outputs, message):
    with pytest.raises(ValueError, match=message):
        diagrams.draw_unrolled_rnn(words, outputs)


@pytest.mark.parametrize("kind", list(diagrams.RNN_TYPES))
def test_rnn_type_draws_its_inputs_cells_and_outputs(kind):
    spec = diagrams.RNN_TYPES[kind]
    boxes, arrows, _ = kinds(diagrams.draw_rnn_type(kind))
    assert len(boxes) == spec["steps"] + len(spec["inputs"]) + len(spec["outputs"])
    feedback = len([t for t in spec["outputs"] if t + 1 < spec["steps"]]) if spec.get("feedback") else 0
    assert len(arrows) == len(spec["inputs"]) + len(spec["outputs"]) + spec["steps"] - 1 + feedback


def test_rnn_type_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        diagrams.draw_rnn_type("many to few")


@pytest.mark.parametrize("kind, gates", [("LSTM", ["$f$\nσ", "$i$\nσ", "$g$\ntanh", "$o$\nσ"]),
                                         ("GRU", ["$z$\nσ", "$r$\nσ", "cand.\ntanh"])])
def test_gated_cell_draws_its_gates_and_memory_line(kind, gates):
    _, arrows, texts = kinds(diagrams.draw_gated_cell(kind))
    for gate in gates:
        assert gate in texts
    assert "memory line" in texts and "×" in texts and "+" in texts and len(arrows) >= 6
    with pytest.raises(ValueError, match="kind must be 'LSTM' or 'GRU'"):
        diagrams.draw_gated_cell("RNN")


@pytest.mark.parametrize("call, error, message", [
    (lambda: diagrams.draw_folded_rnn(ax="axes"), TypeError, "ax must be a matplotlib Axes or None; got str"),
    (lambda: diagrams.draw_unrolled_rnn("Chirag worked"), ValueError, "lists of str, not one str"),
    (lambda: diagrams.draw_unrolled_rnn(None), ValueError, "words and outputs must be lists of str"),
    (lambda: diagrams.draw_unrolled_rnn(["a", "b"], [1, 2]), ValueError,
     r"outputs must be labels \(str\); got \[1, 2\]"),
    (lambda: diagrams.draw_rnn_type(["one to many"]), ValueError, r"kind must be one of .*got \['one to many'\]"),
    (lambda: diagrams.draw_gated_cell(None), ValueError, "kind must be 'LSTM' or 'GRU'; got None"),
    (lambda: diagrams.draw_gated_cell("LSTM", ax=3), TypeError, "ax must be a matplotlib Axes or None; got int"),
])
def test_diagrams_refuse_bad_arguments_clearly(call, error, message):
    with pytest.raises(error, match=message):
        call()
