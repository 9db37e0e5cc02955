"""rnn_tutorial.attention.attend against Keras's Attention and AdditiveAttention layers."""

import numpy as np
import pytest

from rnn_tutorial.attention import attend

SHAPES = [(1, 1, 2, 1, 1), (2, 3, 5, 4, 6), (3, 7, 2, 8, 8), (1, 4, 9, 3, 1)]  # batch, Tq, Tv, d, dv


def inputs(batch, tq, tv, d, dv, dtype, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(batch, tq, d)).astype(dtype), rng.normal(size=(batch, tv, d)).astype(dtype),
            rng.normal(size=(batch, tv, dv)).astype(dtype))


def keras_layer(kind, d, dtype, seed=0):
    """Keras's layer for `kind`, with a random learnt scale: (layer, scale)."""
    import keras

    layer = (keras.layers.Attention if kind == "dot" else keras.layers.AdditiveAttention)(use_scale=True, dtype=dtype)
    layer.build([(None, None, d), (None, None, d), (None, None, d)])
    scale = np.random.default_rng(1).normal(1.0, 0.5, size=() if kind == "dot" else (d,))
    layer.set_weights([scale])
    return layer, scale


@pytest.mark.parametrize("dtype, tolerance", [("float32", 1e-5), ("float64", 1e-12)])
@pytest.mark.parametrize("kind", ["dot", "additive"])
@pytest.mark.parametrize("shape", SHAPES, ids=[str(s) for s in SHAPES])
def test_attend_equals_keras(shape, kind, dtype, tolerance):
    batch, tq, tv, d, dv = shape
    query, keys, values = inputs(*shape, dtype)
    layer, scale = keras_layer(kind, d, dtype)
    context, weights = layer([query, values, keys], return_attention_scores=True)  # Keras: [query, value, key]
    mine, my_weights = attend(query, keys, values, kind=kind, scale=scale)
    assert mine.shape == (batch, tq, dv) and my_weights.shape == (batch, tq, tv)
    assert mine.dtype == np.dtype(dtype) and my_weights.dtype == np.dtype(dtype)
    np.testing.assert_allclose(mine, np.asarray(context), atol=tolerance, rtol=tolerance)
    np.testing.assert_allclose(my_weights, np.asarray(weights), atol=tolerance, rtol=tolerance)
    # the layer's own weight, passed as it is, is read the same way
    again, _ = attend(query, keys, values, kind=kind, scale=layer.scale)
    np.testing.assert_allclose(again, mine, atol=tolerance)


@pytest.mark.parametrize("kind", ["dot", "additive"])
def test_weights_sum_to_one_and_the_context_is_their_average(kind):
    query, keys, values = inputs(2, 3, 5, 4, 6, "float64")
    context, weights = attend(query, keys, values, kind=kind)
    assert np.all(weights > 0)
    np.testing.assert_allclose(weights.sum(axis=-1), 1.0, atol=1e-12)
    np.testing.assert_allclose(context, np.einsum("bqk,bkv->bqv", weights, values), atol=1e-12)


def test_the_defaults_are_a_scale_of_one():
    query, keys, values = inputs(2, 3, 5, 4, 4, "float64")
    for kind, scale in (("dot", 1.0), ("additive", np.ones(4))):
        np.testing.assert_array_equal(attend(query, keys, values, kind)[1],
                                      attend(query, keys, values, kind, scale=scale)[1])


def test_dot_scores_by_hand():
    query = np.array([[[1.0, 0.0]]])  # (1, 1, 2)
    keys = np.array([[[2.0, 0.0], [0.0, 5.0]]])  # (1, 2, 2): scores 2 and 0
    values = np.array([[[10.0], [20.0]]])
    context, weights = attend(query, keys, values, scale=0.5)  # scores 1 and 0
    want = np.exp([1.0, 0.0]) / np.exp([1.0, 0.0]).sum()
    np.testing.assert_allclose(weights[0, 0], want)
    np.testing.assert_allclose(context[0, 0, 0], want @ [10.0, 20.0])


def test_huge_scores_do_not_overflow():
    query, keys, values = inputs(1, 2, 3, 4, 2, "float64")
    _, weights = attend(query * 1e6, keys, values)
    assert np.all(np.isfinite(weights)) and np.allclose(weights.sum(-1), 1)


@pytest.mark.parametrize("args, kwargs, message", [
    ((np.zeros((2, 3)), np.zeros((2, 3, 4)), np.zeros((2, 3, 4))), {}, "query must be (batch, time, features)"),
    ((np.zeros((2, 1, 4)), np.zeros((2, 3, 5)), np.zeros((2, 3, 4))), {}, "keys must have the query's size d = 4"),
    ((np.zeros((2, 1, 4)), np.zeros((2, 3, 4)), np.zeros((2, 2, 4))), {}, "values need one row per key (Tv = 3)"),
    ((np.zeros((2, 1, 4)), np.zeros((3, 3, 4)), np.zeros((3, 3, 4))), {}, "the same batch size"),
    ((np.zeros((2, 1, 4)), np.zeros((2, 0, 4)), np.zeros((2, 0, 4))), {}, "at least one key"),
    ((np.zeros((1, 1, 2)),) * 3, {"kind": "multiplicative"}, "kind must be one of ('dot', 'additive')"),
    ((np.zeros((1, 1, 2)),) * 3, {"kind": None}, "kind must be one of"),
    ((np.zeros((1, 1, 2)),) * 3, {"scale": np.ones(2)}, "scale must be one number"),
    ((np.zeros((1, 1, 2)),) * 3, {"scale": "big"}, "scale must be one number"),
    ((np.zeros((1, 1, 2)),) * 3, {"kind": "additive", "scale": 2.0}, "scale must be a vector of shape (2,)"),
    ((np.zeros((1, 1, 2)),) * 3, {"kind": "additive", "scale": np.ones(3)}, "shape (2,)"),
    ((np.zeros((1, 1, 2)),) * 3, {"scale": np.nan}, "scale must be one number"),
    ((np.full((1, 1, 2), np.nan), np.zeros((1, 1, 2)), np.zeros((1, 1, 2))), {}, "query must hold finite numbers"),
    (("abc", np.zeros((1, 1, 2)), np.zeros((1, 1, 2))), {}, "query must be an array of real numbers"),
    ((np.zeros((1, 1, 2)), [[[1, 2]], [[3]]], np.zeros((1, 1, 2))), {}, "keys must be an array of real numbers"),
])
def test_bad_input_gets_a_clear_error(args, kwargs, message):
    with pytest.raises(ValueError) as error:
        attend(*args, **kwargs)
    assert message in str(error.value)


def test_ints_and_lists_are_read_as_float64():
    context, weights = attend([[[1, 0]]], [[[1, 0], [0, 1]]], [[[1], [2]]])
    assert context.dtype == np.float64 and weights.shape == (1, 1, 2)


# plotting.plot_attention, the heat maps of notebook 07 -------------------------

def test_plot_attention_draws_outputs_by_inputs_with_symbol_labels():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from rnn_tutorial import plotting

    weights = np.full((3, 4), 0.25)
    ax = plotting.plot_attention(weights, list("abcd"), list("dcb"), title="t")
    (image,) = ax.get_images()
    np.testing.assert_array_equal(image.get_array(), weights)
    assert [t.get_text() for t in ax.get_xticklabels()] == list("abcd")
    assert [t.get_text() for t in ax.get_yticklabels()] == list("dcb")
    assert ax.get_title() == "t"
    plt.close("all")


@pytest.mark.parametrize("args, error, message", [
    ((np.zeros((3, 4)), list("abc"), list("dcb")), ValueError, "weights must be (len(outputs), len(inputs)) = (3, 3)"),
    ((np.zeros(4), list("abcd"), list("d")), ValueError, "weights must be (output steps, input positions)"),
    ((np.zeros((1, 2)), "ab", ["b"]), TypeError, "inputs must be a list of str, not str"),
    ((np.array([["a", "b"]]), ["a", "b"], ["b"]), TypeError, "weights must be an array of real numbers"),
])
def test_plot_attention_refuses_bad_input(args, error, message):
    from rnn_tutorial import plotting

    with pytest.raises(error) as caught:
        plotting.plot_attention(*args)
    assert message in str(caught.value)
