"""Text as numbers: tokens, a vocabulary, padding, one-hot vectors, bags of words (notebooks 01, 02).

A sentence becomes a list of tokens (``tokenize``), the tokens become ids
(``Vocabulary.encode``), sentences of different lengths become one array
(``pad``), each id can become a one-hot vector (``one_hot``), and a bag of
words counts ids while forgetting their order (``bag_of_words``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from rnn_tutorial.validation import check_int, check_ints, check_strings

_TOKEN = re.compile(r"\w+(?:['-]\w+)*|[^\w\s]")


def tokenize(text: str, lower: bool = True) -> list[str]:
    """Split a text into word and punctuation tokens.

    >>> tokenize("I love to go to the gym!")
    ['i', 'love', 'to', 'go', 'to', 'the', 'gym', '!']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {type(text).__name__}")
    tokens = _TOKEN.findall(text.lower() if lower else text)
    if not tokens:
        raise ValueError(f"text must contain at least one word; got {text!r}")
    return tokens


class Vocabulary:
    """A two-way map between tokens and integer ids.

    Id 0 is padding (``"<pad>"``), id 1 stands for any unknown token
    (``"<unk>"``), and the known tokens follow from id 2, most frequent first
    (ties in alphabetical order), so the same sentences always give the same ids.
    """

    PAD, UNK = "<pad>", "<unk>"
    PAD_ID, UNK_ID = 0, 1

    def __init__(self, tokens: Iterable[str]):
        if isinstance(tokens, str) or not isinstance(tokens, Iterable):
            raise TypeError(f"tokens must be a list of non-empty str, not {type(tokens).__name__}; got {tokens!r}")
        tokens = list(tokens)
        for token in tokens:
            if not isinstance(token, str) or not token:
                raise TypeError(f"tokens must be non-empty str; got {token!r}")
        if len(set(tokens)) != len(tokens):
            repeated = sorted(t for t, n in Counter(tokens).items() if n > 1)
            raise ValueError(f"tokens must be unique; repeated: {repeated[:5]}")
        reserved = {self.PAD, self.UNK} & set(tokens)
        if reserved:
            raise ValueError(f"tokens must not include the reserved {sorted(reserved)}")
        self.tokens = [self.PAD, self.UNK, *tokens]
        self._ids = {token: i for i, token in enumerate(self.tokens)}

    @classmethod
    def from_sentences(cls, sentences: Iterable[Sequence[str]], min_count: int = 1) -> Vocabulary:
        """Build a vocabulary from tokenised sentences; rarer tokens than `min_count` become unknown."""
        min_count = check_int("min_count", min_count, 1)
        if isinstance(sentences, str) or not isinstance(sentences, Iterable):
            raise TypeError(f"sentences must be a list of token lists, not {type(sentences).__name__}: "
                            "call tokenize() on each text first")
        counts: Counter[str] = Counter()
        for sentence in sentences:
            if isinstance(sentence, str):
                raise TypeError("sentences must be lists of tokens, not str: call tokenize() first")
            counts.update(check_strings("each sentence", sentence, empty=True))
        if not counts:
            raise ValueError("sentences must contain at least one token; got none")
        kept = sorted((t for t, n in counts.items() if n >= min_count), key=lambda t: (-counts[t], t))
        return cls(kept)

    def __len__(self) -> int:
        return len(self.tokens)

    def __contains__(self, token: str) -> bool:
        return token in self._ids

    def __repr__(self) -> str:
        return f"Vocabulary({len(self)} ids: {self.tokens[:6]}{' ...' if len(self) > 6 else ''})"

    def encode(self, tokens: Sequence[str], unknown: str = "unk") -> list[int]:
        """Token list -> id list. `unknown="unk"` maps new tokens to id 1; `"error"` refuses them."""
        if isinstance(tokens, str):
            raise TypeError("tokens must be a list of tokens, not str: call tokenize() first")
        if unknown not in ("unk", "error"):
            raise ValueError(f"unknown must be 'unk' or 'error'; got {unknown!r}")
        tokens = check_strings("tokens", tokens, empty=True)
        missing = [t for t in tokens if t not in self._ids]
        if missing and unknown == "error":
            raise KeyError(f"tokens not in the vocabulary: {missing}")
        return [self._ids.get(t, self.UNK_ID) for t in tokens]

    def decode(self, ids: Iterable[int], skip_padding: bool = True) -> list[str]:
        """Id list -> token list (padding ids are dropped unless `skip_padding=False`)."""
        if isinstance(ids, str) or not isinstance(ids, Iterable):
            raise TypeError(f"ids must be a list of int ids; got {ids!r}")
        out = []
        for i in np.asarray(list(ids)).ravel().tolist():
            if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(self):
                raise ValueError(f"ids must be ints in 0..{len(self) - 1}; got {i!r}")
            if i != self.PAD_ID or not skip_padding:
                out.append(self.tokens[i])
        return out


def pad(sequences: Sequence[Sequence[int]], length: int | None = None, side: str = "post",
        value: int = 0) -> np.ndarray:
    """Pad id lists to one length: `(batch,)` lists -> `(batch, length)` int array.

    Args:
        length: the padded length; defaults to the longest sequence. A
            sequence longer than `length` is an error, never cut silently.
        side: ``"post"`` adds padding after the ids, ``"pre"`` before them.
    """
    if side not in ("pre", "post"):
        raise ValueError(f"side must be 'pre' or 'post'; got {side!r}")
    if isinstance(sequences, (str, np.ndarray)) or not hasattr(sequences, "__len__") or not len(sequences):
        raise ValueError(f"sequences must be a non-empty list of id lists; got {sequences!r:.80}")
    value = check_int("value", value)
    for row, ids in enumerate(sequences):
        if isinstance(ids, str) or not hasattr(ids, "__len__"):
            raise ValueError(f"sequences[{row}] must be a list of int ids; got {ids!r}")
        if len(ids):  # an empty list is fine: all padding
            check_ints(f"sequences[{row}]", ids, ndim=1, shape="a list of int ids")
    longest = max(len(s) for s in sequences)
    length = longest if length is None else check_int("length", length, 0)
    if longest > length:
        raise ValueError(f"length={length} is shorter than the longest sequence ({longest} ids)")
    out = np.full((len(sequences), length), value, dtype=np.int64)  # (batch, length)
    for row, ids in enumerate(sequences):
        if len(ids):
            if side == "post":
                out[row, : len(ids)] = ids
            else:
                out[row, length - len(ids) :] = ids
    return out


def one_hot(ids, vocab_size: int) -> np.ndarray:
    """One-hot vectors: ids `(..., time)` -> `(..., time, vocab_size)` float32 (notebook 02).

    Id `k` becomes a row of zeros with a single 1 in column `k`. Padding (id 0)
    becomes a row of zeros: it switches no input on, so it adds nothing to a
    dense layer's weighted sum, and `keras.layers.Masking` can skip it.
    """
    vocab_size = check_int("vocab_size", vocab_size, 2, what="an int >= 2 (padding and one word)")
    ids = np.asarray(ids)
    if ids.size == 0 or not np.issubdtype(ids.dtype, np.integer):
        raise ValueError(f"ids must be a non-empty array of ints; got dtype {ids.dtype} and shape {ids.shape}")
    if ids.min() < 0 or ids.max() >= vocab_size:
        raise ValueError(f"ids must lie in 0..{vocab_size - 1}; got values from {ids.min()} to {ids.max()}")
    vectors = np.eye(vocab_size, dtype=np.float32)[ids]  # (..., time, vocab)
    vectors[ids == 0] = 0.0  # padding: no word here
    return vectors


def bag_of_words(sentences: Sequence[Sequence[str]], vocab: Vocabulary) -> np.ndarray:
    """Count each vocabulary id in each sentence: `(batch,)` token lists -> `(batch, len(vocab))`.

    The order of the words is thrown away: any reordering of a sentence has the
    same bag (notebook 01).
    """
    if isinstance(sentences, str) or not isinstance(sentences, Sequence) or any(isinstance(s, str) for s in sentences):
        raise TypeError(f"sentences must be a list of token lists, e.g. [tokenize(text)]; got {sentences!r:.80}")
    if not len(sentences):
        raise ValueError("sentences must be a non-empty list of token lists; got none")
    if not isinstance(vocab, Vocabulary):
        raise TypeError(f"vocab must be a Vocabulary; got {type(vocab).__name__}")
    bags = np.zeros((len(sentences), len(vocab)), dtype=np.float32)  # (batch, vocab)
    for row, tokens in enumerate(sentences):
        np.add.at(bags[row], vocab.encode(tokens), 1)
    return bags
