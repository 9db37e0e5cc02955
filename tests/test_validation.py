import numpy as np
import pytest

from rnn_tutorial import validation


@pytest.mark.parametrize("value, expected", [(5, True), (np.int64(5), True), (np.uint8(5), True), (5.0, False),
                                             (True, False), (np.float64(5), False), ("5", False), (None, False)])
def test_is_int_takes_any_integer_but_not_bools_or_floats(value, expected):
    assert validation.is_int(value) is expected


def test_check_int_returns_a_python_int_and_names_the_range():
    assert type(validation.check_int("n", np.int64(5), 1)) is int
    for low, high, what in ((None, None, "an int"), (0, None, "a non-negative int"), (1, None, "a positive int"),
                            (2, None, "an int >= 2"), (1, 3, r"an int in 1\.\.3")):
        with pytest.raises(ValueError, match=f"n must be {what}; got 7.0"):
            validation.check_int("n", 7.0, low, high)
    with pytest.raises(ValueError, match="n must be an even number; got 9"):
        validation.check_int("n", 9, 10, what="an even number")


@pytest.mark.parametrize("value", [True, "1", float("nan"), float("inf"), None, -1])
def test_check_number_refuses_bools_text_and_non_finite(value):
    with pytest.raises(ValueError, match=f"rate must be positive; got {value!r}"):
        validation.check_number("rate", value, lambda v: v > 0, "positive")


def test_check_number_accepts_ints_and_numpy_floats():
    assert validation.check_number("x", np.float32(0.5)) == 0.5
    assert type(validation.check_number("x", 2)) is float


def test_check_strings():
    assert validation.check_strings("words", ("a", "b")) == ["a", "b"]
    assert validation.check_strings("words", [], empty=True) == []
    with pytest.raises(TypeError, match="words must be a list of str, not str; got 'ab'"):
        validation.check_strings("words", "ab")
    with pytest.raises(TypeError, match="words must be a list of str, not int; got 3"):
        validation.check_strings("words", 3)
    with pytest.raises(TypeError, match="got an item 1 of type int"):
        validation.check_strings("words", ["a", 1])
    with pytest.raises(ValueError, match=r"words must not be empty; got \[\]"):
        validation.check_strings("words", [])


def test_check_ints():
    np.testing.assert_array_equal(validation.check_ints("ids", [[1, 2]], ndim=2, low=0, high=2), [[1, 2]])
    with pytest.raises(ValueError, match=r"ids must be \(batch, time\); got shape \(2,\)"):
        validation.check_ints("ids", [1, 2], ndim=2, shape="(batch, time)")
    with pytest.raises(ValueError, match=r"ids must be 2-D; got shape \(2,\)"):
        validation.check_ints("ids", [1, 2], ndim=2)
    with pytest.raises(ValueError, match="non-empty array of ints; got dtype float64"):
        validation.check_ints("ids", [1.0])
    with pytest.raises(ValueError, match="ids must hold ints >= 0; got values from -1 to 2"):
        validation.check_ints("ids", [-1, 2], low=0)
    with pytest.raises(ValueError, match="ids must hold ints <= 1; got values from 0 to 2"):
        validation.check_ints("ids", [0, 2], high=1)


def test_check_floats_keeps_float_types_and_converts_ints():
    assert validation.check_floats("x", np.ones(2, np.float32)).dtype == np.float32
    assert validation.check_floats("x", [1, 2]).dtype == np.float64
    assert validation.check_floats("x", [True]).dtype == np.float64
    with pytest.raises(TypeError, match="x must be an array of real numbers; got dtype object"):
        validation.check_floats("x", [1, None])


def test_generators_and_seeds():
    rng = np.random.default_rng(0)
    assert validation.check_generator("rng", rng) is rng
    with pytest.raises(TypeError, match="rng must be a numpy Generator.*got RandomState"):
        validation.check_generator("rng", np.random.RandomState(0))
    assert validation.seeded(np.int64(3)).random() == np.random.default_rng(3).random()
    with pytest.raises(ValueError, match="seed must be a non-negative int; got -1"):
        validation.seeded(-1)
