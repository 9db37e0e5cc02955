"""Small Keras models of the series, one builder per idea, with named layers.

Import this module after `setup()` has run (it imports Keras).
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_tutorial.validation import check_int, check_ints, check_number, ids_below


def _positive_ints(**sizes) -> list[int]:
    """Each size as a Python int (Keras refuses numpy ints), or a ValueError naming the one that is not positive."""
    return [check_int(name, value, 1) for name, value in sizes.items()]


def bag_of_words_classifier(vocab_size: int, hidden: int = 32, name: str = "bag_of_words") -> keras.Model:
    """An order-blind binary classifier: word counts -> dense layers -> probability (notebook 01).

    Input `(batch, vocab_size)` bags of words; output `(batch, 1)`.
    """
    vocab_size, hidden = _positive_ints(vocab_size=vocab_size, hidden=hidden)
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
    max_length, vocab_size, hidden = _positive_ints(max_length=max_length, vocab_size=vocab_size, hidden=hidden)
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
    vocab_size, units = _positive_ints(vocab_size=vocab_size, units=units)
    if embedding_dim is None:
        inputs = keras.Input(shape=(None, vocab_size), name="one_hot")
        x = keras.layers.Masking(mask_value=0.0, name="masking")(inputs)
    else:
        (embedding_dim,) = _positive_ints(embedding_dim=embedding_dim)
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
    vocab_size, n_tags, embedding_dim, units = _positive_ints(
        vocab_size=vocab_size, n_tags=n_tags, embedding_dim=embedding_dim, units=units)
    if bidirectional not in (True, False):
        raise ValueError(f"bidirectional must be True or False; got {bidirectional!r}")
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
    vocab_size, n_tags, embedding_dim, hidden = _positive_ints(
        vocab_size=vocab_size, n_tags=n_tags, embedding_dim=embedding_dim, hidden=hidden)
    inputs = keras.Input(shape=(None,), dtype="int64", name="ids")
    x = keras.layers.Embedding(vocab_size, embedding_dim, mask_zero=True, name="embedding")(inputs)
    h = keras.layers.Dense(hidden, activation="relu", name="hidden")(x)  # word by word, (batch, time, hidden)
    outputs = keras.layers.Dense(n_tags, activation="softmax", name="tags")(h)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
    return model


def _cell(kind: str):
    cells = {"SimpleRNN": keras.layers.SimpleRNN, "LSTM": keras.layers.LSTM, "GRU": keras.layers.GRU}
    if not isinstance(kind, str) or kind not in cells:
        raise ValueError(f"cell must be one of {sorted(cells)}; got {kind!r}")
    return cells[kind]


def _one_step(embed, rnn, head, units: int, n_states: int, name: str) -> keras.Model:
    """One step of a trained sequence model, for feeding outputs back in: `[id (batch, 1), *states]` -> `[probabilities
    (batch, 1, classes), *new states]`, with the very layers (and weights) of the training model.

    SimpleRNN and GRU carry one state `(batch, units)`; an LSTM carries two, its output `h` and its memory `c`.
    """
    token = keras.Input(shape=(1,), dtype="int64", name="token")
    if n_states == 1:
        states = [keras.Input(shape=(units,), name="state")]
    else:
        states = [keras.Input(shape=(units,), name="state_h"), keras.Input(shape=(units,), name="state_c")]
    out, *new_states = rnn(embed(token), initial_state=states)
    return keras.Model([token, *states], [head(out), *new_states], name=name)


def name_generator(n_symbols: int, n_conditions: int = 2, units: int = 128, embedding_dim: int = 16,
                   cell: str = "SimpleRNN") -> tuple[keras.Model, keras.Model, keras.Model]:
    """One to many: a condition (a gender) sets the first state, then one character comes out per step (notebook 04).

    Returns three models that share their layers:
        - `training`: `[condition (batch,), previous symbols (batch, time)]` -> next-symbol probabilities
          `(batch, time, n_symbols)` (the previous symbols are the right answers, shifted: teacher forcing);
        - `start`: condition `(batch,)` -> the first state `(batch, units)`; for an LSTM the list `[h, c]`,
          both set by the condition;
        - `step`: `[symbol (batch, 1), state (batch, units)]` -> `[probabilities (batch, 1, n_symbols), state]`,
          for generating one symbol at a time and feeding it back; for an LSTM `[symbol, h, c]` -> `[probabilities,
          h, c]`.
    """
    n_symbols, n_conditions, units, embedding_dim = _positive_ints(
        n_symbols=n_symbols, n_conditions=n_conditions, units=units, embedding_dim=embedding_dim)
    to_state = keras.layers.Embedding(n_conditions, units, name="condition_to_state")  # a learnt h0 per condition
    embed = keras.layers.Embedding(n_symbols, embedding_dim, mask_zero=True, name="embedding")  # 0: padding
    rnn = _cell(cell)(units, return_sequences=True, return_state=True, name="rnn")
    to_symbol = keras.layers.Dense(n_symbols, activation="softmax", name="next_symbol")

    condition = keras.Input(shape=(), dtype="int64", name="condition")
    previous = keras.Input(shape=(None,), dtype="int64", name="previous")
    first = [keras.layers.Activation("tanh", name="h0")(to_state(condition))]  # [(batch, units)]
    if cell == "LSTM":  # an LSTM also carries a memory c: a learnt c0 per condition too
        first.append(keras.layers.Embedding(n_conditions, units, name="condition_to_memory")(condition))
    states, *_ = rnn(embed(previous), initial_state=first)  # (batch, time, units)
    training = keras.Model([condition, previous], to_symbol(states), name="name_generator")
    training.compile(optimizer=keras.optimizers.Adam(0.005), loss="sparse_categorical_crossentropy")

    start = keras.Model(condition, first if len(first) > 1 else first[0], name="start")
    return training, start, _one_step(embed, rnn, to_symbol, units, len(first), name="step")


def encoder_decoder(source_size: int, target_size: int, units: int = 128, embedding_dim: int = 32,
                    cell: str = "GRU") -> tuple[keras.Model, keras.Model, keras.Model]:
    """Many to many, not aligned: an encoder reads the whole input, a decoder writes the output (notebook 04).

    Returns three models that share their layers:
        - `training`: `[source ids (batch, s_time), target ids so far (batch, t_time)]` -> next-target
          probabilities `(batch, t_time, target_size)`, trained with teacher forcing;
        - `encoder`: source ids -> the encoder's last state `(batch, units)`, all the decoder knows of the input
          (for an LSTM the list `[h, c]`);
        - `decoder_step`: `[target id (batch, 1), state (batch, units)]` -> `[probabilities (batch, 1, target_size),
          state]`, for greedy decoding (`greedy_decode`); for an LSTM `[id, h, c]` -> `[probabilities, h, c]`.
    """
    source_size, target_size, units, embedding_dim = _positive_ints(
        source_size=source_size, target_size=target_size, units=units, embedding_dim=embedding_dim)
    Cell = _cell(cell)
    source = keras.Input(shape=(None,), dtype="int64", name="source")
    x = keras.layers.Embedding(source_size, embedding_dim, mask_zero=True, name="source_embedding")(source)
    _, *summary = Cell(units, return_state=True, name="encoder")(x)  # [(batch, units)], or [h, c] for an LSTM

    target_embed = keras.layers.Embedding(target_size, embedding_dim, mask_zero=True, name="target_embedding")
    decoder = Cell(units, return_sequences=True, return_state=True, name="decoder")
    to_word = keras.layers.Dense(target_size, activation="softmax", name="next_word")
    target = keras.Input(shape=(None,), dtype="int64", name="target")
    states, *_ = decoder(target_embed(target), initial_state=summary)  # (batch, t_time, units)
    training = keras.Model([source, target], to_word(states), name="encoder_decoder")
    training.compile(optimizer=keras.optimizers.Adam(0.005), loss="sparse_categorical_crossentropy")

    encoder = keras.Model(source, summary if len(summary) > 1 else summary[0], name="encoder_model")
    return training, encoder, _one_step(target_embed, decoder, to_word, units, len(summary), name="decoder_step")


def _as_list(states) -> list[np.ndarray]:
    """A model's state output as a list of arrays: one for SimpleRNN and GRU, `[h, c]` for an LSTM."""
    return [np.asarray(s) for s in states] if isinstance(states, (list, tuple)) else [np.asarray(states)]


def greedy_decode(encoder: keras.Model, decoder_step: keras.Model, source_ids, start_id: int, end_id: int,
                  max_length: int = 20) -> list[list[int]]:
    """Translate a batch: encode the sources, then repeatedly pick the most probable next id and feed it back.

    Args:
        encoder, decoder_step: the models of `encoder_decoder` (any cell, LSTM included).
        source_ids: `(batch, s_time)` padded ids.
        start_id, end_id: the target ids that start and end a translation.

    Returns:
        One list of target ids per source, without the start and end ids.
    """
    if not hasattr(encoder, "predict") or not callable(decoder_step):
        raise TypeError(f"encoder and decoder_step must be the Keras models of encoder_decoder; got "
                        f"{type(encoder).__name__} and {type(decoder_step).__name__}")
    sources, targets = ids_below(encoder), ids_below(decoder_step)
    source_ids = check_ints("source_ids", source_ids, ndim=2, low=0, high=None if sources is None else sources - 1,
                            shape="(batch, time) padded ids")
    top = None if targets is None else targets - 1  # the largest target id
    start_id, end_id = check_int("start_id", start_id, 0, top), check_int("end_id", end_id, 0, top)
    (max_length,) = _positive_ints(max_length=max_length)
    states = _as_list(encoder.predict(source_ids, verbose=0))  # [(batch, units)], or [h, c] for an LSTM
    word = np.full((len(source_ids), 1), start_id)  # (batch, 1)
    out, done = [[] for _ in source_ids], np.zeros(len(source_ids), dtype=bool)
    for _ in range(max_length):
        probabilities, *states = decoder_step([word, *states])  # a direct call: faster than predict() for one step
        states = _as_list(states)
        word = np.asarray(probabilities)[:, -1].argmax(axis=-1)[:, None]  # (batch, 1), fed back in
        for i, k in enumerate(word[:, 0]):
            done[i] |= k == end_id
            if not done[i]:
                out[i].append(int(k))
        if done.all():
            break
    return out


def sequence_regressor(cell: str, units: int = 32, features: int = 2, learning_rate: float = 0.005) -> keras.Model:
    """Many to one, a number out: a sequence -> a `cell` ("SimpleRNN", "LSTM" or "GRU") -> one number (notebook 06).

    Input `(batch, time, features)`; output `(batch, 1)`; trained on the mean squared error.
    """
    units, features = _positive_ints(units=units, features=features)
    _cell(cell)
    learning_rate = check_number("learning_rate", learning_rate, lambda r: r > 0, "a positive number")
    inputs = keras.Input(shape=(None, features), name="sequence")
    h = _cell(cell)(units, name=cell.lower())(inputs)  # the last state, (batch, units)
    outputs = keras.layers.Dense(1, name="prediction")(h)
    model = keras.Model(inputs, outputs, name=f"{cell.lower()}_regressor")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    return model
