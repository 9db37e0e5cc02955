"""Sequence tagging: one label per token, as in named-entity recognition (notebook 03).

Sentences and their tags become two padded id arrays of the same shape
`(batch, time)`; padding is id 0 in the word ids, and is left out of every
accuracy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnn_tutorial.datasets import TAGS, TaggedSentences
from rnn_tutorial.text import Vocabulary, pad
from rnn_tutorial.validation import check_ints

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


def predict_tags(model, vocab: Vocabulary, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """The model's most probable tag for every token of every (tokenised) sentence."""
    if isinstance(sentences, str) or any(isinstance(s, str) for s in sentences):
        raise TypeError("sentences must be a list of token lists, e.g. [tokenize(text)]")
    if not len(sentences) or not all(len(s) for s in sentences):
        raise ValueError(f"sentences must be a non-empty list of non-empty token lists; got {sentences!r:.80}")
    if not hasattr(model, "predict"):
        raise TypeError(f"model must be a Keras model (with predict); got {type(model).__name__}")
    if not isinstance(vocab, Vocabulary):
        raise TypeError(f"vocab must be a Vocabulary; got {type(vocab).__name__}")
    ids = pad([vocab.encode(tokens) for tokens in sentences])  # (batch, time)
    best = model.predict(ids, verbose=0).argmax(axis=-1)  # (batch, time)
    return [[TAGS[k] for k in row[: len(tokens)]] for row, tokens in zip(best, sentences)]


def token_accuracy(tag_ids, predicted, where) -> float:
    """The fraction of tokens selected by `where` `(batch, time)` whose predicted tag id is right."""
    tag_ids, predicted = check_ints("tag_ids", tag_ids), check_ints("predicted", predicted)
    where = np.asarray(where, dtype=bool)
    if not tag_ids.shape == predicted.shape == where.shape:
        raise ValueError(f"tag_ids, predicted and where must have one shape; got {tag_ids.shape}, "
                         f"{predicted.shape} and {where.shape}")
    if not where.any():
        raise ValueError("where selects no token")
    return float(np.mean(tag_ids[where] == predicted[where]))
