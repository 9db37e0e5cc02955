"""The exercises of notebook 08, RNNs today: their self-checks, and what the checks compute."""

from __future__ import annotations

import numpy as np

from rnn_tutorial.answers import as_floats, as_items, as_number, describe
from rnn_tutorial.exercises._common import _exercise, _feedback, _lowered_keys

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
    said = _lowered_keys(prediction)
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
        given = _lowered_keys(answer)
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
