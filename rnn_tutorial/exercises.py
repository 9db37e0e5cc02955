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


# Exercise 01.1, second part: what the two trained models say about your order.
ORDER_MODELS = ("bag of words", "RNN")
_ORDER_WORDS = {"bag of words": {"same": "same score", "equal": "same score", "different": "another score",
                                 "another": "another score", "other": "another score"},
                "RNN": {"real": "real", "shuffled": "shuffled", "fake": "shuffled", "not real": "shuffled"}}


def _order_verdict(model: str, value) -> str | None:
    """A learner's words for one model ("the same", "Shuffled"...) as one verdict of `_ORDER_WORDS[model]`."""
    if not isinstance(value, str):
        return None
    words = value.strip().lower()
    found = {verdict for word, verdict in _ORDER_WORDS[model].items() if word in words}
    if found == {"real", "shuffled"} and "not real" in words:
        found = {"shuffled"}
    return found.pop() if len(found) == 1 else None


@_exercise
def check_order_prediction(prediction, scores=None) -> None:
    """Exercise 01.1 (predict, then run): for your order of the gym sentence, does the bag-of-words model give
    "same score" as for the original, or "another score"; does the RNN call it "real" or "shuffled"?

    `scores`: {"bag of words": (original, yours), "RNN": (original, yours)}, each model's probability of "real",
    measured in the notebook and shown only beside the verdict; without it the check judges by what the two models
    do with a shuffled order (the bag of words: the same score; the RNN: shuffled).
    """
    form = '{"bag of words": "same score" or "another score", "RNN": "real" or "shuffled"}'
    if not isinstance(prediction, dict):
        return _feedback(False, f"write your prediction as {form}; got {describe(prediction)}")
    given = {key.strip().lower(): value for key, value in prediction.items() if isinstance(key, str)}
    said = {model: _order_verdict(model, given.get(model.lower())) for model in ORDER_MODELS}
    for model in ORDER_MODELS:
        if said[model] is None:
            return _feedback(False, f"write your prediction as {form}; for {model!r} got "
                                    f"{describe(given.get(model.lower()))}")
    want, shown = {"bag of words": "same score", "RNN": "shuffled"}, ""
    if scores is not None:
        pairs = {model: as_floats(scores.get(model)) if isinstance(scores, dict) else None for model in ORDER_MODELS}
        if any(p is None or p.shape != (2,) or not np.all((p >= 0) & (p <= 1)) for p in pairs.values()):
            return _feedback(False, "scores must map \"bag of words\" and \"RNN\" to (original, yours), two "
                                    f"probabilities each; got {describe(scores)}")
        bag, rnn = pairs["bag of words"], pairs["RNN"]
        want = {"bag of words": "same score" if abs(bag[0] - bag[1]) < 1e-6 else "another score",
                "RNN": "real" if rnn[1] > 0.5 else "shuffled"}
        shown = (f"measured P(real), original then yours: bag of words {bag[0]:.6f} and {bag[1]:.6f}; RNN {rnn[0]:.4f} "
                 f"and {rnn[1]:.4f}; ")
    if said["bag of words"] != want["bag of words"]:
        return _feedback(False, f"{shown}the bag-of-words model sees only the bag: is your order's bag the same as "
                                "the original's?")
    if said["RNN"] != want["RNN"]:
        if want["RNN"] == "real":
            return _feedback(False, f"{shown}the RNN calls your order real: it fits one of the grammar's patterns")
        return _feedback(False, f"{shown}the RNN judges an order by the patterns of its training sentences, not "
                                "by English: is your order one of those patterns?")
    return _feedback(True, f"{shown}one input for the bag-of-words model whatever the order; the RNN reads the order, "
                           "and judges it by the grammar it learnt.")


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


def _sunspot_autocorrelations(lags, shuffled: bool = False) -> dict[int, float]:
    """The sunspots' autocorrelation at each lag; `shuffled`: of notebook 01's shuffle, `default_rng(0)`."""
    from rnn_tutorial.datasets import sunspots

    counts = sunspots()[1]
    if shuffled:
        counts = np.random.default_rng(0).permutation(counts)
    return {lag: autocorrelation(counts, lag) for lag in lags}


@_exercise
def check_best_lag(best_lag) -> None:
    """Exercise 01.2: the lag between 5 and 20 at which the sunspots' autocorrelation is highest."""
    values = _sunspot_autocorrelations(range(5, 21))
    want = max(values, key=values.get)
    lag = as_number(best_lag)
    if lag is None or not np.isfinite(lag) or lag != round(lag):
        return _feedback(False, f"set best_lag to one whole number of years, e.g. best_lag = 7; got "
                                f"{describe(best_lag)}")
    lag = int(round(lag))
    if not 5 <= lag <= 20:
        return _feedback(False, f"look only at lags between 5 and 20; got {lag}")
    if lag == want:
        return _feedback(True, f"at a lag of {want} years the autocorrelation is {values[want]:.2f}, "
                               "the highest between 5 and 20: about one solar cycle.")
    if lag == 11:
        return _feedback(False, "11 is close to the cycle the spectrum found, but it is not the answer: compute "
                                "the autocorrelation at every lag from 5 to 20 and take the lag with the largest")
    return _feedback(False, f"at lag {lag} the autocorrelation is {values[lag]:.2f}; another lag between 5 and 20 "
                            "gives more: compute them all and take the largest")


PREDICTION_KEYS = ("in order, lag 5", "shuffled, lag 11")


@_exercise
def check_autocorrelation_predictions(predictions) -> None:
    """Exercise 01.3: predicted autocorrelations of the sunspots, compared with the measured ones.

    `predictions` maps "in order, lag 5" and "shuffled, lag 11" to numbers in [-1, 1].
    Right: a negative number for the first (half a cycle apart), and within 0.2 of the
    measured value for the second.
    """
    if not isinstance(predictions, dict):
        return _feedback(False, f"keep predictions as a dict with the keys {list(PREDICTION_KEYS)}; "
                                f"got {describe(predictions)}")
    guesses = {}
    for key in PREDICTION_KEYS:
        if key not in predictions:
            return _feedback(False, f"predictions needs the key {key!r} (keep the keys as they were given)")
        guess = as_number(predictions[key])
        if guess is None or not -1 <= guess <= 1:
            return _feedback(False, f"write your prediction for {key!r} as one number between -1 and 1; got "
                                    f"{describe(predictions[key])}")
        guesses[key] = guess
    half = _sunspot_autocorrelations([5])[5]
    shuffled = _sunspot_autocorrelations([11], shuffled=True)[11]
    measured = f"measured: {half:+.2f} in order at lag 5, {shuffled:+.2f} shuffled at lag 11"
    if guesses["in order, lag 5"] >= 0:
        return _feedback(False, f"{measured}. Half a cycle apart, a year of many sunspots faces a year of few: "
                                "what sign does that give the products of the distances from the mean?")
    if abs(guesses["shuffled, lag 11"] - shuffled) > 0.2:
        return _feedback(False, f"{measured}. Shuffled, does a year tell you anything about the year 11 places "
                                "later, any more than about the next one?")
    return _feedback(True, f"{measured}: half a cycle apart the series is out of step with itself, and "
                           "shuffling destroys the rhythm at lag 11 as it did at lag 1.")


# ---------------------------------------------------------------------------
# Notebook 02
# ---------------------------------------------------------------------------

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


def _positions(answer) -> tuple[set | None, str | None]:
    """An answer as a set of int positions: an int, or a set, list, tuple, range or array of them."""
    if isinstance(answer, (set, frozenset)):
        answer = sorted(answer, key=repr)
    array = as_floats(answer)
    if array is None or array.ndim > 1 or (array.size and not np.all(np.isfinite(array))):
        return None, f"write the positions as a set of ints, e.g. {{0, 9}}; got {describe(answer)}"
    if isinstance(answer, (bool, np.bool_)) or np.any(array != np.round(array)):
        return None, f"positions are whole numbers, counted from 0; got {describe(answer)}"
    return {int(p) for p in array.reshape(-1)}, None


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


# ---------------------------------------------------------------------------
# Notebook 03
# ---------------------------------------------------------------------------

# Exercise 03.1: a batch of 3 sentences, padded to 7 words, through a tagger built differently from notebook 03's:
# Embedding(24) -> Bidirectional(SimpleRNN(32, return_sequences=True)) -> Dense(4, softmax).
TAGGER_SHAPES = {"embedding": (3, 7, 24), "rnn": (3, 7, 64), "tags": (3, 7, 4), "rnn, last state only": (3, 64)}
_SHAPE_HINTS = {
    "embedding": {(3, 7): "the Embedding turns each id into a vector of 24 numbers: one axis more than the ids",
                  (3, 7, 16): "this tagger's Embedding gives 24 numbers per word, not the 16 of notebook 03's",
                  (3, 24): "the Embedding gives one vector per word, not one per sentence",
                  (7, 24): "keep the batch: every sentence of the batch gets its own vectors"},
    "rnn": {(3, 7, 24): "a state has one number per unit, whatever the size of the vectors the RNN reads",
            (3, 7, 32): "a bidirectional layer runs two SimpleRNNs of 32 units and joins their states at each word",
            (3, 64): "with return_sequences=True the layer gives a state after every word, not only the last",
            (7, 64): "keep the batch: every sentence of the batch has its own states"},
    "tags": {(3, 7, 64): "the Dense layer turns each 64-number state into 4 tag probabilities",
             (3, 4): "the tagger gives 4 tag probabilities for every word: one output per step",
             (3, 7): "each word gets a probability for each of the 4 tags, not one number",
             (3, 7, 1): "each word gets a probability for each of the 4 tags, not one number"},
    "rnn, last state only": {
        (3, 7, 64): "without return_sequences=True each direction returns its last state only: one vector per "
                    "sentence",
        (3, 32): "both directions return their last state (the forward one after the last word, the backward one "
                 "after the first), joined",
        (64,): "one vector per sentence of the batch: 3 of them",
        (1, 64): "one vector per sentence of the batch: 3 of them",
        (3, 1, 64): "the last states only: the time axis is gone, not kept with length 1"},
}


def _a_shape(value) -> tuple | None:
    """`value` as a tuple of whole numbers (a tuple, list or 1-d array of them); None for anything else."""
    if not isinstance(value, (tuple, list, np.ndarray)):
        return None
    array = as_floats(value)
    if array is None or array.ndim != 1 or not np.all(np.isfinite(array)) or np.any(array != np.round(array)):
        return None
    return tuple(int(n) for n in array)


def _measured_shapes(measured) -> tuple[str | None, str | None]:
    """`measured`, `{name: shape Keras gave}`, as a line to show; `("", None)` when it is None."""
    if measured is None:
        return "", None
    form = f"measured must map each of {list(TAGGER_SHAPES)} to the shape Keras gives"
    if not isinstance(measured, dict):
        return None, f"{form}; got {describe(measured)}"
    shapes = {}
    for name in TAGGER_SHAPES:
        value = measured.get(name)
        if hasattr(value, "as_list"):  # TensorFlow's TensorShape
            value = value.as_list()
        shape = _a_shape(value) if name in measured else None
        if shape is None:
            return None, f"{form}; for {name!r} got {describe(measured.get(name))}"
        shapes[name] = shape
    return "Keras gives " + ", ".join(f"{name} {shape}" for name, shape in shapes.items()) + "; ", None


@_exercise
def check_tagger_shapes(answer, measured=None) -> None:
    """Exercise 03.1 (predict, then run): `answer` maps each name of `TAGGER_SHAPES` to the shape you predict.

    `measured`: the same names mapped to the shapes Keras gives, shown only beside the verdict on a complete
    prediction.
    """
    names = list(TAGGER_SHAPES)
    if not isinstance(answer, dict):
        return _feedback(False, f"write your prediction as a dict from each of {names} to a shape such as (2, 5); "
                                f"got {describe(answer)}")
    given = {key.strip().lower(): value for key, value in answer.items() if isinstance(key, str)}
    missing = [name for name in names if name not in given]
    if missing:
        return _feedback(False, f"give a shape for each of {names}; missing: {missing}")
    got = {name: _a_shape(given[name]) for name in names}
    for name in names:
        if got[name] is None:
            return _feedback(False, f"write each shape as a tuple of whole numbers, such as (2, 5); for {name!r} "
                                    f"got {describe(given[name])}")
    shown, problem = _measured_shapes(measured)
    if problem:
        return _feedback(False, problem)
    for name in names:
        want = TAGGER_SHAPES[name]
        if got[name] == want:
            continue
        if len(got[name]) == len(want) and got[name][:2] == (7, 3):
            return _feedback(False, f"{shown}{name!r}: Keras puts the batch first, then time: (batch, time, ...)")
        hint = _SHAPE_HINTS[name].get(got[name], "which axes does it have (batch, time, features?), and how long is "
                                                 "each?")
        return _feedback(False, f"{shown}{name!r} is not {got[name]}: {hint}")
    return _feedback(True, f"{shown}batch first, then time, then features; a bidirectional layer joins its two "
                           "directions' states, and return_sequences decides whether the time axis survives.")


# Exercise 03.2: two sentences that differ only in their middle word, through both taggers of notebook 03.
CHANGED_PAIR = ("jordan met priya in paris", "jordan met omar in paris")
CHANGED_MODELS = ("left to right", "bidirectional")
CHANGED_AT = 2  # the position of the word that differs
CHANGED_WANT = {"left to right": {2, 3, 4}, "bidirectional": {0, 1, 2, 3, 4}}


def _measured_changes(measured) -> tuple[str | None, str | None]:
    """`measured`, `{tagger: largest state difference at each position}`, as a line to show; `""` when None."""
    if measured is None:
        return "", None
    length = len(CHANGED_PAIR[0].split())
    form = f"measured must map each of {list(CHANGED_MODELS)} to {length} differences, one per word"
    if not isinstance(measured, dict):
        return None, f"{form}; got {describe(measured)}"
    parts = []
    for name in CHANGED_MODELS:
        values = as_floats(measured.get(name)) if name in measured else None
        if values is None or values.shape != (length,) or not np.all(np.isfinite(values)):
            return None, f"{form}; for {name!r} got {describe(measured.get(name))}"
        parts.append(f"{name} " + " ".join("0" if abs(v) < 1e-6 else f"{v:.2g}" for v in values))
    return "measured largest state difference at positions 0-4: " + "; ".join(parts) + "; ", None


@_exercise
def check_changed_states(answer, measured=None) -> None:
    """Exercise 03.2 (predict, then run): at which positions do the two sentences of `CHANGED_PAIR`, which differ at
    position `CHANGED_AT`, get different states, in each tagger?

    `answer` maps "left to right" and "bidirectional" to a set of positions (0 to 4). `measured` maps the same
    names to the largest state difference at each position, shown only beside the verdict on a prediction.
    """
    if not isinstance(answer, dict):
        return _feedback(False, f"write your prediction as a dict from each of {list(CHANGED_MODELS)} to a set of "
                                f"positions, such as {{0, 2}}; got {describe(answer)}")
    given = {key.strip().lower().replace("-", " "): value for key, value in answer.items() if isinstance(key, str)}
    missing = [name for name in CHANGED_MODELS if name not in given]
    if missing:
        return _feedback(False, f"give a set of positions for each of {list(CHANGED_MODELS)}; missing: {missing}")
    said = {}
    for name in CHANGED_MODELS:
        positions, problem = _positions(given[name])
        if problem:
            return _feedback(False, f"for {name!r}: {problem}")
        outside = sorted(p for p in positions if not 0 <= p <= 4)
        if outside:
            return _feedback(False, f"the sentences have 5 words, at positions 0 to 4; for {name!r} got {outside}")
        said[name] = positions
    shown, problem = _measured_changes(measured)
    if problem:
        return _feedback(False, problem)
    if not said["left to right"] and not said["bidirectional"]:
        return _feedback(False, "write your predicted positions in the sets: the middle words differ, 'priya' and "
                                "'omar'; which states can that reach?")
    left, both = said["left to right"], said["bidirectional"]
    if CHANGED_AT not in left or CHANGED_AT not in both:
        return _feedback(False, f"{shown}the word at position {CHANGED_AT} itself differs, so the state there "
                                "differs in both taggers")
    early = sorted(p for p in left if p < CHANGED_AT)
    if early:
        return _feedback(False, f"{shown}look again at the left-to-right tagger: at positions {early} it has read "
                                "only words that the two sentences share; the changed word comes later")
    if left != CHANGED_WANT["left to right"]:
        return _feedback(False, f"{shown}look again at the left-to-right tagger: the state after 'priya' or 'omar' "
                                "goes on into every later state; does anything make the later words forget it?")
    if both != CHANGED_WANT["bidirectional"]:
        return _feedback(False, f"{shown}look again at the bidirectional tagger: one RNN reads from the start, the "
                                "other from the end; which positions does each carry 'priya' or 'omar' to?")
    return _feedback(True, f"{shown}left to right, a word's state depends on the words up to it, and a change "
                           "reaches every later state; the right-to-left half of a bidirectional RNN brings every "
                           "later word into every state, so a change anywhere reaches them all.")


NO_RECURRENCE_SENTENCE = "Chirag worked at Microsoft in India"


def _words_that_move_the_last_state(sentence: str, recurrent_scale: float, seed: int = 0) -> list[str]:
    """Recompute it: the words whose replacement moves an RNN's last state, with random weights."""
    from rnn_tutorial.numpy_rnn import rnn_forward

    words = sentence.split()
    rng = np.random.default_rng(seed)
    features, units = len(words) + 1, 4
    kernel = rng.normal(0, 0.5, size=(features, units))  # (features, units)
    recurrent_kernel = recurrent_scale * rng.normal(0, 0.5, size=(units, units))  # (units, units)
    bias = np.zeros(units)

    def last_state(ids):
        return rnn_forward(np.eye(features)[None, ids], kernel, recurrent_kernel, bias)[1]  # (1, units)

    ids = list(range(len(words)))
    other = len(words)  # a word that is not in the sentence
    return [word for t, word in enumerate(words)
            if np.abs(last_state(ids[:t] + [other] + ids[t + 1:]) - last_state(ids)).max() > 1e-12]


def _measured_moves(measured) -> tuple[str | None, str | None]:
    """`measured`, how far h_6 moves when each word is replaced, as a line to show; `""` when None."""
    if measured is None:
        return "", None
    words = NO_RECURRENCE_SENTENCE.split()
    values = as_floats(measured)
    if values is None or values.shape != (len(words),) or not np.all(np.isfinite(values)):
        return None, f"measured must hold {len(words)} distances, one per word; got {describe(measured)}"
    return "measured with W_h = 0: " + ", ".join(
        f"{word} {'0' if abs(v) < 1e-12 else f'{v:.3f}'}" for word, v in zip(words, values)) + "; ", None


@_exercise
def check_no_recurrence(answer, measured=None) -> None:
    """Exercise 03.3 (predict, then run): the words that still move the last state when recurrent_kernel is 0.

    `answer`: the words of `NO_RECURRENCE_SENTENCE` (a list, or one str for one
    word) whose replacement still changes h_6. The check recomputes the answer
    with random weights and a recurrent kernel of zeros. `measured`: how far h_6
    moved for each word in the notebook, shown only beside the verdict.
    """
    sentence = NO_RECURRENCE_SENTENCE.split()
    items = [answer] if isinstance(answer, str) else as_items(answer)
    if isinstance(answer, (set, frozenset)):
        items = sorted(answer, key=str) if all(isinstance(word, str) for word in answer) else None
    if items is None or not all(isinstance(word, str) for word in items):
        return _feedback(False, f"write the words as a list of str, such as [\"Chirag\", \"at\"] (or [] for none); "
                                f"got {describe(answer)}")
    lower = {word.lower(): word for word in sentence}
    unknown = [word for word in items if word.strip().lower() not in lower]
    if unknown:
        return _feedback(False, f"name words of the sentence {sentence}; {unknown[:3]} are not in it")
    said = {lower[word.strip().lower()] for word in items}
    if not said:
        return _feedback(False, "write your prediction in the list: which words can still reach h_6? (the last "
                                "word makes the last state: h_6 is computed from x_6)")
    shown, problem = _measured_moves(measured)
    if problem:
        return _feedback(False, problem)
    with_loop = _words_that_move_the_last_state(NO_RECURRENCE_SENTENCE, 1.0)
    want = set(_words_that_move_the_last_state(NO_RECURRENCE_SENTENCE, 0.0))
    if said == want:
        return _feedback(True, f"{shown}with recurrent_kernel = 0, only {sorted(want)} reaches the last state (with "
                               f"it, {len(with_loop)} words do): each state sees only its own word, like the "
                               "word-only tagger.")
    if len(said) == len(sentence):
        return _feedback(False, f"{shown}recurrent_kernel is what carries h_(t-1) into h_t; at 0, nothing passes "
                                "from one step to the next")
    if want <= said:
        return _feedback(False, f"{shown}{sorted(said - want)} no longer reach the last state: with "
                                "recurrent_kernel = 0 nothing passes from one step to the next")
    return _feedback(False, f"{shown}which input does h_6 itself read? Only that word can still reach it")


# ---------------------------------------------------------------------------
# Notebook 04
# ---------------------------------------------------------------------------

TASK_TYPES = {
    "forecast tomorrow's temperature from the last 30 days": "many to one",
    "describe a photo in one sentence": "one to many",
    "label each frame of a video: a goal or not": "many to many",
    "translate a sentence into German": "encoder-decoder",
    "tell whether a photo shows a cat": "one to one",
}
# The article calls translation "many to many"; the encoder-decoder is the kind of many to many it needs.
_ALSO_RIGHT = {"translate a sentence into German": {"many to many"}}
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
    if words in ("many to many encoder decoder", "many to many (encoder decoder)", "encoder decoder many to many"):
        return "encoder-decoder"
    return next((kind for kind in _TYPE_HINTS if kind.replace("-", " ") == words), None)


@_exercise
def check_rnn_types(answer) -> None:
    """Exercise 04.1: `answer` maps each task of `TASK_TYPES` to its type (a key of `diagrams.RNN_TYPES`).

    Translation is right as "encoder-decoder" or as the article's "many to many".
    """
    if not isinstance(answer, dict):
        return _feedback(False, f"answer must be a dict from task to type; got {describe(answer)}")
    missing = [task for task in TASK_TYPES if task not in answer]
    if missing:
        return _feedback(False, f"give a type for every task; missing: {missing}")
    unknown = [answer[task] for task in TASK_TYPES if _rnn_type(answer[task]) is None]
    if unknown:
        shown = sorted({kind if isinstance(kind, str) else describe(kind) for kind in unknown})
        return _feedback(False, f"types must be among {sorted(_TYPE_HINTS)}; got {shown}")
    given = {task: _rnn_type(answer[task]) for task in TASK_TYPES}
    wrong = [task for task, kind in TASK_TYPES.items() if given[task] not in {kind} | _ALSO_RIGHT.get(task, set())]
    if wrong:
        task = wrong[0]
        hint = _TYPE_HINTS[TASK_TYPES[task]]
        if TASK_TYPES[task] == "many to many" and given[task] == "encoder-decoder":
            hint += " (the labels line up with the inputs, one for each, so nothing needs to be read before writing)"
        return _feedback(False, f"{len(wrong)} wrong, e.g. {task!r} is not {answer[task]!r}: "
                                f"look for the type where {hint}")
    if given["translate a sentence into German"] == "many to many":
        said = ("many to many, as the article says; its output has its own length and order, so it takes the "
                "encoder-decoder, the kind of many to many that reads the whole input before writing.")
    else:
        said = ("the encoder-decoder, the kind of many to many (the article's word for translation) that reads the "
                "whole input before writing, since the output has its own length and order.")
    return _feedback(True, f"each task matched to the shape of its input and output. Translation: {said}")


# Exercise 04.2: what raising the temperature from 1 to 2 does to the sampled names.
TEMPERATURE_STATISTICS = ("new names", "mean length", "bigram loss")
TEMPERATURE_FOUND = {"new names": (0.91, 0.99), "mean length": (5.8, 7.3), "bigram loss": (2.45, 3.05)}  # seed 0
_UP = {"up", "higher", "more", "longer", "larger", "bigger", "increase", "increases", "rises", "rise", "grows", "+"}
_DOWN = {"down", "lower", "less", "fewer", "shorter", "smaller", "decrease", "decreases", "falls", "fall",
         "drops", "-"}
_TEMPERATURE_WHY = {
    "new names": "a flatter distribution picks unlikely letters more often, so the names stray further from the "
                 "ones in the training list",
    "mean length": "after a name of usual length the end symbol $ is the likely choice; flattening takes probability "
                   "from the likely symbols and spreads it over the 26 letters, so the names run on",
    "bigram loss": "unlikely letter pairs come up more often, and a model of real names finds them less likely: "
                   "the samples look less like names",
}


def _direction(value) -> str | None:
    if not isinstance(value, str):
        return None
    words = " ".join(value.lower().replace("_", " ").strip(" .!").split())
    words = words.removeprefix("it ").removeprefix("goes ").removeprefix("go ")
    return "up" if words in _UP else "down" if words in _DOWN else None


def _pairs(measured) -> tuple[dict | None, str | None]:
    """`measured` as `{statistic: (at T=1, at T=2)}` of floats; or what is wrong with it."""
    if measured is None:
        return dict(TEMPERATURE_FOUND), None
    form = f"measured must map each of {list(TEMPERATURE_STATISTICS)} to (value at T=1, value at T=2)"
    if not isinstance(measured, dict):
        return None, f"{form}; got {describe(measured)}"
    pairs = {}
    for key in TEMPERATURE_STATISTICS:
        values = as_floats(measured.get(key)) if key in measured else None
        if values is None or values.shape != (2,) or not np.all(np.isfinite(values)):
            return None, f"{form}; for {key!r} got {describe(measured.get(key))}"
        pairs[key] = tuple(float(v) for v in values)
    return pairs, None


@_exercise
def check_temperature_prediction(prediction, measured=None) -> None:
    """Exercise 04.2 (predict, then run): does each statistic of the sampled names go up or down from T=1 to T=2?

    `prediction` maps each of `TEMPERATURE_STATISTICS` to "up" or "down". `measured` maps each to its pair of
    values measured in the notebook, `(at T=1, at T=2)`; without it, the check compares with the figures this
    notebook measured when it was written, `TEMPERATURE_FOUND`.
    """
    keys = list(TEMPERATURE_STATISTICS)
    if not isinstance(prediction, dict):
        return _feedback(False, f"write your prediction as a dict from each of {keys} to \"up\" or \"down\"; got "
                                f"{describe(prediction)}")
    given = {key.strip().lower(): value for key, value in prediction.items() if isinstance(key, str)}
    missing = [key for key in keys if key not in given]
    if missing:
        return _feedback(False, f"give a prediction for each of {keys}; missing: {missing}")
    guesses = {key: _direction(given[key]) for key in keys}
    unclear = [key for key in keys if guesses[key] is None]
    if unclear:
        shown = given[unclear[0]] if isinstance(given[unclear[0]], str) else describe(given[unclear[0]])
        return _feedback(False, f"predict \"up\" or \"down\" for each statistic, before you look; for "
                                f"{unclear[0]!r} got {shown!r}")
    pairs, problem = _pairs(measured)
    if problem:
        return _feedback(False, problem)
    shown = ", ".join(f"{key} {a:.3g} -> {b:.3g}" for key, (a, b) in pairs.items())
    wrong = [key for key in keys if guesses[key] != ("up" if pairs[key][1] > pairs[key][0] else "down")]
    if wrong:
        key = wrong[0]
        went = "down" if guesses[key] == "up" else "up"
        why = (_TEMPERATURE_WHY[key] if went == "up" else "against the usual effect of a higher temperature; "
               "sample more names to see whether it holds")
        return _feedback(False, f"measured from T=1 to T=2: {shown}. {key!r} went {went}, not {guesses[key]}: {why}.")
    if all(guesses[key] == "up" for key in keys):
        return _feedback(True, f"measured from T=1 to T=2: {shown}. A higher temperature flattens every choice: "
                               "more variety, longer and less name-like names.")
    return _feedback(True, f"measured from T=1 to T=2: {shown}; each went the way you predicted.")


# ---------------------------------------------------------------------------
# Notebook 05
# ---------------------------------------------------------------------------


@_exercise
def check_relu_backward(fn: Callable) -> None:
    """Exercise 05.1: `fn(h, dh)` returns the gradient before a ReLU, given `h = relu(a)` and `dh = dL/dh`."""
    rng = np.random.default_rng(5)
    h, dh = np.maximum(0, rng.normal(size=(3, 4))), rng.normal(size=(3, 4))  # about half the entries are 0
    want = dh * (h > 0)
    got, problem = _call(fn, h.copy(), dh.copy(), convert=_an_array(want.shape, "return one number per unit, shape"))
    if problem:
        return _feedback(False, problem)
    if _close(got, want):
        return _feedback(True, "relu passes the gradient where it was positive and blocks it where it gave 0.")
    hints = [(dh, "where h = 0 the ReLU was flat: its slope there is 0, so no gradient passes"),
             ((h > 0).astype(float), "multiply by dh: the chain rule passes the incoming gradient on"),
             (dh * h, "the ReLU's slope is 1 where a > 0, not h: multiply dh by (h > 0)"),
             (dh * (1 - h**2), "that is the tanh's derivative; a ReLU's slope is 1 where a > 0 and 0 elsewhere")]
    for value, hint in hints:
        if _close(got, value):
            return _feedback(False, hint)
    return _feedback(False, "the values differ from dh where h > 0 and 0 elsewhere")


GRADIENT_REACH = (np.diag([1.2, 0.5]), 10)  # the exercise's recurrent_kernel and number of steps back


@_exercise
def check_gradient_reach(prediction) -> None:
    """Exercise 05.2: your prediction of ||dL/dh_{T-k}|| for W_h = diag(1.2, 0.5), states near 0, ||dL/dh_T|| = 1."""
    recurrent_kernel, k = GRADIENT_REACH
    dh = np.ones(2) / np.sqrt(2)  # dL/dh_T, norm 1
    for _ in range(k):
        dh = (dh * (1 - 0.0**2)) @ recurrent_kernel.T  # one step back; tanh' = 1 - h**2 = 1 near h = 0
    measured = float(np.linalg.norm(dh))
    guess = as_number(prediction)
    if guess is None:
        return _feedback(False, f"write your prediction as one number, e.g. my_prediction = 0.5; got "
                                f"{describe(prediction)}")
    if np.isclose(guess, measured, rtol=0.05):
        return _feedback(True, f"measured {measured:.3f}: each direction is multiplied by its own factor, and after "
                               f"{k} steps the growing one (1.2**{k}) is all that is left.")
    hints = [(0.85**k, "the factors do not average: each direction is multiplied by its own factor, 1.2 or 0.5"),
             (1.2**k, "close: the growing direction starts with only 1/sqrt(2) of the norm"),
             (0.5**k, "the direction multiplied by 1.2 grows; it is the one that is left"),
             (1.2**k * 0.5**k, "the directions do not multiply each other: follow each one on its own"),
             (1.0, "the norm does change: one direction grows, the other shrinks")]
    for value, hint in hints:
        if np.isclose(guess, value, rtol=0.02):
            return _feedback(False, f"{hint} (measured {measured:.3f})")
    return _feedback(False, f"measured {measured:.3f}, you predicted {guess:.4g}: what does one step back do to each "
                            "of the two entries of the gradient?")


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
    """Exercise 05.3: `fn(grads, max_norm)` scales a list of arrays together to a joint norm of at most `max_norm`."""
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


# Exercise 05.4: truncated BPTT over 10 steps in chunks of 4; which inputs get a gradient?
TRUNCATION_TIME, TRUNCATION_CHUNK = 10, 4
TRUNCATION_LOSSES = ("loss on the last state", "loss on every state")


def truncated_input_steps(loss_at: str, time: int = TRUNCATION_TIME, chunk: int = TRUNCATION_CHUNK) -> set[int]:
    """The steps t whose input x_t gets a non-zero gradient from truncated BPTT, on a small random RNN."""
    from rnn_tutorial.numpy_rnn import rnn_backward, rnn_forward

    rng = np.random.default_rng(0)
    x, kernel = rng.normal(size=(2, time, 1)), rng.normal(0, 0.5, (1, 4))
    recurrent_kernel, bias = rng.normal(0, 0.5, (4, 4)), np.zeros(4)
    hs, _ = rnn_forward(x, kernel, recurrent_kernel, bias)  # (2, time, 4)
    dhs = np.ones_like(hs) if loss_at == TRUNCATION_LOSSES[1] else np.zeros_like(hs)
    dhs[:, -1] = 1.0
    steps = set()
    for start in range(0, time, chunk):
        first = hs[:, start - 1] if start > 0 else np.zeros((2, 4))  # a constant for this chunk
        dx = rnn_backward(x[:, start:start + chunk], hs[:, start:start + chunk], dhs[:, start:start + chunk],
                          kernel, recurrent_kernel, bias, h0=first)["x"]  # (2, chunk steps, 1)
        steps |= {start + int(t) for t in np.flatnonzero(np.abs(dx).max(axis=(0, 2)) > 0)}
    return steps


def _step_sets(value, form: str) -> tuple[dict | None, str | None]:
    """{loss: set of steps} from a dict of the two losses (keys in any case), each a set of steps from 0 to 9."""
    if not isinstance(value, dict):
        return None, f"{form}; got {describe(value)}"
    given = {key.strip().lower(): steps for key, steps in value.items() if isinstance(key, str)}
    sets = {}
    for loss in TRUNCATION_LOSSES:
        if loss not in given:
            return None, f"{form}; missing {loss!r}"
        steps, problem = _positions(given[loss]) if given[loss] is not None else (None, "got None")
        if problem:
            return None, f"{form}; for {loss!r}: {problem}"
        outside = sorted(t for t in steps if not 0 <= t < TRUNCATION_TIME)
        if outside:
            return None, f"the steps are 0 to {TRUNCATION_TIME - 1}; for {loss!r} got {outside}"
        sets[loss] = steps
    return sets, None


@_exercise
def check_truncation_prediction(prediction, measured=None) -> None:
    """Exercise 05.4 (predict, then run): chunks of 4 over 10 steps; the steps whose input x_t gets a gradient.

    `prediction` and `measured`: {"loss on the last state": set of steps, "loss on every state": set of steps}.
    `measured` comes from the notebook's own `chunked_backward`; without it, the check measures on a small RNN.
    """
    form = 'write your prediction as {"loss on the last state": {...}, "loss on every state": {...}}, sets of steps'
    said, problem = _step_sets(prediction, form)
    if problem:
        return _feedback(False, problem)
    if measured is None:
        measured = {loss: truncated_input_steps(loss) for loss in TRUNCATION_LOSSES}
    want, problem = _step_sets(measured, "measured must have the same form as the prediction")
    if problem:
        return _feedback(False, problem)
    last, every = (said[loss] for loss in TRUNCATION_LOSSES)
    shown = "measured: " + ", ".join(f"{loss}: {sorted(want[loss])}" for loss in TRUNCATION_LOSSES)
    if said == want:
        return _feedback(True, f"{shown}. The gradient of a loss travels back only to the start of its own chunk "
                               "(0-3, 4-7, 8-9); a loss in every chunk reaches every input, a loss at the end only "
                               "the last chunk's.")
    if last == set(range(TRUNCATION_TIME - TRUNCATION_CHUNK, TRUNCATION_TIME)):
        return _feedback(False, f"{shown}. The chunks are counted from the first step: 0-3, 4-7, and then?")
    if last != want[TRUNCATION_LOSSES[0]]:
        return _feedback(False, f"{shown}. With the loss on the last state, which chunk holds that loss, and can its "
                                "gradient cross the start of that chunk?")
    return _feedback(False, f"{shown}. With a loss at every state, every chunk has losses of its own: which inputs "
                            "can they reach without leaving their chunk?")


# ---------------------------------------------------------------------------
# Notebook 06
# ---------------------------------------------------------------------------


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def gru_step_reset_before(x_t, h_prev, kernel, recurrent_kernel, bias) -> np.ndarray:
    """One step of Keras's `GRU(reset_after=False)`: the reset gate scales h_prev before the recurrent product.

    `kernel (features, 3 * units)`, `recurrent_kernel (units, 3 * units)`, `bias (3 * units,)`, blocks z, r, candidate.
    """
    units = h_prev.shape[1]
    x_z, x_r, x_c = np.split(x_t @ kernel + bias, 3, axis=1)  # (batch, units) each
    z = _sigmoid(x_z + h_prev @ recurrent_kernel[:, :units])
    r = _sigmoid(x_r + h_prev @ recurrent_kernel[:, units:2 * units])
    candidate = np.tanh(x_c + (r * h_prev) @ recurrent_kernel[:, 2 * units:])
    return z * h_prev + (1 - z) * candidate


@_exercise
def check_gru_reset_before(fn: Callable) -> None:
    """Exercise 06.1: `fn(x_t, h_prev, kernel, recurrent_kernel, bias)` is one step of `GRU(reset_after=False)`."""
    rng = np.random.default_rng(6)
    x_t, h = rng.normal(size=(2, 3)), rng.normal(0, 0.5, size=(2, 4))  # (batch, features), (batch, units)
    kernel, recurrent, bias = rng.normal(size=(3, 12)), rng.normal(size=(4, 12)), rng.normal(size=12)
    want = gru_step_reset_before(x_t, h, kernel, recurrent, bias)
    got, problem = _call(fn, x_t.copy(), h.copy(), kernel.copy(), recurrent.copy(), bias.copy(),
                         convert=_an_array(want.shape, "return the new state, shape (batch, units) ="))
    if problem:
        return _feedback(False, problem)
    if _close(got, want):
        return _feedback(True, "the reset gate now acts on h_prev itself, before recurrent_kernel multiplies it.")
    x_z, x_r, x_c = np.split(x_t @ kernel + bias, 3, axis=1)
    h_z, h_r, h_c = np.split(h @ recurrent, 3, axis=1)
    z, r = _sigmoid(x_z + h_z), _sigmoid(x_r + h_r)
    hints = [((1 - z) * h + z * np.tanh(x_c + (r * h) @ recurrent[:, 8:]),
              "z and 1 - z are swapped: Keras keeps z of the old state, h = z * h_prev + (1 - z) * candidate"),
             (z * h + (1 - z) * np.tanh(x_c + r * h_c),
              "that is the default form, reset after the product: here r scales h_prev before recurrent_kernel"),
             (z * h + (1 - z) * np.tanh(x_c + h_c), "the reset gate is missing from the candidate"),
             (np.tanh(x_c + (r * h) @ recurrent[:, 8:]), "that is the candidate: mix it with h_prev through z")]
    for value, hint in hints:
        if _close(got, value):
            return _feedback(False, hint)
    return _feedback(False, "the values differ: split kernel, recurrent_kernel and bias into blocks z, r, candidate, "
                            "and let r multiply h_prev before its product with the candidate's block")


MEMORY_HALF_LIFE = (3.0, -30.0)  # the exercise's forget-gate and input-gate biases (weights are zero)


@_exercise
def check_memory_half_life(prediction) -> None:
    """Exercise 06.2: your prediction of the steps until c < c_0 / 2, for an LSTM with zero weights and these biases."""
    forget_bias, input_bias = MEMORY_HALF_LIFE
    forget, write = _sigmoid(forget_bias), _sigmoid(input_bias)  # the gates, with zero weights
    c, steps = 1.0, 0
    while c >= 0.5:
        c = forget * c + write * np.tanh(0.0)  # c_t = f * c_{t-1} + i * g; the candidate g is tanh(0) = 0
        steps += 1
    guess = as_number(prediction)
    if guess is None:
        return _feedback(False, f"write your prediction as one number of steps, e.g. my_prediction = 5; got "
                                f"{describe(prediction)}")
    if abs(guess - steps) <= 1:
        return _feedback(True, f"measured {steps} steps: the gate is sigmoid(3) = {forget:.3f}, and {forget:.3f}**n "
                               f"falls below 1/2 at n = {steps}. A gate near 1 still forgets, geometrically.")
    hints = [(1 / (1 - forget), "that is the average memory time 1 / (1 - f); half is lost sooner"),
             (forget_bias, "the bias is not the gate: with zero weights the gate is sigmoid(bias)"),
             (1, "one step keeps sigmoid(3), about 95%: far more than half"),
             (np.log(0.5) / np.log(_sigmoid(1.0)), "the bias is 3, not 1 (Keras's starting forget bias)")]
    for value, hint in hints:
        if abs(guess - value) <= 0.5:
            return _feedback(False, f"{hint} (measured {steps} steps)")
    return _feedback(False, f"measured {steps} steps, you predicted {guess:.4g}: what share of c does one step "
                            "keep, with the forget gate at sigmoid(3)?")


# ---------------------------------------------------------------------------
# Notebook 07
# ---------------------------------------------------------------------------

# Exercise 07.1: the query, keys and values of notebook 07's first worked example, and the scales to predict for.
SCALE_QUERY = np.array([[[1.0, 2.0]]])  # (batch 1, one query, d = 2)
SCALE_KEYS = np.array([[[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [1.0, 1.0]]])  # (1, four keys, 2)
SCALE_VALUES = np.array([[[10.0, 0.0], [0.0, 10.0], [-10.0, 0.0], [5.0, 5.0]]])  # (1, four values, 2)
SCALE_CHOICES = ("average", "best", "worst", "zeros")
_SCALE_MEANING = {"average": "the average of the four values", "best": "the value of the best-matching key",
                  "worst": "the value of the worst-matching key", "zeros": "a vector of zeros"}


def _scale_key(key) -> float | None:
    """A prediction's key, "scale 50" or 50, as the number."""
    if isinstance(key, str):
        key = key.strip().lower().removeprefix("scale").strip()
        try:
            return float(key)
        except ValueError:
            return None
    return as_number(key)


def _scale_choice(value) -> str | None:
    """One of SCALE_CHOICES, from a learner's words: "best", "Best match", "the average"..."""
    if not isinstance(value, str):
        return None
    words = value.strip().lower()
    found = [choice for choice in SCALE_CHOICES if choice in words]
    return found[0] if len(found) == 1 else None


def scale_contexts(scales=(0, 50, -50)) -> dict[float, str]:
    """Exercise 07.1: what the context of the worked example is at each scale, measured with `attention.attend`."""
    from rnn_tutorial.attention import attend

    candidates = {"average": SCALE_VALUES[0].mean(axis=0), "zeros": np.zeros(2)}
    scores = (SCALE_QUERY[0] @ SCALE_KEYS[0].T)[0]  # (4,)
    candidates["best"], candidates["worst"] = SCALE_VALUES[0, scores.argmax()], SCALE_VALUES[0, scores.argmin()]
    found = {}
    for scale in scales:
        context = attend(SCALE_QUERY, SCALE_KEYS, SCALE_VALUES, scale=float(scale))[0][0, 0]  # (2,)
        found[float(scale)] = min(candidates, key=lambda c: np.abs(candidates[c] - context).max())
    return found


@_exercise
def check_scale_prediction(prediction) -> None:
    """Exercise 07.1 (predict, then run): the context at scales 0, 50 and -50, each one of `SCALE_CHOICES`."""
    form = '{"scale 0": "...", "scale 50": "...", "scale -50": "..."}, each one of ' + ", ".join(
        f'"{c}"' for c in SCALE_CHOICES)
    if not isinstance(prediction, dict):
        return _feedback(False, f"write your prediction as {form}; got {describe(prediction)}")
    given = {}
    for key, value in prediction.items():
        number = _scale_key(key)
        if number is not None and number in (0.0, 50.0, -50.0):
            given[number] = value
    missing = [f"scale {s:g}" for s in (0.0, 50.0, -50.0) if s not in given]
    if missing:
        return _feedback(False, f"give a prediction for each scale, as {form}; missing: {missing}")
    guesses = {scale: _scale_choice(value) for scale, value in given.items()}
    unclear = [scale for scale in (0.0, 50.0, -50.0) if guesses[scale] is None]
    if unclear:
        value = given[unclear[0]]
        shown = repr(value) if isinstance(value, str) and len(value) <= 40 else describe(value)
        return _feedback(False, f"for scale {unclear[0]:g} write one of {list(SCALE_CHOICES)}; got {shown}")
    measured = scale_contexts()
    why = {0.0: "at scale 0 every score is 0, so the softmax gives each of the four keys the same weight, 1/4",
           50.0: "a large scale stretches the gaps between the scores, and the softmax of stretched scores puts "
                 "nearly all the weight on the largest",
           -50.0: "a negative scale turns the order of the scores round: the worst match gets the largest score"}
    for scale in (0.0, 50.0, -50.0):
        if guesses[scale] != measured[scale]:
            if guesses[scale] == "zeros":
                return _feedback(False, f"at scale {scale:g} the context is not zeros: the weights sum to 1, so the "
                                        "context is always a weighted average of the values. Run the cell and look")
            return _feedback(False, f"at scale {scale:g} the context is {_SCALE_MEANING[measured[scale]]}, not "
                                    f"{_SCALE_MEANING[guesses[scale]]}: {why[scale]}")
    return _feedback(True, "the scale works like notebook 04's temperature turned round (scale = 1/T): 0 spreads "
                           "the weight evenly, a large scale picks the best match, a negative one the worst.")


# Exercise 07.2: causal self-attention, as a transformer's decoder uses it.

def causal_self_attention(x, w_q, w_k, w_v) -> tuple[np.ndarray, np.ndarray]:
    """Self-attention in which position t sees only positions 0..t: `(output, weights)` (exercise 07.2).

    x `(batch, T, features)`; w_q, w_k `(features, d)`; w_v `(features, dv)`. Scores scaled by 1/sqrt(d).
    """
    query, keys, values = x @ w_q, x @ w_k, x @ w_v  # (batch, T, d), (batch, T, d), (batch, T, dv)
    scores = query @ keys.transpose(0, 2, 1) / np.sqrt(keys.shape[-1])  # (batch, T, T)
    future = np.triu(np.ones(scores.shape[-2:], dtype=bool), k=1)  # (T, T): True above the diagonal
    scores = np.where(future, -np.inf, scores)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ values, weights


def _output_and_weights(output_shape: tuple, weights_shape: tuple) -> Callable:
    """A `convert`: the answer as the pair (output, weights) of the given shapes."""

    def convert(got):
        items = as_items(got)
        if items is None or len(items) != 2:
            return None, f"return the pair (output, weights): shapes {output_shape} and {weights_shape}; got " \
                         f"{describe(got)}"
        arrays = [as_floats(item) for item in items]
        for name, array, item, shape in zip(("output", "weights"), arrays, items, (output_shape, weights_shape)):
            if array is None or array.shape != shape:
                return None, f"{name} should have shape {shape}; got {describe(item)}"
        return tuple(arrays), None

    return convert


def _same(got: np.ndarray, want: np.ndarray) -> bool:
    """Equal up to rounding, where nan (a row with nothing to look at) counts as equal to nan."""
    with np.errstate(all="ignore"):
        return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-4, atol=1e-5, equal_nan=True))


def _self_attention_variant(x, w_q, w_k, w_v, scaled=True, masked=True, strict=False, after=False, swapped=False):
    """Plausible mistakes in causal self-attention, for the hints of exercise 07.2."""
    query, keys, values = x @ w_q, x @ w_k, x @ w_v
    scores = (keys @ query.transpose(0, 2, 1)) if swapped else (query @ keys.transpose(0, 2, 1))
    if scaled:
        scores = scores / np.sqrt(keys.shape[-1])
    future = np.triu(np.ones(scores.shape[-2:], dtype=bool), k=0 if strict else 1)
    if masked and not after:
        scores = np.where(future, -np.inf, scores)
    with np.errstate(all="ignore"):  # a row with every position masked gives nan, as the mistake does
        weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
        weights /= weights.sum(axis=-1, keepdims=True)
        if masked and after:
            weights = np.where(future, 0.0, weights)
    return weights @ values, weights


@_exercise
def check_causal_self_attention(fn: Callable) -> None:
    """Exercise 07.2: `fn(x, w_q, w_k, w_v)` returns `(output, weights)` of causal self-attention."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 5, 4))  # (batch, T, features)
    w_q, w_k, w_v = rng.normal(0, 0.7, (3, 4, 3))  # (features, d) each
    want_out, want_weights = causal_self_attention(x, w_q, w_k, w_v)
    got, problem = _call(fn, x.copy(), w_q.copy(), w_k.copy(), w_v.copy(),
                         convert=_output_and_weights(want_out.shape, want_weights.shape))
    if problem:
        return _feedback(False, problem)
    out, weights = got
    if _close(out, want_out) and _close(weights, want_weights):
        return _feedback(True, "position t mixes only positions 0..t, so a model trained this way on whole "
                               "sequences at once can still write one token at a time, never seeing its future.")
    hints = [({"masked": False}, "position t must not look at later positions: before the softmax, set the "
                                 "scores above the diagonal (s > t) to -inf"),
             ({"after": True}, "mask before the softmax, not after: zeroing weights afterwards leaves rows that no "
                               "longer sum to 1"),
             ({"strict": True}, "a position may look at itself: mask only s > t, not s >= t"),
             ({"scaled": False}, "divide the scores by sqrt(d), d = w_k.shape[1], as in the self-attention above"),
             ({"swapped": True}, "scores[t, s] is query_t . key_s: multiply the queries by the keys transposed, "
                                 "not the other way round")]
    for change, hint in hints:
        wrong_out, wrong_weights = _self_attention_variant(x, w_q, w_k, w_v, **change)
        if _same(weights, wrong_weights) or _same(out, wrong_out):
            return _feedback(False, hint)
    if _close(weights, want_weights):
        return _feedback(False, "the weights are right, but the output is not: it is the weights times the values, "
                                "values = x @ w_v")
    with np.errstate(all="ignore"):
        upper = np.triu(np.ones((5, 5), dtype=bool), k=1)
        if np.all(np.isfinite(weights)) and np.abs(weights[:, upper]).max() > 1e-6:
            return _feedback(False, "some weights above the diagonal are not 0: position t has looked ahead")
        sums = weights.sum(axis=-1)
    if not np.allclose(sums, 1.0, atol=1e-5):
        return _feedback(False, "each row of weights should sum to 1: take the softmax over the last axis, the keys")
    return _feedback(False, "the weights differ from causal self-attention's: scores = (x @ w_q) . (x @ w_k) / sqrt(d),"
                            " masked above the diagonal, then a softmax over each row")


# Exercise 07.3: the trained attentive model, its attention scale set to 0 and to 3 times the learnt one.
RESCALED = ("scale 0", "scale x3")
RESCALED_CHOICES = ("as before", "as the plain model", "in between", "below the plain model")
RESCALED_WANT = {"scale 0": "below the plain model", "scale x3": "as before"}


def _rescaled_choice(value) -> str | None:
    """One of RESCALED_CHOICES, from a learner's words: "As before", "below plain", "like the plain model"..."""
    if not isinstance(value, str):
        return None
    words = value.strip().lower()
    for word, choice in (("below", "below the plain model"), ("between", "in between"),
                         ("plain", "as the plain model"), ("before", "as before"), ("same", "as before")):
        if word in words:
            return choice
    return None


def _rescaled_verdicts(measured) -> tuple[dict | None, str | None]:
    """`measured`: shares of letters right, {"trained", "plain", "scale 0", "scale x3"}, as verdicts and a line."""
    keys = ("trained", "plain", *RESCALED)
    form = f"measured must map {list(keys)} to shares of letters right, between 0 and 1"
    if not isinstance(measured, dict) or any(key not in measured for key in keys):
        return None, f"{form}; got {describe(measured)}"
    shares = {key: as_number(measured[key]) for key in keys}
    if any(share is None or not 0 <= share <= 1 for share in shares.values()):
        return None, f"{form}; got {describe(measured)}"
    verdicts = {}
    for key in RESCALED:
        if shares[key] >= shares["trained"] - 0.05:
            verdicts[key] = "as before"
        elif abs(shares[key] - shares["plain"]) <= 0.15:
            verdicts[key] = "as the plain model"
        else:
            verdicts[key] = "below the plain model" if shares[key] < shares["plain"] else "in between"
    shown = ", ".join(f"{key} {shares[key]:.1%}" for key in keys)
    return verdicts, f"measured, letters right on strings of 5-8: {shown}; "


@_exercise
def check_rescaled_prediction(prediction, measured=None) -> None:
    """Exercise 07.3 (predict, then run): the trained attentive model with its attention's scale set to 0 and to 3
    times the learnt one; each as good "as before", "as the plain model", "in between" or "below the plain model".

    `measured` (from the notebook, shown only beside a verdict): shares of letters right for "trained", "plain",
    "scale 0" and "scale x3"; without it the check judges by the run stored in the notebook.
    """
    form = '{"scale 0": "...", "scale x3": "..."}, each one of ' + ", ".join(f'"{c}"' for c in RESCALED_CHOICES)
    if not isinstance(prediction, dict):
        return _feedback(False, f"write your prediction as {form}; got {describe(prediction)}")
    given = {key.strip().lower().replace(" ", ""): value for key, value in prediction.items() if isinstance(key, str)}
    said = {key: _rescaled_choice(given.get(key.replace(" ", ""))) for key in RESCALED}
    unclear = [key for key in RESCALED if said[key] is None]
    if unclear:
        return _feedback(False, f"write your prediction as {form}; for {unclear[0]!r} got "
                                f"{describe(given.get(unclear[0].replace(' ', '')))}")
    want, shown = dict(RESCALED_WANT), ""
    if measured is not None:
        want, shown = _rescaled_verdicts(measured)
        if want is None:
            return _feedback(False, shown)
    if said == want:
        return _feedback(True, f"{shown}the learnt attention already put its largest weight on the right input letter, "
                               "and sharpening a choice already made changes little; at scale 0 every input letter "
                               "weighs the same, so the context is their average, the same at every step, and this "
                               "decoder learnt to find its letter in the context, not in its own state.")
    if said["scale x3"] != want["scale x3"]:
        return _feedback(False, f"{shown}look at the trained attention's heat maps: how much weight is left off the "
                                "input it copies, for a larger scale to move?")
    return _feedback(False, f"{shown}at scale 0 the context is the average of the encoder's states (exercise 1). The "
                            "plain model's decoder learnt to work from its summary; what has this decoder learnt to "
                            "work from?")


# ---------------------------------------------------------------------------
# Notebook 08
# ---------------------------------------------------------------------------

STRETCH_MODELS = ("minGRU", "fixed decay")  # exercise 08.1: the two trained models of selective copying
_STRETCH_WORDS = {"stays": "stays", "same": "stays", "unchanged": "stays", "keeps": "stays", "drops": "drops",
                  "falls": "drops", "lower": "drops", "worse": "drops"}


def _stretch_verdicts(measured) -> tuple[dict | None, str | None]:
    """`measured`, {model: (right before, right stretched)}, as {model: "stays" or "drops"} (a fall of over 10 points
    drops) and a line to show."""
    form = 'measured must map "minGRU" and "fixed decay" to (share right before, share right stretched)'
    if not isinstance(measured, dict) or sorted(measured, key=str) != sorted(STRETCH_MODELS):
        return None, f"{form}; got {describe(measured)}"
    verdicts, shown = {}, []
    for name in STRETCH_MODELS:
        pair = as_floats(measured[name])
        if pair is None or pair.shape != (2,) or not np.all((pair >= 0) & (pair <= 1)):
            return None, f"{form}; for {name!r} got {describe(measured[name])}"
        verdicts[name] = "drops" if pair[1] < pair[0] - 0.1 else "stays"
        shown.append(f"{name} {pair[0]:.0%} -> {pair[1]:.0%}")
    return verdicts, "measured, whole sequences right: " + ", ".join(shown)


@_exercise
def check_stretch_prediction(prediction, measured=None) -> None:
    """Exercise 08.1 (predict, then run): a blank after every step; which model's accuracy stays, which drops.

    `prediction`: {"minGRU": "stays" or "drops", "fixed decay": ...}. `measured`: {model: (share of whole
    sequences right before, after)}, measured in the notebook and shown only beside the verdict; without it the
    check judges by what the gates imply (the minGRU stays, the fixed decay drops).
    """
    form = 'write your prediction as {"minGRU": "stays" or "drops", "fixed decay": "stays" or "drops"}'
    if not isinstance(prediction, dict):
        return _feedback(False, f"{form}; got {describe(prediction)}")
    said = {key.strip().lower(): value for key, value in prediction.items() if isinstance(key, str)}
    said = {name: said.get(name.lower()) for name in STRETCH_MODELS}
    for name, value in said.items():
        if not isinstance(value, str) or value.strip().lower() not in _STRETCH_WORDS:
            return _feedback(False, f"{form}; for {name!r} got {describe(value)}")
    said = {name: _STRETCH_WORDS[value.strip().lower()] for name, value in said.items()}
    want, shown = {"minGRU": "stays", "fixed decay": "drops"}, ""
    if measured is not None:
        want, shown = _stretch_verdicts(measured)
        if want is None:
            return _feedback(False, shown)
        shown += "; "
    if said == want:
        return _feedback(True, f"{shown}a blank barely moves the minGRU's state (z near 0, so a near 1), while the "
                               "fixed decay shrinks its state at every step, blank or not: doubling the distances "
                               "changes how much of each symbol is left.")
    if said["minGRU"] != want["minGRU"]:
        return _feedback(False, f"{shown}look at the minGRU's gate on a blank (printed above): what does a step with "
                                "z near 0 do to the state?")
    return _feedback(False, f"{shown}the fixed decay multiplies its state by the same a at every step, blank or "
                            "not: what happens to a symbol's weight a^(steps to the end) when those steps double?")


BLELLOCH_LENGTH = 1024  # exercise 08.2: the sequence length to predict for


def _scan_counts(time: int) -> tuple[int, int]:
    """The passes of a Hillis-Steele scan over `time` steps, and the (a, b) pairs it combines in all, counted."""
    passes = combinations = 0
    offset = 1
    while offset < time:
        passes += 1
        combinations += time - offset  # every position from `offset` on combines with the one `offset` before
        offset *= 2
    return passes, combinations


def _blelloch_scan(a, b) -> tuple[np.ndarray, int, int]:
    """A work-efficient scan (Blelloch 1990) of h_t = a_t * h_(t-1) + b_t along axis 0, whose length is a power of
    2: an up-sweep that combines neighbours in a tree, then a down-sweep that fills in the rest. Returns the
    states, the passes, and the pairs combined."""
    a, b, time = np.array(a, dtype=float), np.array(b, dtype=float), len(a)  # (time, ...) each, copied
    passes = combinations = 0

    def combine_into(later, earlier):
        nonlocal combinations
        a[later], b[later] = a[earlier] * a[later], a[later] * b[earlier] + b[later]
        combinations += len(later)

    d = 1
    while d < time:  # up-sweep: position t = 2d-1, 4d-1, ... takes in the pair d steps before it
        later = np.arange(2 * d - 1, time, 2 * d)
        combine_into(later, later - d)
        passes, d = passes + 1, 2 * d
    d = time // 4
    while d >= 1:  # down-sweep: position t = 3d-1, 5d-1, ... takes in the finished prefix d steps before it
        later = np.arange(3 * d - 1, time, 2 * d)
        combine_into(later, later - d)
        passes, d = passes + 1, d // 2
    return b, passes, combinations


def _two_counts(answer) -> tuple[tuple | None, str | None]:
    """`answer` as (passes, combinations): a dict with those keys, or a pair of numbers."""
    form = 'write your prediction as {"passes": ..., "combinations": ...}'
    if isinstance(answer, dict):
        given = {key.strip().lower(): value for key, value in answer.items() if isinstance(key, str)}
        missing = [key for key in ("passes", "combinations") if key not in given]
        if missing:
            return None, f"{form}; missing {missing}"
        values = [given["passes"], given["combinations"]]
    else:
        values = as_items(answer)
        if values is None or len(values) != 2:
            return None, f"{form}; got {describe(answer)}"
    numbers = [as_number(value) for value in values]
    for name, number, value in zip(("passes", "combinations"), numbers, values):
        if number is None or not np.isfinite(number):
            return None, f"{form}; for {name!r} got {describe(value)}"
    return tuple(numbers), None


@_exercise
def check_blelloch_prediction(prediction) -> None:
    """Exercise 08.2 (predict, then run): the passes and the combinations of a work-efficient scan over
    `BLELLOCH_LENGTH` steps; the check runs one, checks it against the loop, and counts both."""
    counts, problem = _two_counts(prediction)
    if problem:
        return _feedback(False, problem)
    (passes, combinations), time = counts, BLELLOCH_LENGTH
    rng = np.random.default_rng(8)
    a, b = rng.uniform(0.5, 1.0, (time, 2)), rng.normal(size=(time, 2))
    states, want_passes, want_combinations = _blelloch_scan(a, b)
    loop = _recurrence(a[None], b[None])[0]
    hillis = _scan_counts(time)
    measured = (f"measured {want_passes} passes and {want_combinations:,} combinations (Hillis-Steele: {hillis[0]} "
                f"and {hillis[1]:,}; states equal to the loop's: {bool(np.allclose(states, loop))})")
    passes_ok = abs(passes - want_passes) <= 1
    combinations_ok = abs(combinations - want_combinations) <= 0.02 * want_combinations
    if passes_ok and combinations_ok:
        return _feedback(True, f"{measured}: about twice the loop's {time:,} combinations, in about twice "
                               "Hillis-Steele's passes; a GPU with fewer cores than positions gains from the saved "
                               "work.")
    if not combinations_ok:
        hints = [(hillis[1], "that is Hillis-Steele's count: the up-sweep combines each pair once in a tree"),
                 (time - 1, "that is the loop's work, and the up-sweep's alone (a tree of pairs): the down-sweep "
                            "combines nearly as many again")]
        for value, hint in hints:
            if np.isclose(combinations, value, rtol=0.02):
                return _feedback(False, f"{hint} ({measured})")
        return _feedback(False, f"{measured}; you predicted {combinations:,.0f} combinations: pass 1 combines "
                                f"{time // 2} pairs, pass 2 {time // 4}, ...: add them up, then the way back down")
    if np.isclose(passes, hillis[0]):
        return _feedback(False, f"that is the up-sweep's passes, one level of the tree each: the down-sweep walks "
                                f"back down ({measured})")
    return _feedback(False, f"{measured}; you predicted {passes:g} passes: one per level of the tree going up, then "
                            "one per level coming back down")


def _recurrence(a, b) -> np.ndarray:
    """h_t = a_t * h_{t-1} + b_t from h = 0, one step at a time."""
    h, states = np.zeros(a.shape[0:1] + a.shape[2:]), []
    for t in range(a.shape[1]):
        h = a[:, t] * h + b[:, t]
        states.append(h)
    return np.stack(states, axis=1)
