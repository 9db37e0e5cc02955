import numpy as np
import pytest

from rnn_tutorial.notebook import setup

setup(seed=0, verbose=False)

from rnn_tutorial import models  # noqa: E402  (Keras after setup)


def test_bag_of_words_classifier_shapes_and_names():
    model = models.bag_of_words_classifier(12, hidden=4)
    assert [layer.name for layer in model.layers] == ["bag", "hidden", "probability"]
    out = model.predict(np.zeros((3, 12)), verbose=0)
    assert out.shape == (3, 1)
    assert model.count_params() == 12 * 4 + 4 + 4 + 1


def test_rnn_classifier_shapes_names_and_masking():
    model = models.rnn_classifier(10, embedding_dim=3, units=5)
    assert [layer.name for layer in model.layers] == ["ids", "embedding", "rnn", "probability"]
    assert model.count_params() == 10 * 3 + (3 * 5 + 5 * 5 + 5) + (5 + 1)
    ids = np.array([[4, 5, 6, 0, 0]])
    same_without_padding = np.array([[4, 5, 6]])
    np.testing.assert_allclose(model.predict(ids, verbose=0), model.predict(same_without_padding, verbose=0),
                               atol=1e-6)


def test_rnn_classifier_sees_order_and_bag_of_words_cannot():
    rnn = models.rnn_classifier(10, embedding_dim=3, units=5)
    a, b = np.array([[2, 3, 4]]), np.array([[4, 3, 2]])
    assert not np.allclose(rnn.predict(a, verbose=0), rnn.predict(b, verbose=0))


@pytest.mark.parametrize("builder, kwargs", [
    (models.bag_of_words_classifier, {"vocab_size": 0}),
    (models.bag_of_words_classifier, {"vocab_size": 10, "hidden": 2.5}),
    (models.rnn_classifier, {"vocab_size": "10"}),
    (models.rnn_classifier, {"vocab_size": 10, "units": -1}),
])
def test_builders_refuse_bad_sizes(builder, kwargs):
    with pytest.raises(ValueError, match="must be a positive int"):
        builder(**kwargs)


def test_dense_classifier_has_a_fixed_input_and_refuses_other_lengths():
    model = models.dense_classifier(max_length=4, vocab_size=6, hidden=3)
    assert [layer.name for layer in model.layers] == ["one_hot", "flatten", "hidden", "probability"]
    assert model.get_layer("hidden").kernel.shape == (24, 3)
    assert model(np.zeros((2, 4, 6))).shape == (2, 1)
    with pytest.raises(ValueError, match=r"expected shape=\(None, 4, 6\), found shape=\(1, 5, 6\)"):
        model(np.zeros((1, 5, 6)))


def test_one_hot_rnn_classifier_takes_any_length_and_skips_zero_padding():
    model = models.rnn_classifier(6, embedding_dim=None, units=3)
    assert [layer.name for layer in model.layers] == ["one_hot", "masking", "rnn", "probability"]
    x = np.eye(6, dtype="float32")[[[2, 3, 4]]]  # (1, 3, 6)
    padded = np.concatenate([x, np.zeros((1, 2, 6), dtype="float32")], axis=1)  # (1, 5, 6)
    np.testing.assert_allclose(model.predict(x, verbose=0), model.predict(padded, verbose=0), atol=1e-6)
    assert model.predict(np.zeros((1, 12, 6), dtype="float32") + x[:, :1], verbose=0).shape == (1, 1)


@pytest.mark.parametrize("bidirectional, names", [
    (False, ["ids", "embedding", "rnn", "tags"]),
    (True, ["ids", "embedding", "bidirectional", "tags"]),
])
def test_rnn_tagger_gives_one_distribution_per_word(bidirectional, names):
    model = models.rnn_tagger(12, 4, embedding_dim=3, units=5, bidirectional=bidirectional)
    assert [layer.name for layer in model.layers] == names
    out = model.predict(np.array([[3, 4, 5, 0], [6, 0, 0, 0]]), verbose=0)
    assert out.shape == (2, 4, 4)
    np.testing.assert_allclose(out.sum(axis=-1), 1, atol=1e-5)
    rnn_params = 3 * 5 + 5 * 5 + 5
    assert model.count_params() == 12 * 3 + (2 if bidirectional else 1) * rnn_params + \
        (10 if bidirectional else 5) * 4 + 4


def test_left_to_right_tagger_ignores_later_words_and_bidirectional_does_not():
    ltr = models.rnn_tagger(12, 4, embedding_dim=3, units=5)
    bi = models.rnn_tagger(12, 4, embedding_dim=3, units=5, bidirectional=True)
    a, b = np.array([[3, 4, 5]]), np.array([[3, 4, 9]])
    np.testing.assert_allclose(ltr.predict(a, verbose=0)[0, :2], ltr.predict(b, verbose=0)[0, :2], atol=1e-6)
    assert not np.allclose(bi.predict(a, verbose=0)[0, 0], bi.predict(b, verbose=0)[0, 0], atol=1e-6)


def test_word_tagger_tags_each_word_alone():
    model = models.word_tagger(12, 4, embedding_dim=3, hidden=5)
    out = model.predict(np.array([[3, 4, 5], [3, 9, 9]]), verbose=0)
    np.testing.assert_allclose(out[0, 0], out[1, 0], atol=1e-6)  # word 3 first in both: same tag probabilities
    with pytest.raises(ValueError, match="n_tags must be a positive int"):
        models.word_tagger(12, 0)
    with pytest.raises(ValueError, match="units must be a positive int"):
        models.rnn_tagger(12, 4, units=0)


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


@pytest.mark.parametrize("cell", ["SimpleRNN", "LSTM", "GRU"])
def test_sequence_regressor_reads_any_length(cell):
    model = models.sequence_regressor(cell, units=4, features=2)
    assert model.get_layer(cell.lower()).__class__.__name__ == cell
    assert model.predict(np.zeros((3, 9, 2)), verbose=0).shape == (3, 1)
    with pytest.raises(ValueError, match="cell must be one of"):
        models.sequence_regressor("Transformer")


from rnn_tutorial import generation  # noqa: E402, I001


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
    (lambda: models.bag_of_words_classifier(12.0), "vocab_size must be a positive int; got 12.0"),
    (lambda: models.dense_classifier(True, 6), "max_length must be a positive int; got True"),
    (lambda: models.rnn_tagger(12, 4, bidirectional="yes"), "bidirectional must be True or False; got 'yes'"),
    (lambda: models.word_tagger(12, 4, hidden=None), "hidden must be a positive int; got None"),
    (lambda: models.name_generator(8, cell=["LSTM"]), r"cell must be one of .*; got \['LSTM'\]"),
    (lambda: models.encoder_decoder(5, 5, embedding_dim=0), "embedding_dim must be a positive int; got 0"),
    (lambda: models.sequence_regressor("GRU", learning_rate=0), "learning_rate must be a positive number; got 0"),
    (lambda: models.sequence_regressor(None), "cell must be one of"),
])
def test_builders_refuse_bad_arguments_clearly(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_builders_accept_numpy_integers():
    model = models.bag_of_words_classifier(np.int64(12), hidden=np.int32(4))
    assert model.count_params() == 12 * 4 + 4 + 4 + 1
    assert models.rnn_classifier(np.int64(10), embedding_dim=np.int64(3), units=np.int64(5)).count_params() == \
        10 * 3 + (3 * 5 + 5 * 5 + 5) + (5 + 1)


def test_generation_refuses_conditions_and_models_the_models_do_not_know(translator):
    _, start, step = models.name_generator(len(generation.SYMBOLS), n_conditions=2, units=3, embedding_dim=2,
                                           cell="LSTM")
    with pytest.raises(ValueError, match=r"conditions must hold ints in 0\.\.1; got values from 0 to 5"):
        generation.sample_names(start, step, [0, 5])
    _, _, decoder_step = translator
    with pytest.raises(TypeError, match="encoder and decoder_step must be the Keras models of encoder_decoder"):
        models.greedy_decode("encoder", decoder_step, [[3, 4]], 1, 2)
