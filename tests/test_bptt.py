import numpy as np
import pytest

from rnn_tutorial import bptt, datasets


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
    with pytest.raises(ValueError, match="max_norm must be positive"):
        bptt.clip_by_global_norm(grads, 0)


def test_full_bptt_learns_the_memory_task_and_truncation_does_not():
    x, y = datasets.memory_task(n=2000, time=10, seed=0)
    full = bptt.train_last_state_regressor(x, y, steps=600, learning_rate=0.1)
    cut = bptt.train_last_state_regressor(x, y, steps=600, learning_rate=0.1, truncate=5)
    assert full["loss"][-50:].mean() < 0.05 < 0.2 < cut["loss"][-50:].mean()


def test_clipping_rescues_a_diverging_run():
    x, y = datasets.memory_task(n=2000, time=10, seed=0)
    settings = dict(steps=300, learning_rate=0.5, recurrent_scale=2.0)
    wild = bptt.train_last_state_regressor(x, y, **settings)
    tame = bptt.train_last_state_regressor(x, y, clip=1.0, **settings)
    assert not np.isfinite(wild["loss"][-1]) and tame["loss"][-50:].mean() < 0.05


def test_trainer_refuses_mismatched_data():
    with pytest.raises(ValueError, match=r"x must be \(n, time, features\) and y \(n,\)"):
        bptt.train_last_state_regressor(np.zeros((4, 3)), np.zeros(4))


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
