"""Generating sequences one symbol at a time: characters of names (notebook 04, one to many).

A name becomes ids between a start and an end symbol: ``^emma$``. A model
learns the next symbol from the ones before; to generate, it starts from ``^``,
draws a symbol, feeds it back in, and stops at ``$``.
"""

from __future__ import annotations

import string
from collections.abc import Sequence

import numpy as np

from rnn_tutorial.text import pad
from rnn_tutorial.validation import check_floats, check_int, check_ints, check_number, check_strings, ids_below, seeded

START, END = "^", "$"
SYMBOLS = ("", START, END, *string.ascii_lowercase)  # id 0 is padding
SYMBOL_IDS = {s: i for i, s in enumerate(SYMBOLS)}


def _names(name: str, names) -> list[str]:
    """`names` as a list of names, or a clear error naming the argument `name`."""
    if isinstance(names, str):
        raise TypeError(f"{name} must be a list of str, not one str; got {names!r}")
    names = list(names)
    pairs = [n for n in names if isinstance(n, tuple)]
    if pairs:
        raise TypeError(f"{name} must be a list of str; got a tuple {pairs[0]!r}: for (name, gender) pairs "
                        f"pass [n for n, _ in pairs]")
    names = check_strings(name, names)
    bad = [n for n in names if not n or not set(n) <= set(string.ascii_lowercase)]
    if bad:
        raise ValueError(f"{name} must be non-empty lowercase a-z; got {bad[:3]}")
    return names


def encode_names(names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Names -> model inputs `^name` and targets `name$`, both `(batch, time)` ids padded with 0."""
    names = _names("names", names)
    inputs = pad([[SYMBOL_IDS[c] for c in START + name] for name in names])
    targets = pad([[SYMBOL_IDS[c] for c in name + END] for name in names])
    return inputs, targets


def decode_name(ids: Sequence[int]) -> str:
    """Ids `(time,)` -> the name they spell (up to the end symbol; padding spells nothing)."""
    ids = check_ints("ids", ids, ndim=1, low=0, high=len(SYMBOLS) - 1, shape="a 1-D list of symbol ids")
    out = []
    for i in ids:
        if SYMBOLS[i] == END:
            break
        out.append(SYMBOLS[i])
    return "".join(out)


def loss_per_symbol(probabilities, targets) -> float:
    """Mean cross-entropy (nats) of the right next symbols: `(batch, time, symbols)` and `(batch, time)`; 0 skipped."""
    probabilities = check_floats("probabilities", probabilities)
    if probabilities.ndim != 3:
        raise ValueError(f"probabilities must be (batch, time, symbols); got shape {probabilities.shape}")
    targets = check_ints("targets", targets, ndim=2, low=0, high=probabilities.shape[2] - 1, shape="(batch, time)")
    if probabilities.shape[:2] != targets.shape:
        raise ValueError(f"probabilities (batch, time, symbols) {probabilities.shape} must match targets "
                         f"(batch, time) {targets.shape}")
    mask = targets > 0
    if not mask.any():
        raise ValueError("targets must hold at least one symbol that is not padding (0); got only padding")
    right = np.take_along_axis(probabilities, targets[..., None], axis=-1)[..., 0]  # (batch, time)
    return float(-np.log(np.clip(right[mask], 1e-12, 1.0)).mean())


def bigram_loss(train_names: Sequence[str], test_names: Sequence[str]) -> float:
    """The same loss for a character-bigram model (next symbol from the previous one, add-one smoothing)."""
    train_names, test_names = _names("train_names", train_names), _names("test_names", test_names)
    counts = np.ones((len(SYMBOLS), len(SYMBOLS)))  # (previous, next)
    for inputs, targets in zip(*encode_names(train_names)):
        np.add.at(counts, (inputs[targets > 0], targets[targets > 0]), 1)
    counts[:, 0] = 0  # padding is never a next symbol
    probabilities = counts / counts.sum(axis=1, keepdims=True)
    inputs, targets = encode_names(test_names)
    return loss_per_symbol(probabilities[inputs], targets)


def sample_names(start, step, conditions: Sequence[int], temperature: float = 1.0, seed: int = 0,
                 max_length: int = 12) -> list[str]:
    """Generate one name per condition: draw each next character, feed it back, stop at the end symbol.

    Args:
        start, step: the `start` and `step` models of `models.name_generator`. `start` gives the
            first state (or, for an LSTM, the list `[h, c]`); `step([symbols, *states])` gives
            `[probabilities, *new states]`.
        conditions: `(batch,)` condition ids (genders), one name each.
        temperature: below 1 sharpens the probabilities (safer, more common names); above 1 flattens them.
        max_length: the most letters a name may have; a name that has not ended by then is cut there.
    """
    if not callable(start) or not callable(step):
        raise TypeError(f"start and step must be models (callables); got {type(start).__name__} and "
                        f"{type(step).__name__}")
    known = ids_below(start)  # the number of conditions a start model of name_generator knows
    conditions = check_ints("conditions", conditions, ndim=1, low=0, high=None if known is None else known - 1,
                            shape="a 1-D list of condition ids")
    temperature = check_number("temperature", temperature, lambda t: t > 0, "positive")
    max_length = check_int("max_length", max_length, 1)
    rng = seeded(seed)
    states = _states(start(conditions))  # [(batch, units)], or [h, c] for an LSTM
    symbol = np.full((len(conditions), 1), SYMBOL_IDS[START])  # (batch, 1)
    names = [[] for _ in conditions]
    for _ in range(max_length):
        probabilities, *states = step([symbol, *states])
        states = _states(states)
        logits = np.log(np.clip(np.asarray(probabilities, dtype=np.float64)[:, -1], 1e-12, 1.0)) / temperature
        logits[:, [0, SYMBOL_IDS[START]]] = -np.inf  # never padding or a second start
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)  # (batch, symbols)
        symbol = np.array([[rng.choice(len(SYMBOLS), p=row)] for row in p])  # (batch, 1), fed back in
        for name, k in zip(names, symbol[:, 0]):
            name.append(int(k))
        if all(SYMBOL_IDS[END] in name for name in names):
            break
    return [decode_name(ids) for ids in names]


def _states(states) -> list[np.ndarray]:
    """A model's state output as a list of arrays: one for SimpleRNN and GRU, `[h, c]` for an LSTM."""
    if isinstance(states, (list, tuple)):
        return [np.asarray(s) for s in states]
    return [np.asarray(states)]
