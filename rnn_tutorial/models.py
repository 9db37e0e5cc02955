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


def rnn_classifier(vocab_size: int, embedding_dim: int = 16, units: int = 32, name: str = "rnn") -> keras.Model:
    """Many to one: word ids -> embedding -> SimpleRNN -> probability (notebooks 01, 04).

    Input `(batch, time)` ids with 0 as padding (masked, so the RNN skips it);
    output `(batch, 1)`.
    """
    _positive_int("vocab_size", vocab_size)
    _positive_int("embedding_dim", embedding_dim)
    _positive_int("units", units)
    inputs = keras.Input(shape=(None,), dtype="int64", name="ids")
    x = keras.layers.Embedding(vocab_size, embedding_dim, mask_zero=True, name="embedding")(inputs)
    h = keras.layers.SimpleRNN(units, name="rnn")(x)  # the last hidden state, (batch, units)
    outputs = keras.layers.Dense(1, activation="sigmoid", name="probability")(h)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
    return model
