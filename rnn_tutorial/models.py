"""The sequence models of notebook 04 as reference builders, and greedy decoding.

Notebook 04 builds its name generator and its translator in its own cells;
these builders make the same shapes of model for the tests of the package's
reference loops (`generation.sample_names`, `greedy_decode`), for any cell.
Import this module after `setup()` has run (it imports Keras).
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_tutorial.validation import check_int, check_ints, ids_below


def _positive_ints(**sizes) -> list[int]:
    """Each size as a Python int (Keras refuses numpy ints), or a ValueError naming the one that is not positive."""
    return [check_int(name, value, 1) for name, value in sizes.items()]


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
