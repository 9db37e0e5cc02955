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

START, END = "^", "$"
SYMBOLS = ("", START, END, *string.ascii_lowercase)  # id 0 is padding
SYMBOL_IDS = {s: i for i, s in enumerate(SYMBOLS)}


def encode_names(names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Names -> model inputs `^name` and targets `name$`, both `(batch, time)` ids padded with 0."""
    if isinstance(names, str):
        raise TypeError("names must be a list of str, not one str")
    bad = [n for n in names if not n or not set(n) <= set(string.ascii_lowercase)]
    if bad:
        raise ValueError(f"names must be non-empty lowercase a-z; got {bad[:3]}")
    inputs = pad([[SYMBOL_IDS[c] for c in START + name] for name in names])
    targets = pad([[SYMBOL_IDS[c] for c in name + END] for name in names])
    return inputs, targets


def decode_name(ids: Sequence[int]) -> str:
    """Ids -> the name they spell (up to the end symbol)."""
    out = []
    for i in ids:
        if SYMBOLS[i] == END:
            break
        out.append(SYMBOLS[i])
    return "".join(out)


def loss_per_symbol(probabilities, targets) -> float:
    """Mean cross-entropy (nats) of the right next symbols: `(batch, time, symbols)` and `(batch, time)`; 0 skipped."""
    probabilities, targets = np.asarray(probabilities), np.asarray(targets)
    if probabilities.shape[:2] != targets.shape:
        raise ValueError(f"probabilities (batch, time, symbols) {probabilities.shape} must match targets "
                         f"(batch, time) {targets.shape}")
    right = np.take_along_axis(probabilities, targets[..., None], axis=-1)[..., 0]  # (batch, time)
    mask = targets > 0
    return float(-np.log(np.clip(right[mask], 1e-12, 1.0)).mean())


def bigram_loss(train_names: Sequence[str], test_names: Sequence[str]) -> float:
    """The same loss for a character-bigram model (next symbol from the previous one, add-one smoothing)."""
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
        start, step: the `start` and `step` models of `models.name_generator`.
        temperature: below 1 sharpens the probabilities (safer, more common names); above 1 flattens them.
    """
    if temperature <= 0:
        raise ValueError(f"temperature must be positive; got {temperature!r}")
    rng = np.random.default_rng(seed)
    state = np.asarray(start(np.asarray(conditions)))  # (batch, units)
    symbol = np.full((len(conditions), 1), SYMBOL_IDS[START])  # (batch, 1)
    names = [[] for _ in conditions]
    for _ in range(max_length + 1):
        probabilities, state = step([symbol, state])
        state = np.asarray(state)  # (batch, units)
        logits = np.log(np.clip(np.asarray(probabilities, dtype=np.float64)[:, -1], 1e-12, 1.0)) / temperature
        logits[:, [0, SYMBOL_IDS[START]]] = -np.inf  # never padding or a second start
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)  # (batch, symbols)
        symbol = np.array([[rng.choice(len(SYMBOLS), p=row)] for row in p])  # (batch, 1), fed back in
        for name, k in zip(names, symbol[:, 0]):
            name.append(int(k))
    return [decode_name(ids) for ids in names]
