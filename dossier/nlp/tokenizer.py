"""News-tuned English tokenizer, registered so the trained model's config can name it.

spaCy's English rules already split curly quotes, em-dashes between words and
keep ``@handles`` whole; news text adds glued dates ("Oct.23") and dashed
ranges ("2022–2023"), which the default rules leave as one token.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry

#: Extra infix patterns: zero-width split after "Oct." before a digit; dashes between numbers.
NEWS_INFIXES: list[str] = [
    r"(?<=[A-Za-z]\.)(?=[0-9])",
    r"(?<=[0-9])[\u2013\u2014](?=[0-9])",
    r"(?<=[A-Za-z])[\u2013\u2014](?=[A-Za-z0-9])",
]


@registry.tokenizers("dossier.news_tokenizer.v1")
def create_news_tokenizer() -> Callable[[Language], Tokenizer]:
    """Factory used by ``[nlp.tokenizer]`` in config.cfg."""

    def make(nlp: Language) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        infixes = list(English.Defaults.infixes) + NEWS_INFIXES
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return tokenizer

    return make
