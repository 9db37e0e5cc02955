"""Every data set of the series: generated from a seed, or read from `rnn_tutorial/data/`.

Nothing is downloaded. Shipped files are read with `importlib.resources`, so
they are found from any working directory (and in Colab) once the package is
installed; `rnn_tutorial/data/README.md` gives each file's source and licence.
One module per family of data sets; the notebooks reach them all as
`datasets.name`:

- `sentences`: real sentences and their shuffled copies (notebook 01).
- `signals`: a time series and a speech-like sound (notebook 01).
- `phrases`: a key phrase at some positions only, for weight sharing (notebook 02).
- `entities`: named entities, some of which only context can tell apart (notebook 03).
- `reviews`: cricket reviews with a rating, where word order decides (notebook 04, many to one).
- `names`: first names with a gender, from the 1990 US census (notebook 04, one to many).
- `numbers`: English number words and their French translations (notebook 04, many to many).
- `tasks`: synthetic sequence tasks: remember the first input (05), the adding problem (06), selective copying (08).
"""

from rnn_tutorial.datasets.entities import (  # noqa: F401
    AMBIGUOUS,
    ENTITY_TEMPLATES,
    ORGANISATIONS,
    PEOPLE,
    PLACES,
    TAGS,
    TaggedSentences,
    entity_sentences,
)
from rnn_tutorial.datasets.names import (  # noqa: F401
    first_names,
)
from rnn_tutorial.datasets.numbers import (  # noqa: F401
    NumberPairs,
    join_words,
    number_translation,
    number_words,
)
from rnn_tutorial.datasets.phrases import (  # noqa: F401
    FILLER_WORDS,
    KEY_PHRASE,
    OTHER_NAMES,
    PhraseSentences,
    key_phrase_sentences,
)
from rnn_tutorial.datasets.reviews import (  # noqa: F401
    PLAYERS,
    RATING_VERBS,
    RATING_WORDS,
    Ratings,
    cricket_ratings,
)
from rnn_tutorial.datasets.sentences import (  # noqa: F401
    ARTICLE_SENTENCES,
    SENTENCE_TEMPLATES,
    Sentences,
    all_sentences,
    shuffle_words,
    shuffled_sentences,
)
from rnn_tutorial.datasets.signals import (  # noqa: F401
    FORMANTS,
    sunspots,
    vowel,
)
from rnn_tutorial.datasets.tasks import (  # noqa: F401
    adding_problem,
    memory_task,
    selective_copying,
)
