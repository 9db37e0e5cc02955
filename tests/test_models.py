import numpy as np
import pytest

from rnn_tutorial.notebook import setup

setup(seed=0, verbose=False)

from rnn_tutorial import generation, models  # noqa: E402  (Keras after setup)


def test_name_generator_models_share_weights_and_step_matches_training():
    trainer, start, step = models.name_generator(8, n_conditions=2, units=6, embedding_dim=3)
    previous = np.array([[1, 4, 5]])
    full = trainer.predict([np.array([1]), previous], verbose=0)  # (1, 3, 8)
    state = np.asarray(start(np.array([1])))
    for t in range(3):
        probabilities, state = step([previous[:, t : t + 1], state])
        state = np.asarray(state)
        np.testing.assert_allclose(np.asarray(probabilities)[0, 0], full[0, t], atol=1e-5)
    other = trainer.predict([np.array([0]), previous], verbose=0)
    assert not np.allclose(full, other), "the condition must change the output"


def test_encoder_decoder_greedy_decoding_follows_the_step_model():
    trainer, encoder, decoder_step = models.encoder_decoder(9, 7, units=5, embedding_dim=3, cell="GRU")
    source = np.array([[3, 4, 0], [5, 0, 0]])
    decoded = models.greedy_decode(encoder, decoder_step, source, start_id=1, end_id=2, max_length=6)
    assert len(decoded) == 2
    for row, ids in enumerate(decoded):
        assert len(ids) <= 6 and 2 not in ids
        # Teacher forcing on its own output: the training model must pick the same word at every step.
        teacher = trainer.predict([source[row : row + 1], np.array([[1, *ids]])], verbose=0)[0]  # (steps, 7)
        choices = teacher.argmax(axis=-1).tolist()
        assert choices[: len(ids)] == ids
        if len(ids) < 6:
            assert choices[len(ids)] == 2, "decoding stops where the model chooses the end"


def test_sequence_builders_refuse_bad_input():
    with pytest.raises(ValueError, match="cell must be one of"):
        models.encoder_decoder(5, 5, cell="LSTM2")
    with pytest.raises(ValueError, match="units must be a positive int"):
        models.name_generator(5, units=0)
    _, encoder, decoder_step = models.encoder_decoder(5, 5, units=3)
    with pytest.raises(ValueError, match=r"source_ids must be \(batch, time\)"):
        models.greedy_decode(encoder, decoder_step, np.array([1, 2]), 1, 2)


def _as_arrays(states):
    return [np.asarray(s) for s in states]


@pytest.mark.parametrize("cell", ["GRU", "SimpleRNN", "LSTM"])
def test_name_generator_trains_and_its_step_model_follows_it_for_every_cell(cell):
    trainer, start, step = models.name_generator(len(generation.SYMBOLS), units=6, embedding_dim=3, cell=cell)
    inputs, targets = generation.encode_names(["emma", "al", "bo", "zoe"])
    history = trainer.fit([np.array([0, 1, 1, 0]), inputs], targets, epochs=1, batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    full = trainer.predict([np.array([1]), inputs[:1]], verbose=0)  # (1, time, symbols)
    first = start(np.array([1]))
    states = _as_arrays(first if isinstance(first, (list, tuple)) else [first])
    assert [s.shape for s in states] == [(1, 6)] * (2 if cell == "LSTM" else 1)  # an LSTM carries h and c
    for t in range(inputs.shape[1]):
        probabilities, *states = step([inputs[:1, t : t + 1], *states])
        states = _as_arrays(states)
        np.testing.assert_allclose(np.asarray(probabilities)[0, 0], full[0, t], atol=1e-5)
    names = generation.sample_names(start, step, [0, 1, 1], seed=0, max_length=4)
    assert len(names) == 3 and all(len(n) <= 4 and set(n) <= set("abcdefghijklmnopqrstuvwxyz") for n in names)


@pytest.mark.parametrize("cell", ["GRU", "SimpleRNN", "LSTM"])
def test_encoder_decoder_trains_and_greedy_decoding_follows_it_for_every_cell(cell):
    trainer, encoder, decoder_step = models.encoder_decoder(9, 7, units=5, embedding_dim=3, cell=cell)
    source = np.array([[3, 4, 0], [5, 0, 0]])
    history = trainer.fit([source, np.array([[1, 3, 4], [1, 5, 0]])], np.array([[3, 4, 2], [5, 2, 0]]), epochs=1,
                          verbose=0)
    assert np.isfinite(history.history["loss"][0])
    summary = encoder.predict(source, verbose=0)
    states = _as_arrays(summary if isinstance(summary, list) else [summary])
    assert [s.shape for s in states] == [(2, 5)] * (2 if cell == "LSTM" else 1)
    target = np.array([[1, 6, 3]])  # start, then two words
    full = trainer.predict([source[:1], target], verbose=0)  # (1, 3, 7)
    states = [s[:1] for s in states]
    for t in range(3):
        probabilities, *states = decoder_step([target[:, t : t + 1], *states])
        states = _as_arrays(states)
        np.testing.assert_allclose(np.asarray(probabilities)[0, 0], full[0, t], atol=1e-5)
    decoded = models.greedy_decode(encoder, decoder_step, source, start_id=1, end_id=2, max_length=4)
    for row, ids in enumerate(decoded):
        assert len(ids) <= 4 and 2 not in ids
        teacher = trainer.predict([source[row : row + 1], np.array([[1, *ids]])], verbose=0)[0]
        assert teacher.argmax(axis=-1).tolist()[: len(ids)] == ids


@pytest.fixture(scope="module")
def translator():
    return models.encoder_decoder(9, 7, units=3, embedding_dim=2)


@pytest.mark.parametrize("kwargs, message", [
    ({"start_id": 7}, r"start_id must be an int in 0\.\.6; got 7"),
    ({"start_id": -1}, r"start_id must be an int in 0\.\.6; got -1"),
    ({"end_id": 2.0}, r"end_id must be an int in 0\.\.6; got 2\.0"),
    ({"source_ids": np.array([[3, 9]])}, r"source_ids must hold ints in 0\.\.8; got values from 3 to 9"),
    ({"source_ids": np.array([[3.0, 4.0]])}, "source_ids must be a non-empty array of ints; got dtype float64"),
    ({"source_ids": np.zeros((0, 3), dtype=int)}, r"source_ids must be a non-empty array of ints.*shape \(0, 3\)"),
    ({"source_ids": np.ones((1, 2, 3), dtype=int)}, r"source_ids must be \(batch, time\) padded ids; got shape"),
    ({"max_length": 0}, "max_length must be a positive int; got 0"),
])
def test_greedy_decode_refuses_bad_ids_and_shapes(translator, kwargs, message):
    _, encoder, decoder_step = translator
    arguments = {"source_ids": np.array([[3, 4]]), "start_id": 1, "end_id": 2} | kwargs
    with pytest.raises(ValueError, match=message):
        models.greedy_decode(encoder, decoder_step, **arguments)


def test_greedy_decode_accepts_numpy_integer_ids(translator):
    _, encoder, decoder_step = translator
    out = models.greedy_decode(encoder, decoder_step, [[3, 4]], np.int64(1), np.int64(2), max_length=np.int64(3))
    assert len(out) == 1 and len(out[0]) <= 3


@pytest.mark.parametrize("call, message", [
    (lambda: models.name_generator(8, cell=["LSTM"]), r"cell must be one of .*; got \['LSTM'\]"),
    (lambda: models.encoder_decoder(5, 5, embedding_dim=0), "embedding_dim must be a positive int; got 0"),
])
def test_builders_refuse_bad_arguments_clearly(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_builders_accept_numpy_integers():
    _, encoder, _ = models.encoder_decoder(np.int64(9), np.int64(7), units=np.int32(3), embedding_dim=np.int64(2))
    assert encoder.count_params() == 9 * 2 + 3 * (2 * 3 + 3 * 3 + 2 * 3)  # embedding, then a GRU (reset_after)


def test_generation_refuses_conditions_and_models_the_models_do_not_know(translator):
    _, start, step = models.name_generator(len(generation.SYMBOLS), n_conditions=2, units=3, embedding_dim=2,
                                           cell="LSTM")
    with pytest.raises(ValueError, match=r"conditions must hold ints in 0\.\.1; got values from 0 to 5"):
        generation.sample_names(start, step, [0, 5])
    _, _, decoder_step = translator
    with pytest.raises(TypeError, match="encoder and decoder_step must be the Keras models of encoder_decoder"):
        models.greedy_decode("encoder", decoder_step, [[3, 4]], 1, 2)
