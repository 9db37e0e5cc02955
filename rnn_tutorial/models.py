"""Small Keras models of the series, one builder per idea, with named layers.

Import this module after `setup()` has run (it imports Keras).
"""

from __future__ import annotations

import keras


def _positive_int(name: str, value) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{name} must be a positive int; got {value!r}")


def bag_of_words_classifier(vocab_size: int, hidden: int = 32, name: str = "bag_of_words") -> keras.Model:
    """An order-blind binary classifier: word counts -> dense layers -> probability (notebook 01).

    Input `(batch, vocab_size)` bags of words; output `(batch, 1)`.
    """
    _positive_int("vocab_size", vocab_size)
    _positive_int("hidden", hidden)
    inputs = keras.Input(shape=(vocab_size,), name="bag")
    h = keras.layers.Dense(hidden, activation="relu", name="hidden")(inputs)
    outputs = keras.layers.Dense(1, activation="sigmoid", name="probability")(h)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def dense_classifier(max_length: int, vocab_size: int, hidden: int = 16, name: str = "dense") -> keras.Model:
    """A feedforward classifier of whole sentences: one-hot words -> flatten -> dense -> probability (notebook 02).

    Input `(batch, max_length, vocab_size)`: the input size is fixed when the
    model is built, and each (position, word) pair has its own weights.
    Output `(batch, 1)`.
    """
    _positive_int("max_length", max_length)
    _positive_int("vocab_size", vocab_size)
    _positive_int("hidden", hidden)
    inputs = keras.Input(shape=(max_length, vocab_size), name="one_hot")
    x = keras.layers.Flatten(name="flatten")(inputs)  # (batch, max_length * vocab_size)
    h = keras.layers.Dense(hidden, activation="relu", name="hidden")(x)
    outputs = keras.layers.Dense(1, activation="sigmoid", name="probability")(h)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def rnn_classifier(vocab_size: int, embedding_dim: int | None = 16, units: int = 32, name: str = "rnn") -> keras.Model:
    """Many to one: a sentence -> SimpleRNN -> probability, from its last hidden state (notebooks 01, 02).

    With `embedding_dim`, the input is `(batch, time)` word ids, turned into
    learnt vectors by an `Embedding`; with `embedding_dim=None`, it is
    `(batch, time, vocab_size)` one-hot vectors. Either way padding (id 0, or an
    all-zero vector) is masked, so the RNN skips it, and any length is accepted.
    Output `(batch, 1)`.
    """
    _positive_int("vocab_size", vocab_size)
    _positive_int("units", units)
    if embedding_dim is None:
        inputs = keras.Input(shape=(None, vocab_size), name="one_hot")
        x = keras.layers.Masking(mask_value=0.0, name="masking")(inputs)
    else:
        _positive_int("embedding_dim", embedding_dim)
        inputs = keras.Input(shape=(None,), dtype="int64", name="ids")
        x = keras.layers.Embedding(vocab_size, embedding_dim, mask_zero=True, name="embedding")(inputs)
    h = keras.layers.SimpleRNN(units, name="rnn")(x)  # the last hidden state, (batch, units)
    outputs = keras.layers.Dense(1, activation="sigmoid", name="probability")(h)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def rnn_tagger(vocab_size: int, n_tags: int, embedding_dim: int = 16, units: int = 32, bidirectional: bool = False,
               name: str | None = None) -> keras.Model:
    """Many to many, aligned: one tag per word, from the hidden state at that word (notebook 03).

    Input `(batch, time)` word ids, 0 as padding (masked); output
    `(batch, time, n_tags)` tag probabilities. `bidirectional=True` adds a
    second RNN that reads the sentence right to left, so each tag also sees the
    words after it.
    """
    _positive_int("vocab_size", vocab_size)
    _positive_int("n_tags", n_tags)
    _positive_int("embedding_dim", embedding_dim)
    _positive_int("units", units)
    inputs = keras.Input(shape=(None,), dtype="int64", name="ids")
    x = keras.layers.Embedding(vocab_size, embedding_dim, mask_zero=True, name="embedding")(inputs)
    rnn = keras.layers.SimpleRNN(units, return_sequences=True, name="rnn")  # a state per word, (batch, time, units)
    h = keras.layers.Bidirectional(rnn, name="bidirectional")(x) if bidirectional else rnn(x)
    outputs = keras.layers.Dense(n_tags, activation="softmax", name="tags")(h)  # the same layer at every step
    model = keras.Model(inputs, outputs, name=name or ("bidirectional_tagger" if bidirectional else "rnn_tagger"))
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
    return model


def word_tagger(vocab_size: int, n_tags: int, embedding_dim: int = 16, hidden: int = 32,
                name: str = "word_tagger") -> keras.Model:
    """A tagger with no context: each word's tag from that word alone (notebook 03's baseline).

    Input `(batch, time)` word ids; output `(batch, time, n_tags)`.
    """
    _positive_int("vocab_size", vocab_size)
    _positive_int("n_tags", n_tags)
    _positive_int("embedding_dim", embedding_dim)
    _positive_int("hidden", hidden)
    inputs = keras.Input(shape=(None,), dtype="int64", name="ids")
    x = keras.layers.Embedding(vocab_size, embedding_dim, mask_zero=True, name="embedding")(inputs)
    h = keras.layers.Dense(hidden, activation="relu", name="hidden")(x)  # word by word, (batch, time, hidden)
    outputs = keras.layers.Dense(n_tags, activation="softmax", name="tags")(h)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
    return model
