"""The exercises of notebook 01, Sequential data: their self-checks, and what the checks compute."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

from rnn_tutorial.answers import as_floats, as_items, as_number, describe
from rnn_tutorial.exercises._common import _a_number, _call, _close, _exercise, _feedback, _lowered_keys
from rnn_tutorial.series import autocorrelation
from rnn_tutorial.text import tokenize

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
    given = _lowered_keys(prediction)
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
        values = ", ".join(str(v) for v in np.round(x[:8], 3).tolist())  # the whole of a short x, to work by hand
        values = f"[{values}]" if len(x) <= 8 else f"[{values}, ... ({len(x)} values)]"
        return _feedback(False, f"for x = {values} and lag {lag}, expected {want:.4f}, got {shown}")
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
