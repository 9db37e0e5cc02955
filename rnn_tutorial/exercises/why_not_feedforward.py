"""The exercises of notebook 02, Why not a feedforward network?: their self-checks, and what the checks compute."""

from __future__ import annotations

import functools

import numpy as np

from rnn_tutorial.answers import as_items, as_number, describe
from rnn_tutorial.exercises._common import _exercise, _feedback, _positions

# Exercise 02.1: the article's network with twice the length and half the vocabulary.
PREDICT_LENGTH, PREDICT_VOCAB, PREDICT_UNITS = 20, 5_000, 10


def _count(n: int) -> str:
    return f"{n:,}" if n < 10**15 else f"{n:.3g}"


def _two_predictions(answer) -> tuple[tuple | None, str | None]:
    """`{"dense": ..., "rnn": ...}` (or a pair `(dense, rnn)`) as two ints."""
    form = 'write your predictions as {"dense": 123_456, "rnn": 123_456}'
    if isinstance(answer, dict):
        keys = {key.strip().lower(): key for key in answer if isinstance(key, str)}
        missing = [name for name in ("dense", "rnn") if name not in keys]
        if missing:
            return None, f"{form}; your dict has no {missing[0]!r}"
        values = [answer[keys["dense"]], answer[keys["rnn"]]]
    else:
        items = as_items(answer)
        if items is None or len(items) != 2:
            return None, f"{form}; got {describe(answer)}"
        values = items
    counts = []
    for value, what in zip(values, ("dense", "rnn")):
        number = as_number(value)
        if number is None or not np.isfinite(number):
            return None, f"write your {what} prediction as one number, e.g. 123_456; got {describe(value)}"
        if number != round(number) or number < 0:
            return None, f"a count of parameters is a whole number >= 0; your {what} prediction is {number:g}"
        counts.append(int(number))
    return tuple(counts), None


def _measured_counts(measured, want: tuple[int, int]) -> tuple[tuple | None, str | None]:
    """`measured` (the two counts Keras gave, `(dense, rnn)`) as two ints; `want` when it is None."""
    if measured is None:
        return want, None
    counts, problem = _two_predictions(measured)
    if problem:
        return None, f"measured must be the two counts Keras gives, (dense, rnn); got {describe(measured)}"
    return counts, None


@_exercise
def check_parameter_prediction(answer, measured=None) -> None:
    """Exercise 02.1 (predict, then run): `{"dense": ..., "rnn": ...}`, the parameters at length 20, vocabulary 5,000.

    "dense": a Dense(10) layer on the whole padded sentence (length x vocabulary
    one-hot inputs); "rnn": a SimpleRNN(10), which reads one word (vocabulary inputs) per step.
    `measured`: the two counts Keras gives, `(dense, rnn)`, shown only beside the verdict on a
    prediction; without it, the counts are computed here.
    """
    length, vocab, units = PREDICT_LENGTH, PREDICT_VOCAB, PREDICT_UNITS
    dense_want = length * vocab * units + units  # 1,000,010: the same inputs as 10 x 10,000
    rnn_want = vocab * units + units * units + units  # 50,110
    counts, problem = _two_predictions(answer)
    if problem:
        return _feedback(False, problem)
    keras_counts, problem = _measured_counts(measured, (dense_want, rnn_want))
    if problem:
        return _feedback(False, problem)
    shown = f"Keras counts dense {_count(keras_counts[0])}, RNN {_count(keras_counts[1])}; "
    dense, rnn = counts
    dense_hints = {
        2 * length * vocab * units + units: "you doubled it for the length, but the vocabulary halved: the "
                                            "inputs are length x vocabulary",
        length * vocab * units // 2 + units: "you halved it for the vocabulary, but the length doubled: the "
                                             "inputs are length x vocabulary",
        length * vocab * units: "that is the weights only: add one bias per unit",
        length * vocab + units: "every input is joined to every unit: multiply by the units, don't add",
        vocab * units + units: "the dense network reads the whole sentence: length x vocabulary inputs",
    }
    rnn_hints = {
        2 * vocab * units + units * units + units: "the RNN's kernel is vocabulary x units, and the vocabulary "
                                                   "halved",
        vocab * units + units: "add the recurrent kernel: units x units weights from the previous state",
        vocab * units + units * units: "add one bias per unit",
        vocab * units: "add the recurrent kernel (units x units) and the biases (units)",
        length * vocab * units + units * units + units: "the RNN reads one word at a time: its kernel is "
                                                        "vocabulary x units, whatever the length",
    }
    if dense != dense_want:
        return _feedback(False, shown + dense_hints.get(dense, f"your dense prediction is {_count(dense)}: how many "
                                                               "one-hot inputs does a padded sentence give, and how "
                                                               "many weights per input?"))
    if rnn != rnn_want:
        if rnn == dense_want:
            return _feedback(False, shown + "the RNN reads one word at a time: its count is not the dense network's")
        return _feedback(False, shown + rnn_hints.get(rnn, f"your RNN prediction is {_count(rnn)}: count its kernel "
                                                           "(inputs of one word x units), recurrent kernel and "
                                                           "biases"))
    return _feedback(True, f"{shown}the dense count did not move ({dense_want:,}): {length} x {vocab:,} is the same "
                           f"{length * vocab:,} inputs as 10 x 10,000. The RNN's fell to {rnn_want:,} with the "
                           "vocabulary, and the length never counted.")


# Exercise 02.2: where does "sachin" never stand, with names starting at these positions?
UNSEEN_STARTS = (0, 1, 2, 5, 6, 7, 8)


@functools.lru_cache(maxsize=4)
def _word_positions(starts: tuple, word: str = "sachin") -> dict[int, str]:
    """Position -> a training sentence with `word` there (notebook 02's training set, made with `starts`)."""
    from rnn_tutorial.datasets import key_phrase_sentences

    found = {}
    for sentence in key_phrase_sentences(2000, starts, seed=0).texts:
        for position, token in enumerate(sentence.split()):
            if token == word:
                found.setdefault(position, sentence)
    return found



@_exercise
def check_unseen_positions(answer, starts=UNSEEN_STARTS) -> None:
    """Exercise 02.2: the positions (0-9) where "sachin" stands in no training sentence, names starting at `starts`."""
    got, problem = _positions(answer)
    if problem:
        return _feedback(False, problem)
    found = _word_positions(tuple(int(s) for s in starts))
    want = set(range(10)) - set(found)
    if got == want:
        where = " and ".join(str(p) for p in sorted(want)) or "no position"
        return _feedback(True, f"'sachin' never stands at {where}: the dense network's weights for 'sachin' there "
                               "keep their random starting values, however long it trains.")
    outside = sorted(p for p in got if not 0 <= p <= 9)
    if outside:
        return _feedback(False, f"the sentences have 10 words, at positions 0 to 9; got {outside}")
    if got == set(range(9)) - set(starts):  # a name starts at 0..8
        return _feedback(False, "those are the starts left out, but a name is two words, and 'sachin' is also "
                                "the second word of 'tendulkar sachin'")
    wrong = sorted(got - want)
    if wrong:
        return _feedback(False, f"'sachin' does stand at {wrong[0]} in training, e.g. in "
                                f"'{found[wrong[0]]}'")
    if not got:
        return _feedback(False, "write your predicted positions in the set: is there none where 'sachin' is missing?")
    missing = len(want - got)
    return _feedback(False, f"right so far, but there {'is' if missing == 1 else 'are'} {missing} more "
                            f"position{'' if missing == 1 else 's'} where no training sentence has 'sachin'")


# Exercise 02.3: the smallest window that tells the two sentences apart.
WINDOW_PAIR = ("kohli and sachin and kohli", "sachin and kohli and sachin")


def _windows(sentence: str, width: int) -> set[tuple[str, ...]]:
    words = sentence.split()
    return {tuple(words[i:i + width]) for i in range(len(words) - width + 1)}


def _measured_differences(measured) -> tuple[str | None, str | None]:
    """`measured`, `{width: largest feature difference}`, as a line to show; `("", None)` when it is None."""
    if measured is None:
        return "", None
    form = "measured must map each window width to the largest feature difference"
    if not isinstance(measured, dict) or not measured:
        return None, f"{form}; got {describe(measured)}"
    parts = []
    for key in sorted(measured, key=repr):
        width, value = as_number(key), as_number(measured[key])
        if width is None or value is None or not np.isfinite(value) or width != round(width):
            return None, f"{form}; for {describe(key)} got {describe(measured[key])}"
        parts.append((int(width), "< 1e-06" if abs(value) < 1e-6 else f"{value:.3g}"))
    return "measured largest feature differences, by window width: " + ", ".join(
        f"{w}: {v}" for w, v in sorted(parts)) + "; ", None


@_exercise
def check_window_width(answer, pair=WINDOW_PAIR, measured=None) -> None:
    """Exercise 02.3 (predict, then run): the smallest window for which a convolution + max over positions tells `pair`
    apart.

    `measured`: `{width: largest difference between the two sentences' features}`, measured on a random layer of
    each width, shown only beside the verdict on a prediction.
    """
    width = as_number(answer)
    if width is None or not np.isfinite(width) or width != round(width):
        return _feedback(False, f"write the window width as one whole number of words; got {describe(answer)}")
    width = int(width)
    length = len(pair[0].split())
    if not 1 <= width <= length:
        return _feedback(False, f"a window holds between 1 and {length} words (the whole sentence)")
    shown, problem = _measured_differences(measured)
    if problem:
        return _feedback(False, problem)
    want = next(w for w in range(1, length + 1) if _windows(pair[0], w) != _windows(pair[1], w))
    if width == want:
        only = " ".join(sorted(_windows(pair[0], want) - _windows(pair[1], want))[0])
        return _feedback(True, f"{shown}windows of {want} words differ: '{only}' is only in the first sentence. Two "
                               "stacked layers of width 2 see 3 words at once too.")
    if width < want:
        windows = ", ".join(repr(" ".join(w)) for w in sorted(_windows(pair[0], width)))
        return _feedback(False, f"{shown}with a window of {width} both sentences have the same windows: {windows}")
    return _feedback(False, f"{shown}{width} words tell them apart, but so does a smaller window: list the windows "
                            f"of {width - 1} words of each sentence")
