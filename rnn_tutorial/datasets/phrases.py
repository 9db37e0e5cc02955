"""A key phrase at some positions only, for weight sharing (notebook 02)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_tutorial.datasets._split import _balanced, _even_int
from rnn_tutorial.validation import check_int, seeded

# Notebook 02: a key phrase at some positions only (weight sharing)

KEY_PHRASE = ("sachin", "tendulkar")
# Other two-word names; some share one word with the key phrase, so that only
# the whole phrase, in its order, decides the label.
OTHER_NAMES = (("rahul", "dravid"), ("virat", "kohli"), ("sachin", "dravid"), ("rahul", "tendulkar"),
               ("virat", "tendulkar"), ("sachin", "kohli"), ("tendulkar", "sachin"))
FILLER_WORDS = ("the", "a", "match", "was", "played", "today", "crowd", "cheered", "loudly", "for", "team", "in",
                "on", "at", "great", "game", "and", "final", "over", "ground")


@dataclass(frozen=True)
class PhraseSentences:
    """Sentences (str), their labels `(batch,)`, and where each one's name starts `(batch,)`."""

    texts: list[str]
    labels: np.ndarray
    starts: np.ndarray

    def __len__(self) -> int:
        return len(self.texts)


def key_phrase_sentences(n: int, starts, length: int = 10, seed: int = 0) -> PhraseSentences:
    """Sentences of `length` words, each with one two-word name starting at a position drawn from `starts`.

    Label 1 when the name is "sachin tendulkar", 0 for any other name, exactly
    half and half; the other words are cricket filler (notebook 02). Within
    each label every start in `starts`, and every other name, comes equally
    often (to within one), so two sets made with the same `starts` have the
    same shares of each position.
    """
    n, length = _even_int("n", n), check_int("length", length, 2)
    starts = np.asarray(starts)
    if starts.size and not np.issubdtype(starts.dtype, np.integer):
        raise ValueError(f"starts must be int positions; got {starts.tolist()}")
    if starts.ndim != 1 or starts.size == 0 or starts.min() < 0 or starts.max() > length - 2:
        raise ValueError(f"starts must be a non-empty list of positions in 0..{length - 2}; got {starts.tolist()}")
    rng = seeded(seed)
    labels = np.arange(n) % 2  # (n,): 0, 1, 0, 1, ...
    where = np.zeros(n, dtype=np.int64)  # (n,)
    for label in (0, 1):  # each start equally often in each label, so every set made this way has the same shares
        where[labels == label] = _balanced(starts, n // 2, rng)
    others = _balanced(np.arange(len(OTHER_NAMES)), n // 2, rng)  # (n // 2,), each other name equally often
    texts = []
    for k in range(n):
        name = KEY_PHRASE if labels[k] else OTHER_NAMES[others[k // 2]]
        words = list(rng.choice(FILLER_WORDS, size=length))
        words[where[k] : where[k] + 2] = name
        texts.append(" ".join(words))
    return PhraseSentences(texts, labels.astype(np.int64), where)
