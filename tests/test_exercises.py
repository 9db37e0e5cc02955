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



RIGHT_ORDER = {"bag of words": "same score", "RNN": "shuffled"}
ORDER_SCORES = {"bag of words": (0.501745, 0.501745), "RNN": np.array([0.999, 0.0003])}


@pytest.mark.parametrize("prediction, scores, start", [
    (RIGHT_ORDER, None, "Correct! one input for the bag-of-words model"),
    (RIGHT_ORDER, ORDER_SCORES, "Correct! measured P(real), original then yours: bag of words 0.501745 and 0.501745; "
                                "RNN 0.9990 and 0.0003; one input"),
    ({" Bag of words ": "the same", "rnn": "not real", "note": 1}, None, "Correct!"),
    ({"bag of words": "same", "RNN": "real"}, {**ORDER_SCORES, "RNN": (0.99, 0.8)}, "Correct!"),
    ({"bag of words": "different", "RNN": "shuffled"}, ORDER_SCORES, "Not yet: measured P(real)"),
    ({"bag of words": "same", "RNN": "real"}, ORDER_SCORES, "Not yet: measured P(real), original then yours"),
    ({"bag of words": "same", "RNN": "shuffled"}, {**ORDER_SCORES, "RNN": (0.99, 0.8)}, "Not yet: measured"),
    ({"bag of words": None, "RNN": None}, ORDER_SCORES, "Not yet: write your prediction as"),
    ({"bag of words": "same"}, None, "Not yet: write your prediction as"),
    ({"bag of words": "same or different", "RNN": "real"}, None, "Not yet: write your prediction as"),
    ("same, shuffled", None, "Not yet: write your prediction as"),
    (RIGHT_ORDER, "x", "Not yet: scores must map"),
    (RIGHT_ORDER, {"bag of words": (0.5, 0.5), "RNN": (0.9, 2.0)}, "Not yet: scores must map"),
])
def test_check_order_prediction_judges_by_the_measured_scores(capsys, prediction, scores, start):
    exercises.check_order_prediction(prediction, scores=scores)
    out = capsys.readouterr().out
    assert out.startswith(start) and out.count("\n") == 1, out


def test_check_order_prediction_shows_the_scores_only_beside_a_verdict(capsys):
    exercises.check_order_prediction({"bag of words": None, "RNN": None}, scores=ORDER_SCORES)
    assert "measured" not in capsys.readouterr().out

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
    (lambda x, lag: 0.0, "for x = [1.0, 2.0, 3.0, 4.0, 5.0] and lag 1, expected 0.4000, got 0.0000"),  # all of x
    (lambda x, lag: right(x, 1), "and lag 2"),
    (lambda x, lag: 1 / 0, "raised ZeroDivisionError"),
    (lambda x: right(x, 1), "raised TypeError"),
    ("not a function", "pass your function itself"),
])
def test_check_autocorrelation_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_autocorrelation(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def test_a_long_series_is_shown_in_part_with_its_length(capsys):
    exercises.check_autocorrelation(lambda x, lag: 0.4 if len(x) == 5 else 0.0)
    out = capsys.readouterr().out
    assert ", ... (50 values)] and lag 1, expected" in out, out


def test_check_best_lag_accepts_the_lag_it_measures(capsys):
    from rnn_tutorial import datasets

    counts = datasets.sunspots()[1]
    best = max(range(5, 21), key=lambda lag: right(counts, lag))
    assert best == 10  # not the spectrum's 11: a learner must compute it
    exercises.check_best_lag(best)
    assert capsys.readouterr().out.startswith("Correct! at a lag of 10 years")


@pytest.mark.parametrize("answer, hint", [
    (11, "11 is close to the cycle the spectrum found"),
    (9, "at lag 9 the autocorrelation is 0.47"),
    (1, "look only at lags between 5 and 20; got 1"),
    (10.5, "one whole number of years"),
    (None, "one whole number of years"),
])
def test_check_best_lag_names_what_is_wrong(capsys, answer, hint):
    exercises.check_best_lag(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercise 01.3 -------------------------------------------------------------

def test_check_autocorrelation_predictions_accepts_the_right_signs(capsys):
    exercises.check_autocorrelation_predictions({"in order, lag 5": -0.4, "shuffled, lag 11": 0.0})
    out = capsys.readouterr().out
    assert out.startswith("Correct! measured: -0.43 in order at lag 5, +0.08 shuffled at lag 11"), out


@pytest.mark.parametrize("answer, hint", [
    ({"in order, lag 5": None, "shuffled, lag 11": None}, "as one number between -1 and 1; got None"),
    ({"in order, lag 5": 0.5, "shuffled, lag 11": 0.0}, "what sign"),
    ({"in order, lag 5": -0.4, "shuffled, lag 11": 0.65}, "any more than about the next one"),
    ({"in order, lag 5": -0.4}, "needs the key 'shuffled, lag 11'"),
    ({"in order, lag 5": -2, "shuffled, lag 11": 0}, "between -1 and 1; got int -2"),
    ((-0.4, 0.0), "keep predictions as a dict"),
])
def test_check_autocorrelation_predictions_names_what_is_wrong(capsys, answer, hint):
    exercises.check_autocorrelation_predictions(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 02.1, 02.2 and 02.3 --------------------------------------------

def test_check_parameter_prediction_accepts_the_two_counts(capsys):
    exercises.check_parameter_prediction({"dense": 1_000_010, "rnn": 50_110})
    out = capsys.readouterr().out
    assert out.startswith("Correct! Keras counts dense 1,000,010, RNN 50,110;") and "did not move (1,000,010)" in out


def test_check_parameter_prediction_shows_the_measured_counts_only_beside_a_verdict(capsys):
    exercises.check_parameter_prediction({"dense": None, "rnn": None}, measured=(1_000_010, 50_110))
    out = capsys.readouterr().out
    assert out.startswith("Not yet: write your dense prediction") and "Keras" not in out, out
    exercises.check_parameter_prediction({"dense": 2_000_010, "rnn": 1}, measured=(np.int64(1_000_010), 50_110))
    out = capsys.readouterr().out
    assert out.startswith("Not yet: Keras counts dense 1,000,010, RNN 50,110; you doubled it"), out
    exercises.check_parameter_prediction({"dense": 1_000_010, "rnn": 50_110}, measured=(1_000_010, 50_110))
    assert capsys.readouterr().out.startswith("Correct! Keras counts dense 1,000,010, RNN 50,110;")


@pytest.mark.parametrize("measured", [None, "x", (1, 2, 3), (np.nan, 1), {"dense": 1}, [[1, 2]], object()])
def test_check_parameter_prediction_answers_odd_measured_counts(capsys, measured):
    exercises.check_parameter_prediction({"dense": 1_000_010, "rnn": 50_110}, measured=measured)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith(("Correct! ", "Not yet: measured must be the two counts")), out


@pytest.mark.parametrize("answer, hint", [
    ({"dense": 2_000_010, "rnn": 50_110}, "you doubled it for the length, but the vocabulary halved"),
    ({"dense": 500_010, "rnn": 50_110}, "you halved it for the vocabulary, but the length doubled"),
    ({"dense": 1_000_000, "rnn": 50_110}, "add one bias per unit"),
    ({"dense": 7, "rnn": 50_110}, "your dense prediction is 7: how many one-hot inputs"),
    ({"dense": 1_000_010, "rnn": 100_110}, "the vocabulary halved"),
    ({"dense": 1_000_010, "rnn": 50_010}, "add the recurrent kernel"),
    ({"dense": 1_000_010, "rnn": 1_000_010}, "its count is not the dense network's"),
    ({"dense": 1_000_010, "rnn": 1_000_110}, "whatever the length"),
    ({"dense": 1_000_010, "rnn": 3}, "your RNN prediction is 3"),
    ({"dense": None, "rnn": None}, "write your dense prediction as one number"),
    ({"dense": 1_000_010}, "your dict has no 'rnn'"),
    ({"dense": 10.5, "rnn": 1}, "a count of parameters is a whole number"),
    ({"dense": 1e300, "rnn": 1}, "your dense prediction is 1e+300"),
    (1_000_010, "write your predictions as {"),
])
def test_check_parameter_prediction_names_what_is_wrong(capsys, answer, hint):
    exercises.check_parameter_prediction(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def test_check_unseen_positions_measures_the_training_set(capsys):
    exercises.check_unseen_positions({4})
    assert capsys.readouterr().out.startswith("Correct! 'sachin' never stands at 4:")
    exercises.check_unseen_positions({4, 5}, starts=(0, 1, 2, 3, 6, 7, 8))  # the notebook's own training starts
    assert capsys.readouterr().out.startswith("Not yet: those are the starts left out")
    exercises.check_unseen_positions({4}, starts=(0, 1, 2, 3, 6, 7, 8))
    assert capsys.readouterr().out.startswith("Not yet: 'sachin' does stand at 4 in training, e.g. in '")
    exercises.check_unseen_positions([5], starts=(0, 1, 2, 3, 6, 7, 8))
    assert capsys.readouterr().out.startswith("Correct! 'sachin' never stands at 5:")
    exercises.check_unseen_positions([4], starts=(0, 1, 6, 7, 8))  # "sachin" is missing at 3, 4 and 5
    assert "right so far, but there are 2 more positions" in capsys.readouterr().out


@pytest.mark.parametrize("answer, hint", [
    ({3, 4}, "those are the starts left out"),
    ({4, 9}, "'sachin' does stand at 9 in training, e.g. in '"),
    (set(), "write your predicted positions in the set"),
    ({4, 10}, "positions 0 to 9; got [10]"),
    (4.5, "positions are whole numbers"),
    (True, "positions are whole numbers"),
    ("4", "write the positions as a set of ints"),
    ([[4]], "write the positions as a set of ints"),
])
def test_check_unseen_positions_names_what_is_wrong(capsys, answer, hint):
    exercises.check_unseen_positions(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def test_check_window_width_accepts_the_smallest_window_that_differs(capsys):
    exercises.check_window_width(3)
    assert "'and sachin and' is only in the first sentence" in capsys.readouterr().out


def test_check_window_width_shows_the_measured_differences_only_beside_a_verdict(capsys):
    measured = {1: 0.0, 2: 1e-9, 3: 0.41, 4: np.float32(0.5), 5: 0.25}
    exercises.check_window_width(None, measured=measured)
    assert "measured" not in capsys.readouterr().out
    exercises.check_window_width(2, measured=measured)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: measured largest feature differences, by window width: 1: < 1e-06, 2: < 1e-06, "
                          "3: 0.41, 4: 0.5, 5: 0.25; with a window of 2"), out
    exercises.check_window_width(3, measured=measured)
    assert capsys.readouterr().out.startswith("Correct! measured largest feature differences")


@pytest.mark.parametrize("measured", ["x", {}, {1: None}, {"a": 1.0}, {1.5: 1.0}, {1: np.nan}, [0.1, 0.2], object()])
def test_check_window_width_answers_odd_measured_differences(capsys, measured):
    exercises.check_window_width(3, measured=measured)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("Not yet: measured must map each window width"), out


@pytest.mark.parametrize("answer, hint", [
    (2, "with a window of 2 both sentences have the same windows: 'and kohli', 'and sachin', 'kohli and'"),
    (1, "with a window of 1 both sentences have the same windows: 'and', 'kohli', 'sachin'"),
    (4, "so does a smaller window: list the windows of 3 words"),
    (0, "a window holds between 1 and 5 words"),
    (2.5, "one whole number of words"),
    (None, "one whole number of words; got None"),
])
def test_check_window_width_names_what_is_wrong(capsys, answer, hint):
    exercises.check_window_width(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 03.1, 03.2 and 03.3 ---------------------------------------------

def test_check_tagger_shapes_accepts_the_shapes(capsys):
    exercises.check_tagger_shapes(dict(exercises.TAGGER_SHAPES))
    assert capsys.readouterr().out.startswith("Correct!")


def test_check_tagger_shapes_reads_the_shapes_tensorflow_gives(capsys):
    import tensorflow as tf

    measured = {name: tf.TensorShape(shape) for name, shape in exercises.TAGGER_SHAPES.items()}
    exercises.check_tagger_shapes(dict(exercises.TAGGER_SHAPES), measured=measured)
    assert capsys.readouterr().out.startswith("Correct! Keras gives embedding (3, 7, 24)")


def test_check_tagger_shapes_shows_the_measured_shapes_only_beside_a_verdict(capsys):
    measured = {name: list(shape) for name, shape in exercises.TAGGER_SHAPES.items()}
    exercises.check_tagger_shapes(dict.fromkeys(exercises.TAGGER_SHAPES), measured=measured)
    assert "Keras gives" not in capsys.readouterr().out
    exercises.check_tagger_shapes({**exercises.TAGGER_SHAPES, "rnn": (3, 64)}, measured=measured)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: Keras gives embedding (3, 7, 24), rnn (3, 7, 64), tags (3, 7, 4), "
                          "rnn, last state only (3, 64); 'rnn' is not (3, 64)"), out
    exercises.check_tagger_shapes(dict(exercises.TAGGER_SHAPES), measured=measured)
    assert capsys.readouterr().out.startswith("Correct! Keras gives embedding (3, 7, 24)")


@pytest.mark.parametrize("measured", ["x", {}, {"embedding": (3, 7, 24)}, [(3, 7, 24)], object(),
                                      dict.fromkeys(exercises.TAGGER_SHAPES, "(3, 7)")])
def test_check_tagger_shapes_answers_odd_measured_shapes(capsys, measured):
    exercises.check_tagger_shapes(dict(exercises.TAGGER_SHAPES), measured=measured)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("Not yet: measured must map each of"), out


@pytest.mark.parametrize("change, hint", [
    ({"embedding": (7, 3, 24)}, "Keras puts the batch first"),
    ({"embedding": (3, 7)}, "a vector of 24 numbers"),
    ({"embedding": (3, 7, 16)}, "24 numbers per word, not the 16"),
    ({"rnn": (3, 7, 24)}, "one number per unit"),
    ({"rnn": (3, 7, 32)}, "joins their states"),
    ({"rnn": (3, 64)}, "a state after every word"),
    ({"tags": (3, 7, 64)}, "into 4 tag probabilities"),
    ({"tags": (3, 4)}, "one output per step"),
    ({"rnn, last state only": (3, 7, 64)}, "its last state only"),
    ({"rnn, last state only": (3, 32)}, "both directions return their last state"),
    ({"rnn, last state only": (64,)}, "3 of them"),
    ({"tags": (3, 7, 5)}, "'tags' is not (3, 7, 5): which axes"),
    ({"rnn": (None, None, 32)}, "tuple of whole numbers"),
    ({"rnn": "(3, 7, 32)"}, "tuple of whole numbers, such as (2, 5); for 'rnn' got str"),
    ({"rnn": (3, 7.5, 32)}, "tuple of whole numbers"),
])
def test_check_tagger_shapes_names_what_is_wrong(capsys, change, hint):
    exercises.check_tagger_shapes({**exercises.TAGGER_SHAPES, **change})
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


@pytest.mark.parametrize("answer, hint", [
    ({}, "missing: ['embedding', 'rnn', 'tags', 'rnn, last state only']"),
    ([(3, 7, 24)], "write your prediction as a dict"),
    (dict.fromkeys(exercises.TAGGER_SHAPES), "for 'embedding' got None"),
])
def test_check_tagger_shapes_refuses_incomplete_answers(capsys, answer, hint):
    exercises.check_tagger_shapes(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


CHANGED_RIGHT = {"left to right": {2, 3, 4}, "bidirectional": {0, 1, 2, 3, 4}}


def test_check_changed_states_accepts_the_prediction(capsys):
    exercises.check_changed_states(CHANGED_RIGHT)
    assert capsys.readouterr().out.startswith("Correct! left to right, a word's state")


def test_check_changed_states_shows_the_measured_differences_only_beside_a_verdict(capsys):
    measured = {"left to right": [0, 1e-9, 0.5, 0.4, 0.3], "bidirectional": np.array([0.03, 0.1, 0.5, 0.3, 0.2])}
    exercises.check_changed_states({"left to right": set(), "bidirectional": set()}, measured=measured)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: write your predicted positions") and "measured" not in out, out
    exercises.check_changed_states({"left to right": {2, 3, 4}, "bidirectional": {2, 3, 4}}, measured=measured)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: measured largest state difference at positions 0-4: left to right 0 0 0.5 0.4 "
                          "0.3; bidirectional 0.03 0.1 0.5 0.3 0.2; look again at the bidirectional"), out
    exercises.check_changed_states(CHANGED_RIGHT, measured=measured)
    assert capsys.readouterr().out.startswith("Correct! measured largest state difference")


@pytest.mark.parametrize("answer, hint", [
    ({"left to right": {0, 1, 2, 3, 4}, "bidirectional": {0, 1, 2, 3, 4}}, "at positions [0, 1] it has read only"),
    ({"left to right": {2}, "bidirectional": {0, 1, 2, 3, 4}}, "goes on into every later state"),
    ({"left to right": {2, 3, 4}, "bidirectional": {2, 3, 4}}, "look again at the bidirectional tagger"),
    ({"left to right": {2, 3, 4}, "bidirectional": {0, 1, 2}}, "look again at the bidirectional tagger"),
    ({"left to right": {3}, "bidirectional": {0, 1, 2, 3}}, "the word at position 2 itself differs"),
    ({"left to right": set(), "bidirectional": set()}, "write your predicted positions in the sets"),
    ({"left to right": {5}, "bidirectional": {4}}, "positions 0 to 4; for 'left to right' got [5]"),
    ({"left to right": "same", "bidirectional": {4}}, "for 'left to right': write the positions as a set of ints"),
    ({"left to right": {2, 3, 4}}, "missing: ['bidirectional']"),
    ({4}, "write your prediction as a dict"),
])
def test_check_changed_states_names_what_is_wrong(capsys, answer, hint):
    exercises.check_changed_states(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


@pytest.mark.parametrize("measured", ["x", {}, {"left to right": [0] * 5}, {"left to right": [0] * 4,
                                                                           "bidirectional": [0] * 5},
                                      {"left to right": [np.nan] * 5, "bidirectional": [0] * 5}, object()])
def test_check_changed_states_answers_odd_measured_differences(capsys, measured):
    exercises.check_changed_states(CHANGED_RIGHT, measured=measured)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("Not yet: measured must map each of"), out


def test_check_no_recurrence_recomputes_its_answer():
    words = exercises.NO_RECURRENCE_SENTENCE.split()
    assert exercises.rnn_overview._words_that_move_the_last_state(exercises.NO_RECURRENCE_SENTENCE, 0.0) == ["India"]
    assert exercises.rnn_overview._words_that_move_the_last_state(exercises.NO_RECURRENCE_SENTENCE, 1.0) == words


def test_check_no_recurrence_accepts_the_last_word(capsys):
    exercises.check_no_recurrence(["India"])
    assert capsys.readouterr().out.startswith("Correct!")


def test_check_no_recurrence_shows_the_measured_distances_only_beside_a_verdict(capsys):
    measured = [0.0, 0.0, 0.0, 0.0, 1e-15, 0.6141]
    exercises.check_no_recurrence(None, measured=measured)
    assert "measured" not in capsys.readouterr().out
    exercises.check_no_recurrence([], measured=measured)
    assert "measured" not in capsys.readouterr().out
    exercises.check_no_recurrence(["Chirag"], measured=measured)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: measured with W_h = 0: Chirag 0, worked 0, at 0, Microsoft 0, in 0, "
                          "India 0.614; which input"), out
    exercises.check_no_recurrence(["India"], measured=np.array(measured))
    assert capsys.readouterr().out.startswith("Correct! measured with W_h = 0:")


@pytest.mark.parametrize("measured", ["x", [0.1] * 5, [[0.1] * 6], [np.inf] * 6, {"India": 0.6}, object()])
def test_check_no_recurrence_answers_odd_measured_distances(capsys, measured):
    exercises.check_no_recurrence(["India"], measured=measured)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("Not yet: measured must hold 6 distances"), out


@pytest.mark.parametrize("answer, hint", [
    ([], "write your prediction in the list"),
    ("Chirag worked at Microsoft in India".split(), "nothing passes from one step to the next"),
    (["Microsoft", "India"], "['Microsoft'] no longer reach the last state"),
    (["Chirag"], "which input does h_6 itself read?"),
    (["Paris"], "['Paris'] are not in it"),
    ([5], "write the words as a list of str"),
    (None, "write the words as a list of str"),
])
def test_check_no_recurrence_names_what_is_wrong(capsys, answer, hint):
    exercises.check_no_recurrence(answer)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercises 04.1 and 04.2 ---------------------------------------------------

def test_check_rnn_types_accepts_the_right_map(capsys):
    exercises.check_rnn_types(dict(exercises.TASK_TYPES))
    assert capsys.readouterr().out.startswith("Correct!")


def test_rnn_types_are_the_diagrams_types():
    from rnn_tutorial.diagrams import RNN_TYPES

    assert set(exercises.TASK_TYPES.values()) == set(RNN_TYPES)


@pytest.mark.parametrize("translation", ["many to many", "Many-to-many", "encoder-decoder",
                                         "many to many (encoder-decoder)"])
def test_check_rnn_types_accepts_the_articles_many_to_many_for_translation(capsys, translation):
    exercises.check_rnn_types({**exercises.TASK_TYPES, "translate a sentence into German": translation})
    out = capsys.readouterr().out
    assert out.startswith("Correct!") and "the encoder-decoder" in out, out


def test_check_rnn_types_accepts_a_caption_as_an_encoder_decoder(capsys):
    exercises.check_rnn_types({**exercises.TASK_TYPES, "describe a photo in one sentence": "encoder-decoder"})
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("change, hint", [
    ({"describe a photo in one sentence": "many to one"}, "it starts from one input and writes a sequence"),
    ({"forecast tomorrow's temperature from the last 30 days": "many to many"},
     "look for the type where it reads a whole sequence"),
    ({"translate a sentence into German": "many to one"}, "read all, then write"),
    ({"label each frame of a video: a goal or not": "encoder-decoder"},
     "the labels line up with the inputs"),
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


ALL_UP = {"new names": "up", "mean length": "up", "bigram loss": "up"}
MEASURED = {"new names": (0.9, 0.99), "mean length": (5.8, 7.1), "bigram loss": (2.5, 3.1)}


@pytest.mark.parametrize("measured", [None, MEASURED, {k: list(v) for k, v in MEASURED.items()},
                                      {k: np.array(v, dtype=np.float32) for k, v in MEASURED.items()}])
def test_check_temperature_prediction_accepts_what_was_measured(capsys, measured):
    exercises.check_temperature_prediction(ALL_UP, measured)
    out = capsys.readouterr().out
    assert out.startswith("Correct!") and (measured is None or "mean length 5.8 -> 7.1" in out), out


def test_check_temperature_prediction_follows_the_measurement_not_a_fixed_answer(capsys):
    shorter = {**MEASURED, "mean length": (6.0, 5.5)}
    exercises.check_temperature_prediction(ALL_UP, shorter)
    assert capsys.readouterr().out.startswith("Not yet: measured from T=1 to T=2")
    exercises.check_temperature_prediction({**ALL_UP, "mean length": "shorter"}, shorter)
    out = capsys.readouterr().out
    assert out.startswith("Correct!") and "each went the way you predicted" in out, out


@pytest.mark.parametrize("prediction, hint", [
    ({**ALL_UP, "new names": "down"}, "stray further from the ones in the training list"),
    ({**ALL_UP, "mean length": "shorter"}, "the end symbol $ is the likely choice"),
    ({**ALL_UP, "bigram loss": "lower"}, "the samples look less like names"),
    ({**ALL_UP, "bigram loss": "?"}, "predict \"up\" or \"down\" for each statistic"),
    ({"new names": "up"}, "missing: ['mean length', 'bigram loss']"),
    ("up", "write your prediction as a dict"),
])
def test_check_temperature_prediction_names_what_is_wrong(capsys, prediction, hint):
    exercises.check_temperature_prediction(prediction, MEASURED)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


@pytest.mark.parametrize("measured", [{}, {"new names": (1, 2)}, {**MEASURED, "bigram loss": 3.1},
                                      {**MEASURED, "mean length": (5.8, float("nan"))}, "measured"])
def test_check_temperature_prediction_says_when_the_measurement_is_malformed(capsys, measured):
    exercises.check_temperature_prediction(ALL_UP, measured)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: measured must map each of"), out


# Exercises 05.1 and 05.2 ---------------------------------------------------

def test_check_relu_backward_accepts_the_chain_rule(capsys):
    exercises.check_relu_backward(lambda h, dh: dh * (h > 0))
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize("wrong, hint", [
    (lambda h, dh: dh, "its slope there is 0"),
    (lambda h, dh: (h > 0) * 1.0, "multiply by dh"),
    (lambda h, dh: dh * h, "not h"),
    (lambda h, dh: dh * (1 - h**2), "the tanh's derivative"),
    (lambda h, dh: -dh, "the values differ"),
    (lambda h, dh: dh[0], "one number per unit"),
    (lambda h: h, "raised TypeError"),
])
def test_check_relu_backward_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_relu_backward(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


@pytest.mark.parametrize("prediction, start", [
    (1.2**10 / np.sqrt(2), "Correct!"), (4.38, "Correct!"), (np.float32(4.4), "Correct!"), ([4.38], "Correct!"),
    (0.85**10, "Not yet: the factors do not average"), (1.2**10, "Not yet: close"), (0.5**10, "Not yet: the direction"),
    (1.0, "Not yet: the norm does"), (2.0, "Not yet: measured 4.378"), (None, "Not yet: write your prediction"),
])
def test_check_gradient_reach_compares_the_prediction_with_the_measurement(capsys, prediction, start):
    exercises.check_gradient_reach(prediction)
    out = capsys.readouterr().out
    assert out.startswith(start), out



# Exercise 05.4 -------------------------------------------------------------

RIGHT_TRUNCATION = {"loss on the last state": {8, 9}, "loss on every state": set(range(10))}


def test_truncated_input_steps_are_measured_by_running_the_chunks():
    assert exercises.truncated_input_steps("loss on the last state") == {8, 9}
    assert exercises.truncated_input_steps("loss on every state") == set(range(10))
    assert exercises.truncated_input_steps("loss on the last state", time=9, chunk=3) == {6, 7, 8}
    assert exercises.truncated_input_steps("loss on the last state", time=10, chunk=10) == set(range(10))


@pytest.mark.parametrize("prediction, measured, start", [
    (RIGHT_TRUNCATION, None, "Correct! measured: loss on the last state: [8, 9], loss on every state: [0, 1"),
    ({" Loss on the last state ": [8, 9], "LOSS ON EVERY STATE": range(10), "note": 1}, None, "Correct!"),
    ({**RIGHT_TRUNCATION, "loss on the last state": {6, 7, 8, 9}}, None, "Not yet: measured: loss on the last"),
    ({**RIGHT_TRUNCATION, "loss on the last state": {9}}, None, "Not yet: measured"),
    ({**RIGHT_TRUNCATION, "loss on every state": {8, 9}}, None, "Not yet: measured"),
    ({**RIGHT_TRUNCATION, "loss on the last state": {9}}, {"loss on the last state": {9}, "loss on every state":
                                                          set(range(10))}, "Correct!"),
    ({"loss on the last state": None, "loss on every state": None}, None, "Not yet: write your prediction as"),
    ({"loss on the last state": {8, 9}}, None, "Not yet: write your prediction as"),
    ({**RIGHT_TRUNCATION, "loss on the last state": {8, 10}}, None, "Not yet: the steps are 0 to 9"),
    ({**RIGHT_TRUNCATION, "loss on the last state": [8.5]}, None, "Not yet: write your prediction as"),
    ("8, 9", None, "Not yet: write your prediction as"),
    (RIGHT_TRUNCATION, "x", "Not yet: measured must have the same form"),
])
def test_check_truncation_prediction_compares_with_the_measurement(capsys, prediction, measured, start):
    exercises.check_truncation_prediction(prediction, measured=measured)
    out = capsys.readouterr().out
    assert out.startswith(start) and out.count("\n") == 1, out


def test_check_truncation_prediction_shows_the_measurement_only_beside_a_verdict(capsys):
    exercises.check_truncation_prediction({"loss on the last state": None, "loss on every state": None})
    assert "measured" not in capsys.readouterr().out


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

def test_the_reset_before_reference_is_keras_gru_with_reset_after_false():
    import keras

    rng = np.random.default_rng(0)
    layer = keras.layers.GRU(4, reset_after=False, dtype="float64", return_sequences=True)
    layer.build((None, None, 3))
    layer.set_weights([rng.normal(0, 0.5, w.shape) for w in layer.get_weights()])
    x = rng.normal(size=(2, 5, 3))
    h, states = np.zeros((2, 4)), []
    for t in range(5):
        h = exercises.gru_step_reset_before(x[:, t], h, *layer.get_weights())
        states.append(h)
    np.testing.assert_allclose(np.stack(states, axis=1), np.asarray(layer(x)), atol=1e-12)


def gru_reset_before(x, h, kernel, recurrent, bias):
    return exercises.gru_step_reset_before(x, h, kernel, recurrent, bias)


def test_check_gru_reset_before_accepts_the_keras_form(capsys):
    exercises.check_gru_reset_before(gru_reset_before)
    assert capsys.readouterr().out.startswith("Correct!")


def gru_variant(swap=False, reset_after=False, no_reset=False, candidate_only=False):
    def step(x, h, kernel, recurrent, bias):
        sig = exercises.lstm_and_gru._sigmoid
        x_z, x_r, x_c = np.split(x @ kernel + bias, 3, axis=1)
        h_z, h_r, h_c = np.split(h @ recurrent, 3, axis=1)
        z, r = sig(x_z + h_z), sig(x_r + h_r)
        inside = h_c if no_reset else r * h_c if reset_after else (r * h) @ recurrent[:, 8:]
        candidate = np.tanh(x_c + inside)
        if candidate_only:
            return candidate
        return (1 - z) * h + z * candidate if swap else z * h + (1 - z) * candidate
    return step


@pytest.mark.parametrize("wrong, hint", [
    (gru_variant(swap=True), "z and 1 - z are swapped"),
    (gru_variant(reset_after=True), "the default form, reset after the product"),
    (gru_variant(no_reset=True), "the reset gate is missing"),
    (gru_variant(candidate_only=True), "that is the candidate"),
    (lambda x, h, k, r, b: h, "the values differ"),
    (lambda x, h, k, r, b: h[0], "return the new state, shape (batch, units) = (2, 4)"),
])
def test_check_gru_reset_before_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_gru_reset_before(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


@pytest.mark.parametrize("prediction, start", [
    (15, "Correct!"), (14, "Correct!"), (np.int64(16), "Correct!"), (14.6, "Correct!"), ([15], "Correct!"),
    (21, "Not yet: that is the average memory time"), (3, "Not yet: the bias is not the gate"),
    (1, "Not yet: one step keeps"), (2, "Not yet: the bias is 3, not 1"), (40, "Not yet: measured 15 steps"),
    ("15", "Not yet: write your prediction"),
])
def test_check_memory_half_life_compares_the_prediction_with_the_measurement(capsys, prediction, start):
    exercises.check_memory_half_life(prediction)
    out = capsys.readouterr().out
    assert out.startswith(start), out


# Exercises 07.1 and 07.2 --------------------------------------------------

SCALES_RIGHT = {"scale 0": "average", "scale 50": "best", "scale -50": "worst"}


def test_the_scale_contexts_are_measured_with_attend():
    assert exercises.scale_contexts() == {0.0: "average", 50.0: "best", -50.0: "worst"}
    assert exercises.scale_contexts([0.01, 10.0]) == {0.01: "average", 10.0: "best"}


def test_check_scale_prediction_accepts_what_attend_measures(capsys):
    exercises.check_scale_prediction(SCALES_RIGHT)
    assert capsys.readouterr().out.startswith("Correct! the scale works like notebook 04's temperature")


@pytest.mark.parametrize("prediction, hint", [
    ({**SCALES_RIGHT, "scale 0": "zeros"}, "at scale 0 the context is not zeros: the weights sum to 1"),
    ({**SCALES_RIGHT, "scale 0": "best"}, "at scale 0 the context is the average of the four values, not the value "
                                          "of the best-matching key: at scale 0 every score is 0"),
    ({**SCALES_RIGHT, "scale 50": "average"}, "at scale 50 the context is the value of the best-matching key"),
    ({**SCALES_RIGHT, "scale -50": "best"}, "a negative scale turns the order of the scores round"),
    ({**SCALES_RIGHT, "scale -50": "?"}, "for scale -50 write one of ['average', 'best', 'worst', 'zeros']; got '?'"),
    ({**SCALES_RIGHT, "scale -50": "best or worst"}, "for scale -50 write one of"),
    ({"scale 0": "average", "scale 50": "best"}, "missing: ['scale -50']"),
    ({"scale 0": "average", "scale 50": "best", "scale 5": "worst"}, "missing: ['scale -50']"),
    (["average", "best", "worst"], "write your prediction as {\"scale 0\""),
])
def test_check_scale_prediction_names_what_is_wrong(capsys, prediction, hint):
    exercises.check_scale_prediction(prediction)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


def test_causal_self_attention_reference_masks_the_future_and_matches_attend():
    from rnn_tutorial.attention import attend

    rng = np.random.default_rng(0)
    x, (w_q, w_k, w_v) = rng.normal(size=(2, 4, 3)), rng.normal(size=(3, 3, 2))
    out, weights = exercises.causal_self_attention(x, w_q, w_k, w_v)
    assert np.all(np.triu(weights, k=1) == 0) and np.allclose(weights.sum(-1), 1)
    for t in range(4):  # position t attends over positions 0..t only, as attend does over that prefix
        context, _ = attend(x[:, t:t + 1] @ w_q, x[:, :t + 1] @ w_k, x[:, :t + 1] @ w_v, scale=1 / np.sqrt(2))
        np.testing.assert_allclose(out[:, t:t + 1], context, atol=1e-12)


def causal_right(x, w_q, w_k, w_v):
    return exercises.causal_self_attention(x, w_q, w_k, w_v)


def test_check_causal_self_attention_accepts_the_reference(capsys):
    exercises.check_causal_self_attention(causal_right)
    assert capsys.readouterr().out.startswith("Correct! position i mixes only positions 0..i")


def causal_variant(**change):
    return lambda *args: exercises.attention._self_attention_variant(*args, **change)


@pytest.mark.parametrize("wrong, hint", [
    (causal_variant(masked=False), "query position i must not look at later key positions j"),
    (causal_variant(after=True), "mask before the softmax, not after"),
    (causal_variant(strict=True), "a position may look at itself"),
    (causal_variant(scaled=False), "divide the scores by sqrt(d)"),
    (causal_variant(swapped=True), "scores[i, j] is query_i . key_j"),
    (lambda *a: (causal_right(*a)[0] * 2, causal_right(*a)[1]), "the weights are right, but the output is not"),
    (lambda *a: causal_right(*a)[1], "return the pair (output, weights)"),
    (lambda *a: (causal_right(*a)[0], causal_right(*a)[1][0]), "weights should have shape (2, 5, 5)"),
    (lambda *a: (causal_right(*a)[0], np.tril(np.ones((2, 5, 5)))), "each row of weights should sum to 1"),
    (lambda *a: (causal_right(*a)[0], np.full((2, 5, 5), 0.2)), "some weights above the diagonal are not 0"),
])
def test_check_causal_self_attention_names_what_is_wrong(capsys, wrong, hint):
    exercises.check_causal_self_attention(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet:") and hint in out, out


# Exercise 07.3 -------------------------------------------------------------

RIGHT_RESCALED = {"scale 0": "below the plain model", "scale x3": "as before"}
RESCALED_RUN = {"trained": 0.992, "plain": 0.584, "scale 0": 0.235, "scale x3": 0.99}


@pytest.mark.parametrize("prediction, measured, start", [
    (RIGHT_RESCALED, None, "Correct! the learnt attention"),
    (RIGHT_RESCALED, RESCALED_RUN, "Correct! measured, letters right on strings of 5-8: trained 99.2%, plain 58.4%, "
                                   "scale 0 23.5%, scale x3 99.0%; the learnt"),
    ({" Scale 0 ": "below plain", "SCALE X3": "the same", "note": 1}, None, "Correct!"),
    ({"scale 0": "as the plain model", "scale x3": "as before"}, RESCALED_RUN, "Not yet: measured, letters right"),
    ({"scale 0": "below the plain model", "scale x3": "in between"}, None, "Not yet: look at the trained attention"),
    ({"scale 0": "as the plain model", "scale x3": "as before"}, {**RESCALED_RUN, "scale 0": 0.5}, "Correct!"),
    ({"scale 0": "in between", "scale x3": "as before"}, {**RESCALED_RUN, "scale 0": 0.8}, "Correct!"),
    ({"scale 0": None, "scale x3": None}, RESCALED_RUN, "Not yet: write your prediction as"),
    ({"scale 0": "worse"}, None, "Not yet: write your prediction as"),
    ("below, before", None, "Not yet: write your prediction as"),
    (RIGHT_RESCALED, {"trained": 0.99}, "Not yet: measured must map"),
    (RIGHT_RESCALED, {**RESCALED_RUN, "plain": 58.4}, "Not yet: measured must map"),
])
def test_check_rescaled_prediction_judges_by_the_measured_shares(capsys, prediction, measured, start):
    exercises.check_rescaled_prediction(prediction, measured=measured)
    out = capsys.readouterr().out
    assert out.startswith(start) and out.count("\n") == 1, out


def test_check_rescaled_prediction_shows_the_measurement_only_beside_a_verdict(capsys):
    exercises.check_rescaled_prediction({"scale 0": None, "scale x3": None}, measured=RESCALED_RUN)
    assert "measured" not in capsys.readouterr().out

# Exercise 08.1 -------------------------------------------------------------

RIGHT_STRETCH = {"minGRU": "stays", "fixed decay": "drops"}


@pytest.mark.parametrize("prediction, measured, start", [
    (RIGHT_STRETCH, None, "Correct! a blank barely moves"),
    (RIGHT_STRETCH, {"minGRU": (0.99, 0.97), "fixed decay": (0.45, 0.12)},
     "Correct! measured, whole sequences right: minGRU 99% -> 97%, fixed decay 45% -> 12%; a blank"),
    ({"mingru": "Same", " Fixed decay ": "lower"}, None, "Correct!"),
    ({"minGRU": "drops", "fixed decay": "drops"}, None, "Not yet: look at the minGRU's gate on a blank"),
    ({"minGRU": "stays", "fixed decay": "stays"}, None, "Not yet: the fixed decay multiplies its state"),
    (RIGHT_STRETCH, {"minGRU": (0.99, 0.97), "fixed decay": (0.45, 0.44)},
     "Not yet: measured, whole sequences right: minGRU 99% -> 97%, fixed decay 45% -> 44%; the fixed decay"),
    ({"minGRU": None, "fixed decay": None}, None, "Not yet: write your prediction as"),
    ("stays, drops", None, "Not yet: write your prediction as"),
    (RIGHT_STRETCH, {"minGRU": (0.99, 2.0), "fixed decay": (0.4, 0.1)}, "Not yet: measured must map"),
    (RIGHT_STRETCH, "x", "Not yet: measured must map"),
])
def test_check_stretch_prediction_judges_by_the_measured_change(capsys, prediction, measured, start):
    exercises.check_stretch_prediction(prediction, measured=measured)
    out = capsys.readouterr().out
    assert out.startswith(start) and out.count("\n") == 1, out


def test_check_stretch_prediction_shows_the_measurement_only_beside_a_verdict(capsys):
    exercises.check_stretch_prediction({"minGRU": None}, measured={"minGRU": (1, 1), "fixed decay": (0.5, 0.1)})
    assert "measured" not in capsys.readouterr().out


# Exercise 08.2 -------------------------------------------------------------

@pytest.mark.parametrize("prediction, start", [
    ({"passes": 19, "combinations": 2036}, "Correct! measured 19 passes and 2,036 combinations (Hillis-Steele: 10 "
                                           "and 9,217; states equal to the loop's: True)"),
    ((20, 2048), "Correct!"), ([np.int64(18), 2000.0], "Correct!"),
    ({"passes": 10, "combinations": 2036}, "Not yet: that is the up-sweep's passes"),
    ({"passes": 19, "combinations": 9217}, "Not yet: that is Hillis-Steele's count"),
    ({"passes": 19, "combinations": 1023}, "Not yet: that is the loop's work, and the up-sweep's alone"),
    ({"passes": 19, "combinations": 1024}, "Not yet: that is the loop's work"),
    ({"passes": 19, "combinations": 5000}, "Not yet: measured 19 passes and 2,036 combinations"),
    ({"passes": 30, "combinations": 2036}, "Not yet: measured 19 passes"),
    ({"passes": None, "combinations": None}, "Not yet: write your prediction as"),
    ({"passes": 19}, "Not yet: write your prediction as {\"passes\": ..., \"combinations\": ...}; missing"),
])
def test_check_blelloch_prediction_compares_with_the_counted_scan(capsys, prediction, start):
    exercises.check_blelloch_prediction(prediction)
    out = capsys.readouterr().out
    assert out.startswith(start), out


@pytest.mark.parametrize("time", [2, 4, 8, 64, 1024])
def test_the_work_efficient_scan_equals_the_loop_and_does_linear_work(time):
    from rnn_tutorial import scan

    rng = np.random.default_rng(time)
    a, b = rng.uniform(0.5, 1.0, (time, 3)), rng.normal(size=(time, 3))
    states, passes, combinations = exercises.rnns_today._blelloch_scan(a, b)
    np.testing.assert_allclose(states, scan.linear_recurrence(a[None], b[None], method="loop")[0], atol=1e-12)
    log2 = int(np.log2(time))
    assert passes == max(2 * log2 - 1, 1) and combinations == 2 * time - 2 - log2



def test_the_worked_example_of_exercise_08_2_counts_what_the_scans_do():
    rng = np.random.default_rng(0)
    _, passes, combinations = exercises.rnns_today._blelloch_scan(rng.uniform(0.5, 1, (8, 1)), rng.normal(size=(8, 1)))
    assert (passes, combinations) == (5, 4 + 2 + 1 + 1 + 3)  # as 08's exercise 2 works it at 8 steps
    assert exercises.rnns_today._scan_counts(8) == (3, 17)  # Hillis and Steele's, quoted beside it

def test_the_counted_scan_agrees_with_the_package():
    from rnn_tutorial import scan

    for time in (1, 2, 7, 8, 9, 1000, 4096):
        passes, combinations = exercises.rnns_today._scan_counts(time)
        assert passes == scan.sequential_steps(time)
        assert combinations == sum(time - 2**k for k in range(passes))


# Every exercise check, whatever it is given -------------------------------
# Found by name, so a new exercise is covered without editing this file. A check whose first
# parameter is `fn` takes the learner's function; the others take the answer itself.

EXERCISES = sorted(name for name, f in inspect.getmembers(exercises, inspect.isfunction)  # every notebook's module
                   if name.startswith("check_") and f.__module__.startswith(exercises.__name__ + "."))
TAKE_A_VALUE = [name for name in EXERCISES
                if next(iter(inspect.signature(getattr(exercises, name)).parameters)) != "fn"]


def test_the_exercises_are_found():
    assert len(EXERCISES) >= 12 and {"check_reordering", "check_gru_reset_before"} <= set(EXERCISES)
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

    monkeypatch.setattr(exercises.sequential_data, "autocorrelation", bug)
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


CORRECT = {
    "check_order_prediction": [dict(RIGHT_ORDER), {"Bag of Words": "Same", "rnn": "fake"}],
    "check_reordering": ["to the gym I love to go", "To the gym, I love to go!", " go to the gym I love to ",
                         np.str_("to the gym I love to go")],
    "check_rnn_types": [dict(exercises.TASK_TYPES),
                        {**exercises.TASK_TYPES, "forecast tomorrow's temperature from the last 30 days": "Many-to-one",
                         "translate a sentence into German": "encoder decoder"},
                        {**{k: v.replace(" ", "_").upper() for k, v in exercises.TASK_TYPES.items()}, "extra": 1},
                        {**exercises.TASK_TYPES, "translate a sentence into German": "many to many"}],
    "check_autocorrelation": [right, in_float32(right), lambda x, lag: np.array([right(x, lag)]),
                              lambda x, lag: [right(x, lag)], lambda x, lag: Fraction(right(x, lag))],
    "check_best_lag": [10, np.int64(10), 10.0, np.float32(10), np.array([10])],
    "check_autocorrelation_predictions": [{"in order, lag 5": -0.4, "shuffled, lag 11": 0.0},
                                          {"in order, lag 5": np.float32(-1), "shuffled, lag 11": np.int64(0),
                                           "a note": "mine"},
                                          {"shuffled, lag 11": 0.1, "in order, lag 5": -0.05}],
    "check_parameter_prediction": [{"dense": 1_000_010, "rnn": 50_110}, (1_000_010, 50_110), [1_000_010, 50_110],
                                   {"Dense": np.int64(1_000_010), "RNN": 50_110.0},
                                   {"dense": np.float32(1_000_010), "rnn": np.array([50_110]), "note": "mine"}],
    "check_unseen_positions": [{4}, [4], (4,), 4, np.int64(4), np.array([4]), {np.int32(4)}, range(4, 5), [4.0],
                               frozenset({4})],
    "check_window_width": [3, 3.0, np.int64(3), np.array([3]), [3], np.float32(3)],
    "check_tagger_shapes": [dict(exercises.TAGGER_SHAPES),
                            {k.upper(): list(v) for k, v in exercises.TAGGER_SHAPES.items()},
                            {k: np.array(v) for k, v in exercises.TAGGER_SHAPES.items()},
                            {k: tuple(np.int64(n) for n in v) for k, v in exercises.TAGGER_SHAPES.items()},
                            {**exercises.TAGGER_SHAPES, "extra": None}],
    "check_changed_states": [{"left to right": {2, 3, 4}, "bidirectional": {0, 1, 2, 3, 4}},
                             {"Left-to-right": [4, 3, 2], "bidirectional": range(5), "extra": 1},
                             {"left to right": range(2, 5), "bidirectional": np.arange(5)},
                             {" left to right ": (np.int64(2), 3, 4), "BIDIRECTIONAL": [4.0, 3, 2, 1, 0]}],
    "check_no_recurrence": [["India"], "India", ("india",), {"India"}, [" India "], ["India", "india"],
                            np.array(["India"]).tolist()],
    "check_temperature_prediction": [dict(ALL_UP), {"New names": "Up", "mean length": "longer", "bigram loss": "higher",
                                                    "extra": None},
                                     {"new names": "more", "mean length": "it goes up", "bigram loss": "increases"}],
    "check_relu_backward": [lambda h, dh: dh * (h > 0), in_float32(lambda h, dh: dh * (h > 0)),
                            lambda h, dh: (dh * (h > 0)).tolist(), lambda h, dh: np.where(h > 0, dh, 0.0)],
    "check_gradient_reach": [1.2**10 / np.sqrt(2), np.float64(4.38), [4.38], (4.4,)],
    "check_truncation_prediction": [dict(RIGHT_TRUNCATION), {"Loss on the last state": (8, 9), "loss on every state":
                                                             np.arange(10), "note": None}],
    "check_clipping": [clip_right, lambda *a: tuple(clip_right(*a)),
                       lambda grads, m: clip_right([g.astype(np.float32) for g in grads], np.float32(m)),
                       lambda *a: [g.tolist() for g in clip_right(*a)]],
    "check_gru_reset_before": [gru_reset_before, in_float32(gru_reset_before),
                               lambda *a: gru_reset_before(*a).tolist()],
    "check_memory_half_life": [15, np.int64(15), 15.0, [15], np.array([14.6])],
    "check_scale_prediction": [dict(SCALES_RIGHT), {0: "Average", 50.0: "the best match", -50: "the worst match"},
                               {"Scale 0": "average of the values", " scale 50 ": "best", "scale -50": "worst",
                                "note": "mine"}, {np.int64(0): "average", "50": "best", "-50": "worst"}],
    "check_causal_self_attention": [causal_right, in_float32(causal_right),
                                    lambda *a: [t.tolist() for t in causal_right(*a)],
                                    lambda *a: list(causal_right(*a))],
    "check_rescaled_prediction": [dict(RIGHT_RESCALED), {"Scale 0": "Below the plain model", "scale x3": "Same"}],
    "check_stretch_prediction": [dict(RIGHT_STRETCH), {" MinGRU ": "Stays", "FIXED DECAY": "drops", "note": 1},
                                 {"minGRU": "unchanged", "fixed decay": "lower"}],
    "check_blelloch_prediction": [{"passes": 19, "combinations": 2036}, {" Passes ": 19.0, "COMBINATIONS": 2048},
                                  (np.int64(19), np.float32(2036)), [20, 2036], {"passes": 19, "combinations": 2036,
                                                                                  "note": "mine"}],
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
    ("check_parameter_prediction", {"dense": "1000010", "rnn": 50_110}, "got str '1000010'"),
    ("check_parameter_prediction", (1_000_010, 50_110, 0), "got a tuple of 3 items"),
    ("check_unseen_positions", "{4}", "write the positions as a set of ints, e.g. {0, 9}; got str '{4}'"),
    ("check_window_width", "3", "one whole number of words; got str '3'"),
    ("check_tagger_shapes", {**exercises.TAGGER_SHAPES, "tags": (3, 7)}, "not one number"),
    ("check_changed_states", {"left to right": None, "bidirectional": None}, "for 'left to right': write the"),
    ("check_no_recurrence", "Chirag, India", "['Chirag, India'] are not in it"),
    ("check_temperature_prediction", {**ALL_UP, "mean length": 7}, "for 'mean length' got 'int 7'"),
    ("check_clipping", clip_and_norm, "return only the list of clipped arrays, not (list, norm)"),
    ("check_clipping", lambda grads, m: (g for g in clip_right(grads, m)), "got a generator"),
    ("check_clipping", lambda grads, m: [g.ravel() for g in clip_right(grads, m)],
     "array 1 should keep its shape (1, 2); got a float64 array of shape (2,)"),
    ("check_gru_reset_before", lambda *a: (gru_reset_before(*a), gru_reset_before(*a)),
     "return the new state, shape (batch, units) = (2, 4); got a tuple of 2 items"),
])
def test_a_plausible_misunderstanding_gets_a_hint(capsys, name, answer, hint):
    out = one_line(capsys, getattr(exercises, name), answer)
    assert out.startswith("Not yet: ") and hint in out, out
