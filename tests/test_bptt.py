import numpy as np
import pytest

from rnn_tutorial import bptt, datasets, numpy_rnn


def test_scaled_orthogonal_stretches_every_vector_by_the_scale():
    q = bptt.scaled_orthogonal(8, 1.5, seed=3)
    v = np.random.default_rng(0).normal(size=8)
    assert np.linalg.norm(v @ q) == pytest.approx(1.5 * np.linalg.norm(v))
    with pytest.raises(ValueError, match="units must be a positive int"):
        bptt.scaled_orthogonal(0, 1.0)


@pytest.mark.parametrize("scale", [0.5, 1.2])
def test_state_gradient_norms_shrink_or_grow_by_the_scale_near_zero(scale):
    norms = bptt.state_gradient_norms(bptt.scaled_orthogonal(16, scale), time=20)
    assert norms.shape == (20,)
    np.testing.assert_allclose(norms[1:] / norms[:-1], scale, rtol=1e-3)


def test_saturated_states_damp_the_growth():
    norms = bptt.state_gradient_norms(bptt.scaled_orthogonal(16, 1.5), time=30, input_scale=1.0)
    assert (norms[-1] / norms[0]) ** (1 / 29) < 1.2


def test_clip_by_global_norm_keeps_the_direction():
    grads = {"a": np.array([3.0, 4.0]), "b": np.array([12.0])}
    clipped, norm = bptt.clip_by_global_norm(grads, 1.0)
    assert norm == pytest.approx(13.0)
    np.testing.assert_allclose(clipped["a"], [3 / 13, 4 / 13])
    assert bptt.clip_by_global_norm(grads, 20.0)[0] is grads


def test_huge_gradients_are_clipped_not_overflowed():
    grads = {"a": np.array([3e200, 4e200])}  # the sum of squares overflows float64
    assert bptt.global_norm(grads) == pytest.approx(5e200)
    clipped, norm = bptt.clip_by_global_norm(grads, 1.0)
    np.testing.assert_allclose(clipped["a"], [0.6, 0.8])
    assert bptt.global_norm({"a": np.zeros(3)}) == 0.0
    assert bptt.global_norm({"a": np.array([1.0, np.inf])}) == np.inf


@pytest.mark.parametrize("call, message", [
    (lambda: bptt.clip_by_global_norm({"a": np.ones(2)}, 0), "max_norm must be a positive number; got 0"),
    (lambda: bptt.clip_by_global_norm({"a": np.ones(2)}, float("nan")), "max_norm must be a positive number; got nan"),
    (lambda: bptt.clip_by_global_norm({"a": np.ones(2)}, "1"), "max_norm must be a positive number; got '1'"),
    (lambda: bptt.global_norm([np.ones(2)]), "grads must be a non-empty dict of name -> array; got list"),
    (lambda: bptt.global_norm({}), "grads must be a non-empty dict"),
    (lambda: bptt.global_norm({"a": np.array(["x"])}), r"grads\['a'\] must be an array of real numbers"),
    (lambda: bptt.state_gradient_norms(np.eye(3), time=0), "time must be a positive int; got 0"),
    (lambda: bptt.state_gradient_norms(np.ones((2, 3))), r"recurrent_kernel must be \(units, units\)"),
    (lambda: bptt.state_gradient_norms(np.eye(3), input_scale=-1), "input_scale must be a number >= 0"),
    (lambda: bptt.scaled_orthogonal(np.int64(0), 1.0), "units must be a positive int"),
    (lambda: bptt.scaled_orthogonal(4, None), "scale must be a number; got None"),
    (lambda: bptt.chunked_backward(np.zeros((2, 3)), np.zeros((2, 3, 1)), np.zeros((2, 3, 1)), np.zeros((3, 1)),
                                   np.zeros((1, 1)), np.zeros(1), chunk=2), r"x must be \(batch, time, features\)"),
    (lambda: bptt.chunked_backward(np.zeros((2, 3, 1)), np.zeros((2, 3, 1)), np.zeros((2, 3, 1)), np.zeros((1, 1)),
                                   np.zeros((1, 1)), np.zeros(1), chunk=0), "chunk must be a positive int; got 0"),
])
def test_bad_input_gets_a_clear_error(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_chunked_backward_equals_full_bptt_when_one_chunk_covers_the_sequence():
    rng = np.random.default_rng(0)
    x, kernel = rng.normal(size=(3, 8, 2)), rng.normal(0, 0.5, (2, 4))
    recurrent, bias = rng.normal(0, 0.5, (4, 4)), rng.normal(0, 0.1, 4)
    hs, _ = numpy_rnn.rnn_forward(x, kernel, recurrent, bias)
    dhs = rng.normal(size=hs.shape)
    full = numpy_rnn.rnn_backward(x, hs, dhs, kernel, recurrent, bias)
    for chunk in (8, 100):
        same = bptt.chunked_backward(x, hs, dhs, kernel, recurrent, bias, chunk=chunk)
        for name in bptt.WEIGHT_NAMES:
            np.testing.assert_allclose(same[name], full[name], rtol=1e-12)


def test_chunked_backward_sums_each_chunk_on_its_own():
    rng = np.random.default_rng(1)
    x, kernel = rng.normal(size=(2, 9, 2)), rng.normal(0, 0.5, (2, 3))
    recurrent, bias = rng.normal(0, 0.5, (3, 3)), np.zeros(3)
    hs, _ = numpy_rnn.rnn_forward(x, kernel, recurrent, bias)
    dhs = rng.normal(size=hs.shape)
    got = bptt.chunked_backward(x, hs, dhs, kernel, recurrent, bias, chunk=4)  # chunks 0-3, 4-7, 8
    want = {name: 0 for name in bptt.WEIGHT_NAMES}
    for start, end in ((0, 4), (4, 8), (8, 9)):
        h0 = None if start == 0 else hs[:, start - 1]
        g = numpy_rnn.rnn_backward(x[:, start:end], hs[:, start:end], dhs[:, start:end], kernel, recurrent, bias,
                                   h0=h0)
        want = {name: want[name] + g[name] for name in want}
    for name in bptt.WEIGHT_NAMES:
        np.testing.assert_allclose(got[name], want[name], rtol=1e-12)
    full = numpy_rnn.rnn_backward(x, hs, dhs, kernel, recurrent, bias)
    assert not np.allclose(got["recurrent_kernel"], full["recurrent_kernel"])  # the cut gradient is missing


def test_full_bptt_learns_the_memory_task_on_held_out_data():
    x, y = datasets.memory_task(n=2000, time=10, seed=0)
    x_test, y_test = datasets.memory_task(n=500, time=10, seed=1)
    full = bptt.train_last_state_regressor(x, y, steps=600, learning_rate=0.1)
    assert full["loss"].shape == full["grad_norm"].shape == (600,)
    assert np.mean((bptt.predict_last_state(full["weights"], x_test) - y_test) ** 2) < 0.05


def test_truncation_shorter_than_the_dependency_fails_in_most_seeds():
    x, y = datasets.memory_task(n=2000, time=10, seed=0)
    x_test, y_test = datasets.memory_task(n=500, time=10, seed=1)
    losses = []
    for seed in range(4):
        cut = bptt.train_last_state_regressor(x, y, steps=600, learning_rate=0.1, truncate=3, seed=seed)
        losses.append(np.mean((bptt.predict_last_state(cut["weights"], x_test) - y_test) ** 2))
    assert np.median(losses) > 0.3


def test_clipping_caps_every_step_and_reports_the_norm_before():
    x, y = datasets.memory_task(n=200, time=15, seed=0)
    run = bptt.train_last_state_regressor(x, y, steps=30, learning_rate=0.1, recurrent_scale=4.0, clip=1.0)
    assert run["grad_norm"].max() > 1.0  # the norms before clipping


@pytest.mark.parametrize("kwargs, message", [
    ({"batch": 0}, "batch must be a positive int; got 0"),
    ({"steps": 0}, "steps must be a positive int; got 0"),
    ({"learning_rate": -0.1}, "learning_rate must be a positive number; got -0.1"),
    ({"truncate": 0}, "truncate must be a positive int or None; got 0"),
    ({"clip": float("nan")}, "clip must be a positive number or None; got nan"),
    ({"units": 2.5}, "units must be a positive int; got 2.5"),
])
def test_trainer_refuses_bad_settings(kwargs, message):
    x, y = datasets.memory_task(n=10, time=4, seed=0)
    with pytest.raises(ValueError, match=message):
        bptt.train_last_state_regressor(x, y, **kwargs)


def test_trainer_refuses_mismatched_data():
    with pytest.raises(ValueError, match=r"x must be \(n, time, features\) and y \(n,\)"):
        bptt.train_last_state_regressor(np.zeros((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match=r"with n >= 1"):
        bptt.train_last_state_regressor(np.zeros((0, 3, 1)), np.zeros(0))


def test_memory_task_and_adding_problem_data():
    x, y = datasets.memory_task(n=10, time=4, seed=1)
    assert x.shape == (10, 4, 1) and sorted(y.tolist()) == [-1.0] * 5 + [1.0] * 5
    np.testing.assert_array_equal(x[:, 0, 0], y)
    x, y = datasets.adding_problem(n=20, time=7, seed=2)
    assert x.shape == (20, 7, 2) and x.dtype == np.float32 and y.shape == (20,)
    np.testing.assert_array_equal(x[:, :, 1].sum(axis=1), 2)
    np.testing.assert_allclose(y, (x[:, :, 0] * x[:, :, 1]).sum(axis=1), rtol=1e-6)
    assert not np.array_equal(datasets.adding_problem(5, 7, seed=3)[0], datasets.adding_problem(5, 7, seed=4)[0])
    with pytest.raises(ValueError, match="n must be an even int"):
        datasets.memory_task(n=3)
    with pytest.raises(ValueError, match="time must be an int >= 2"):
        datasets.adding_problem(n=3, time=1)


@pytest.mark.parametrize("steps, kwargs", [(15, {}), (15, {"truncate": 4}), (15, {"truncate": 1}),
                                           (5, {"recurrent_scale": 4.0, "clip": 1.0})])  # large steps amplify rounding
def test_stacked_trainer_equals_one_run_per_seed(steps, kwargs):
    x, y = datasets.memory_task(n=200, time=9, seed=0)
    stacked = bptt.train_last_state_regressors(x, y, seeds=[2, 0], steps=steps, batch=16, **kwargs)
    for seed, run in zip([2, 0], stacked):
        alone = bptt.train_last_state_regressor(x, y, steps=steps, batch=16, seed=seed, **kwargs)
        np.testing.assert_allclose(run["loss"], alone["loss"], rtol=1e-10)
        np.testing.assert_allclose(run["grad_norm"], alone["grad_norm"], rtol=1e-10)
        for name, w in alone["weights"].items():
            np.testing.assert_allclose(run["weights"][name], w, rtol=1e-9, atol=1e-12)
    if "clip" in kwargs:
        assert stacked[0]["grad_norm"].max() > 1.0  # the norms before clipping


def test_stacked_global_norms_are_each_runs_global_norm():
    rng = np.random.default_rng(0)
    grads = {"a": rng.normal(size=(3, 4, 2)), "b": rng.normal(size=(3, 5))}
    grads["a"][1] *= 1e200  # would overflow without scaling
    grads["b"][2] = 0.0
    grads["a"][2] = 0.0
    want = [bptt.global_norm({name: g[r] for name, g in grads.items()}) for r in range(3)]
    np.testing.assert_allclose(bptt._global_norms(grads), want, rtol=1e-12)
    assert bptt._global_norms(grads)[2] == 0.0


@pytest.mark.parametrize("seeds, error, message", [
    (3, TypeError, "seeds must be a list of ints; got int"),
    ("01", TypeError, "seeds must be a list of ints; got str"),
    ([], ValueError, "seeds must name at least one seed; got none"),
    ([0, -1], ValueError, "seed must be"),
])
def test_stacked_trainer_refuses_bad_seeds(seeds, error, message):
    x, y = datasets.memory_task(n=10, time=4, seed=0)
    with pytest.raises(error, match=message):
        bptt.train_last_state_regressors(x, y, seeds=seeds, steps=2)
    with pytest.raises(ValueError, match="steps must be a positive int; got 0"):
        bptt.train_last_state_regressors(x, y, seeds=[0], steps=0)
