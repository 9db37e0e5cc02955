"""Sequence tagging: one label per token, as in named-entity recognition (notebook 03).

Sentences and their tags become two padded id arrays of the same shape
`(batch, time)`; padding is id 0 in the word ids.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.datasets import TAGS, TaggedSentences
from rnn_tutorial.text import Vocabulary, pad

TAG_IDS = {tag: i for i, tag in enumerate(TAGS)}


def encode_tagged(data: TaggedSentences, vocab: Vocabulary) -> tuple[np.ndarray, np.ndarray]:
    """Word ids and tag ids, both `(batch, time)`, padded after the words (padding: word id 0)."""
    if not isinstance(data, TaggedSentences):
        raise TypeError(f"data must be TaggedSentences (from datasets.entity_sentences); got {type(data).__name__}")
    if not isinstance(vocab, Vocabulary):
        raise TypeError(f"vocab must be a Vocabulary; got {type(vocab).__name__}")
    if not len(data) or len(data.tokens) != len(data.tags):
        raise ValueError(f"data must hold at least one sentence and one tag list per sentence; got "
                         f"{len(data.tokens)} sentences and {len(data.tags)} tag lists")
    for tokens, tags in zip(data.tokens, data.tags):
        if len(tokens) != len(tags):
            raise ValueError(f"each sentence needs one tag per token; got {len(tokens)} tokens, {len(tags)} tags")
    unknown = sorted({tag for tags in data.tags for tag in tags} - set(TAGS))
    if unknown:
        raise ValueError(f"tags must be among {TAGS}; got {unknown}")
    ids = pad([vocab.encode(tokens) for tokens in data.tokens])  # (batch, time)
    tag_ids = pad([[TAG_IDS[tag] for tag in tags] for tags in data.tags])  # (batch, time)
    return ids, tag_ids
