"""The exercises of notebook 04, Types of RNN: their self-checks, and what the checks compute."""

from __future__ import annotations

import numpy as np

from rnn_tutorial.answers import as_floats, describe
from rnn_tutorial.exercises._common import _exercise, _feedback, _lowered_keys

TASK_TYPES = {
    "forecast tomorrow's temperature from the last 30 days": "many to one",
    "describe a photo in one sentence": "one to many",
    "label each frame of a video: a goal or not": "many to many",
    "translate a sentence into German": "encoder-decoder",
    "tell whether a photo shows a cat": "one to one",
}
# The article calls translation "many to many"; the encoder-decoder is the kind of many to many it needs. A
# caption is one to many, as the article has it, or an encoder-decoder whose encoder reads the photo (not an RNN).
_ALSO_RIGHT = {"translate a sentence into German": {"many to many"},
               "describe a photo in one sentence": {"encoder-decoder"}}
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
    given = _lowered_keys(prediction)
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
