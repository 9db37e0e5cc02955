"""The exercises of notebook 03, Inside an RNN: their self-checks, and what the checks compute."""

from __future__ import annotations

import numpy as np

from rnn_tutorial.answers import as_floats, as_items, describe
from rnn_tutorial.exercises._common import _exercise, _feedback, _lowered_keys, _positions

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
    given = _lowered_keys(answer)
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
