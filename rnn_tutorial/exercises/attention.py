"""The exercises of notebook 07, Attention: their self-checks, and what the checks compute."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnn_tutorial.answers import as_floats, as_items, as_number, describe
from rnn_tutorial.exercises._common import _call, _close, _exercise, _feedback

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
    """Self-attention in which position i sees only positions 0..i: `(output, weights)` (exercise 07.2).

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
        return _feedback(True, "position i mixes only positions 0..i, so a model trained this way on whole "
                               "sequences at once can still write one token at a time, never seeing its future.")
    hints = [({"masked": False}, "query position i must not look at later key positions j: before the softmax, "
                                 "set the scores above the diagonal (j > i) to -inf"),
             ({"after": True}, "mask before the softmax, not after: zeroing weights afterwards leaves rows that no "
                               "longer sum to 1"),
             ({"strict": True}, "a position may look at itself: mask only j > i, not j >= i"),
             ({"scaled": False}, "divide the scores by sqrt(d), d = w_k.shape[1], as in the self-attention above"),
             ({"swapped": True}, "scores[i, j] is query_i . key_j: multiply the queries by the keys transposed, "
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
