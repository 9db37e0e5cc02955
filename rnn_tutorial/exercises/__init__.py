"""Exercise self-checks: each takes your answer and prints one line, `Correct! ...` or `Not yet: ...`.

A check says what is most likely wrong when your answer is not right yet. It
never raises, whatever your function returns or raises, so you can keep trying.

One module per notebook: `exercises.lstm_and_gru` holds notebook 06's checks, and so on.
Every check is also here, so a notebook needs only `from rnn_tutorial import exercises`.
"""

from rnn_tutorial.exercises._common import CHECK_FAILED
from rnn_tutorial.exercises.attention import (
    RESCALED,
    RESCALED_CHOICES,
    RESCALED_WANT,
    SCALE_CHOICES,
    SCALE_KEYS,
    SCALE_QUERY,
    SCALE_VALUES,
    causal_self_attention,
    check_causal_self_attention,
    check_rescaled_prediction,
    check_scale_prediction,
    scale_contexts,
)
from rnn_tutorial.exercises.backpropagation_through_time import (
    GRADIENT_REACH,
    TRUNCATION_CHUNK,
    TRUNCATION_LOSSES,
    TRUNCATION_TIME,
    check_clipping,
    check_gradient_reach,
    check_relu_backward,
    check_truncation_prediction,
    truncated_input_steps,
)
from rnn_tutorial.exercises.lstm_and_gru import (
    MEMORY_HALF_LIFE,
    check_gru_reset_before,
    check_memory_half_life,
    gru_step_reset_before,
)
from rnn_tutorial.exercises.rnn_overview import (
    CHANGED_AT,
    CHANGED_MODELS,
    CHANGED_PAIR,
    CHANGED_WANT,
    NO_RECURRENCE_SENTENCE,
    TAGGER_SHAPES,
    check_changed_states,
    check_no_recurrence,
    check_tagger_shapes,
)
from rnn_tutorial.exercises.rnns_today import (
    BLELLOCH_LENGTH,
    STRETCH_MODELS,
    check_blelloch_prediction,
    check_stretch_prediction,
)
from rnn_tutorial.exercises.sequential_data import (
    GYM_SENTENCE,
    ORDER_MODELS,
    PREDICTION_KEYS,
    check_autocorrelation,
    check_autocorrelation_predictions,
    check_best_lag,
    check_order_prediction,
    check_reordering,
)
from rnn_tutorial.exercises.types_of_rnn import (
    TASK_TYPES,
    TEMPERATURE_FOUND,
    TEMPERATURE_STATISTICS,
    check_rnn_types,
    check_temperature_prediction,
)
from rnn_tutorial.exercises.why_not_feedforward import (
    PREDICT_LENGTH,
    PREDICT_UNITS,
    PREDICT_VOCAB,
    UNSEEN_STARTS,
    WINDOW_PAIR,
    check_parameter_prediction,
    check_unseen_positions,
    check_window_width,
)

__all__ = [
    "BLELLOCH_LENGTH", "CHANGED_AT", "CHANGED_MODELS", "CHANGED_PAIR", "CHANGED_WANT", "CHECK_FAILED",
    "GRADIENT_REACH", "GYM_SENTENCE", "MEMORY_HALF_LIFE", "NO_RECURRENCE_SENTENCE", "ORDER_MODELS",
    "PREDICTION_KEYS", "PREDICT_LENGTH", "PREDICT_UNITS", "PREDICT_VOCAB", "RESCALED", "RESCALED_CHOICES",
    "RESCALED_WANT", "SCALE_CHOICES", "SCALE_KEYS", "SCALE_QUERY", "SCALE_VALUES", "STRETCH_MODELS", "TAGGER_SHAPES",
    "TASK_TYPES", "TEMPERATURE_FOUND", "TEMPERATURE_STATISTICS", "TRUNCATION_CHUNK", "TRUNCATION_LOSSES",
    "TRUNCATION_TIME", "UNSEEN_STARTS", "WINDOW_PAIR", "causal_self_attention", "check_autocorrelation",
    "check_autocorrelation_predictions", "check_best_lag", "check_blelloch_prediction",
    "check_causal_self_attention", "check_changed_states", "check_clipping", "check_gradient_reach",
    "check_gru_reset_before", "check_memory_half_life", "check_no_recurrence", "check_order_prediction",
    "check_parameter_prediction", "check_relu_backward", "check_reordering", "check_rescaled_prediction",
    "check_rnn_types", "check_scale_prediction", "check_stretch_prediction", "check_tagger_shapes",
    "check_temperature_prediction", "check_truncation_prediction", "check_unseen_positions", "check_window_width",
    "gru_step_reset_before", "scale_contexts", "truncated_input_steps",
]
