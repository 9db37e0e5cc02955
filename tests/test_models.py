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
