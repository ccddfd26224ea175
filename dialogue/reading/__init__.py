"""Reading typed Dutch answers: yes/no, amounts, years, education, time.

The one place that reads free text beside the NLU (the entities and intents
come from Rasa). Every reader takes the text as typed and returns what it
found with the words that said it, or None. Number words come from
`nlu.numbers`, which the NLU components use too.
"""

from dialogue.reading.answers import Amount, YesNo, read_amount, read_yes_no
from dialogue.reading.durations import Years, read_hours, read_number, read_times, read_years
from dialogue.reading.education import Education, read_education
from dialogue.reading.words import normalise, own_words

__all__ = [
    "Amount", "Education", "Years", "YesNo", "normalise", "own_words", "read_amount",
    "read_education", "read_hours", "read_number", "read_times", "read_years", "read_yes_no",
]  # fmt: skip
