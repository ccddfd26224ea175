"""Save the blank Dutch spaCy pipeline that Rasa's SpacyNLP loads (rasa runtime).

    python -m nlu.spacy_model var/spacy/nl_blank_lookup

No pretrained Dutch model can be installed here; spacy.blank("nl") plus the
lookup lemmatizer from spacy-lookups-data gives tokens and lemmas offline.
Rasa needs a pipeline directory (it rejects an in-memory blank pipeline).
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy


def build(target: Path) -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "nl_blank_lookup"
    nlp.meta["description"] = "Blank Dutch tokenizer with the lookup lemmatizer"
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
