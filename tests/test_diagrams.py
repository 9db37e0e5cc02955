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


def test_folded_equals_unrolled_draws_both_pictures_with_every_box_labelled():
    words = "Chirag worked at Microsoft in India".split()
    tags = ["PER", "O", "O", "ORG", "O", "LOC"]
    ax = diagrams.draw_folded_equals_unrolled(words, tags)
    boxes, arrows, texts = kinds(ax)
    assert len(boxes) == 3 + 3 * len(words)  # folded: cell, input, output; unrolled: the same per word
    assert len(arrows) == 3 + 1 + 2 * len(words) + (len(words) - 1)  # folded 3; h0, in and out, state between
    assert "=" in texts and "$h_0 = 0$" in texts and "RNN cell" in texts and texts.count("RNN") == len(words)
    for label in words + tags + ["$x_t$", "$y_t$"]:
        assert label in texts
    box_labels = [t for t in ax.texts if any(b.contains_point(ax.transData.transform(t.get_position()))
                                             for b in boxes)]
    assert len(box_labels) >= len(boxes)  # a label inside every box


def test_folded_equals_unrolled_uses_the_given_axes_and_default_outputs():
    _, ax = plt.subplots()
    assert diagrams.draw_folded_equals_unrolled(("a", "b"), ax=ax) is ax
    assert {"$y_1$", "$y_2$"} <= {t.get_text() for t in ax.texts}


@pytest.mark.parametrize("words, outputs, message", [
    ("Chirag worked", None, "not one str"),
    (["a"], "X", "not one str"),
    ([], None, "1 to 8 non-empty str"),
    (["a"] * 9, None, "1 to 8 non-empty str"),
    (["a", ""], None, "1 to 8 non-empty str"),
    (["a", 3], None, "1 to 8 non-empty str"),
    (None, None, "not one str"),
    (["a", "b"], ["X"], r"one label per word \(2\)"),
    (["a", "b"], ["X", None], "non-empty labels"),
])
def test_folded_equals_unrolled_refuses_bad_input(words, outputs, message):
    with pytest.raises(ValueError, match=message):
        diagrams.draw_folded_equals_unrolled(words, outputs)


def test_folded_equals_unrolled_refuses_an_axes_that_is_not_one():
    with pytest.raises(TypeError, match="matplotlib Axes"):
        diagrams.draw_folded_equals_unrolled(["a"], ax="axes")


@pytest.mark.parametrize("kind", list(diagrams.RNN_TYPES))
def test_rnn_type_draws_its_inputs_cells_and_outputs(kind):
    spec = diagrams.RNN_TYPES[kind]
    boxes, arrows, _ = kinds(diagrams.draw_rnn_type(kind))
    extra = len(spec.get("start", [])) + bool(spec.get("first_state"))  # start symbols, the input that sets h0
    assert len(boxes) == spec["steps"] + len(spec["inputs"]) + len(spec["outputs"]) + extra
    feedback = len([t for t in spec["outputs"] if t + 1 < spec["steps"]]) if spec.get("feedback") else 0
    assert len(arrows) == len(spec["inputs"]) + len(spec["outputs"]) + spec["steps"] - 1 + feedback + extra


def test_one_to_many_sets_h0_from_its_input_and_generators_start_from_a_start_symbol():
    # the models of notebook 04: the gender sets h0, and the name (like the decoder's words) starts at a start symbol
    _, _, texts = kinds(diagrams.draw_rnn_type("one to many"))
    assert "$h_0$" in texts and "$x$" in texts and "start" in texts and "$x_1$" not in texts
    _, _, texts = kinds(diagrams.draw_rnn_type("encoder-decoder"))
    assert texts.count("start") == 1 and "$h_0$" not in texts
    for kind in ("one to many", "encoder-decoder"):  # every step that writes, but the first, reads the last output
        spec = diagrams.RNN_TYPES[kind]
        assert spec["feedback"] and spec["start"] == spec["outputs"][:1]


def test_rnn_type_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        diagrams.draw_rnn_type("many to few")


@pytest.mark.parametrize("kind, gates", [("LSTM", ["$f$\nσ", "$i$\nσ", "$g$\ntanh", "$o$\nσ"]),
                                         ("GRU", ["$z$\nσ", "$r$\nσ", "cand.\ntanh"])])
def test_gated_cell_draws_its_gates_and_memory_line(kind, gates):
    _, arrows, texts = kinds(diagrams.draw_gated_cell(kind))
    for gate in gates:
        assert gate in texts
    assert any("memory line" in t for t in texts) and "×" in texts and "+" in texts and len(arrows) >= 10
    assert any("every gate reads $x_t$ and $h_{t-1}$" in t for t in texts)
    with pytest.raises(ValueError, match="kind must be 'LSTM' or 'GRU'"):
        diagrams.draw_gated_cell("RNN")


@pytest.mark.parametrize("call, error, message", [
    (lambda: diagrams.draw_folded_equals_unrolled(["a", "b"], [1, 2]), ValueError,
     r"outputs must be non-empty labels \(str\); got \[1, 2\]"),
    (lambda: diagrams.draw_folded_equals_unrolled("Chirag worked"), ValueError, "lists of str, not one str"),
    (lambda: diagrams.draw_rnn_type(["one to many"]), ValueError, r"kind must be one of .*got \['one to many'\]"),
    (lambda: diagrams.draw_gated_cell(None), ValueError, "kind must be 'LSTM' or 'GRU'; got None"),
    (lambda: diagrams.draw_gated_cell("LSTM", ax=3), TypeError, "ax must be a matplotlib Axes or None; got int"),
])
def test_diagrams_refuse_bad_arguments_clearly(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_feedforward_joins_every_slot_to_every_hidden_unit():
    words = "Sachin Tendulkar Legend of cricket".split()
    boxes, arrows, texts = kinds(diagrams.draw_feedforward(5, 3, words=words, extra_word="forever"))
    assert len(boxes) == 5 + 3 + 1 + 1  # the slots, the hidden units, the output, the word with no slot
    assert len(arrows) == 5 * 3 + 3  # nothing leaves the extra word
    for label in words + ["$h_{1}$", "$h_{3}$", "output", "forever", "word 6: no slot, no weights", "hidden layer"]:
        assert label in texts
    boxes, arrows, texts = kinds(diagrams.draw_feedforward(inputs=12, hidden=2))
    assert len(boxes) == 12 + 2 + 1 and len(arrows) == 12 * 2 + 2 and "$x_{12}$" in texts
    assert not any("no slot" in t for t in texts)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"inputs": 0}, ValueError, r"inputs must be an int in 1..12; got 0"),
    ({"inputs": 2.0}, ValueError, r"inputs must be an int in 1..12; got 2.0"),
    ({"hidden": 9}, ValueError, r"hidden must be an int in 1..8; got 9"),
    ({"inputs": 2, "words": ["a"]}, ValueError, r"one label per input \(2\); got 1"),
    ({"inputs": 2, "words": "ab"}, ValueError, "words must be a list of str, one per input; got 'ab'"),
    ({"inputs": 2, "words": ["a", 3]}, ValueError, "words must be a list of str"),
    ({"extra_word": 6}, ValueError, "extra_word must be a str or None; got 6"),
    ({"ax": "axes"}, TypeError, "ax must be a matplotlib Axes or None; got str"),
])
def test_feedforward_refuses_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        diagrams.draw_feedforward(**kwargs)


def test_scan_dependencies_draw_every_pass_and_its_two_inputs():
    boxes, arrows, texts = kinds(diagrams.draw_scan_dependencies(8))
    assert len(boxes) == 8 * 4  # the steps and 3 passes, 8 positions each
    assert len(arrows) == sum(2 * 8 - d for d in (1, 2, 4))  # two arrows where a pair combines, one where it is kept
    assert texts.count("0..7") == 1 and texts.count("0..0") == 4 and "4..7" in texts and "pass 3\noffset 4" in texts
    boxes, arrows, texts = kinds(diagrams.draw_scan_dependencies(5))
    assert len(boxes) == 5 * 4 and "0..4" in texts  # 5 steps still need 3 passes


@pytest.mark.parametrize("kwargs, error, message", [
    ({"length": 1}, ValueError, "length must be an int in 2..16; got 1"),
    ({"length": 8.0}, ValueError, "length must be an int in 2..16; got 8.0"),
    ({"ax": "axes"}, TypeError, "ax must be a matplotlib Axes or None; got str"),
])
def test_scan_dependencies_refuse_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        diagrams.draw_scan_dependencies(**kwargs)


@pytest.mark.parametrize("positions", [1, 4, 8])
def test_attention_step_scores_every_key_and_sums_every_weighted_value(positions):
    boxes, arrows, texts = kinds(diagrams.draw_attention_step(positions))
    # per position: key, score, × node, value; then query, softmax, + node, context
    assert len(boxes) == 4 * positions + 4
    # per position: key -> score, query -> score, score -> softmax, softmax -> ×, value -> ×, × -> +; + -> context
    assert len(arrows) == 6 * positions + 1
    for j in range(1, positions + 1):
        assert {f"$k_{j}$", f"$v_{j}$", f"$a_{j}$", f"$q \\cdot k_{j}$"} <= set(texts)
    assert texts.count("×") == positions and "+" in texts
    assert any(t.startswith("query $q$") for t in texts) and any(t.startswith("context $c") for t in texts)
    assert any(t.startswith("softmax") for t in texts)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"positions": 0}, ValueError, r"positions must be an int in 1..8; got 0"),
    ({"positions": 9}, ValueError, r"positions must be an int in 1..8; got 9"),
    ({"positions": "4"}, ValueError, r"positions must be an int in 1..8; got '4'"),
    ({"ax": 3}, TypeError, "ax must be a matplotlib Axes or None; got int"),
])
def test_attention_step_refuses_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        diagrams.draw_attention_step(**kwargs)


def test_bidirectional_rnn_draws_two_rows_each_word_into_both_and_both_states_into_each_output():
    words = "jordan is a long way from peru".split()
    tags = ["LOC", "O", "O", "O", "O", "O", "LOC"]
    boxes, arrows, texts = kinds(diagrams.draw_bidirectional_rnn(words, tags))
    n = len(words)
    assert len(boxes) == 4 * n  # a word, two cells and an output per step
    assert len(arrows) == 4 * n + 2 * (n - 1) + 2  # 2 in and 2 out per step; the two state rows; both first states
    reds = [a for a in arrows if a.get_edgecolor()[:3] == matplotlib.colors.to_rgb("firebrick")]
    assert len(reds) == n  # the right-to-left row: n - 1 hand-offs and its first state
    for label in words + tags + ["$\\overrightarrow{h}_1$", "$\\overleftarrow{h}_7$", "$\\overleftarrow{h}_{8} = 0$"]:
        assert label in texts
    assert "$y_2$" in kinds(diagrams.draw_bidirectional_rnn(["a", "b"]))[2]


@pytest.mark.parametrize("words, outputs, message", [
    ("jordan is", None, "not one str"),
    (["a"] * 9, None, "1 to 8 non-empty str"),
    (["a", "b"], ["X"], r"one non-empty label \(str\) per word \(2\)"),
    (["a", "b"], ["X", 3], r"one non-empty label \(str\) per word \(2\)"),
])
def test_bidirectional_rnn_refuses_bad_input(words, outputs, message):
    with pytest.raises(ValueError, match=message):
        diagrams.draw_bidirectional_rnn(words, outputs)


@pytest.mark.parametrize("generating", [False, True])
def test_letter_steps_give_every_input_in_training_and_feed_letters_back_in_generation(generating):
    boxes, arrows, texts = kinds(diagrams.draw_letter_steps("emma", generating=generating))
    steps = len("^emma")
    given = 1 if generating else steps  # generating, only ^ is given
    assert len(boxes) == 1 + 2 * steps + given  # the gender, a cell and an output per step, the given inputs
    dashed = [a for a in arrows if a.get_linestyle() not in ("-", "solid")]
    assert len(dashed) == (steps - 1 if generating else 0)  # a drawn letter fed back into every later step
    assert len(arrows) == 1 + steps + (steps - 1) + given + len(dashed)
    assert ("drawn" in texts) == generating and ("target" in texts) != generating
    assert texts.count("m") == (2 if generating else 4) and "$" in texts and "^" in texts


@pytest.mark.parametrize("name, generating, message", [
    ("", False, "1 to 8 letters"), ("emma!", False, "1 to 8 letters"), (["emma"], False, "1 to 8 letters"),
    ("emma", "yes", "generating must be True or False; got 'yes'"),
])
def test_letter_steps_refuse_bad_input(name, generating, message):
    with pytest.raises(ValueError, match=message):
        diagrams.draw_letter_steps(name, generating)
