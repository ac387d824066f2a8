"""Sentence splitting for the dossier builder (works without the trained pipeline)."""

from __future__ import annotations

import pytest

from dossier.story.text import sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize("name", ["A.J. Smith", "J.R.R. Tolkien", "J. Smith"])
def test_initials_do_not_end_a_sentence(name: str) -> None:
    text = f"The club knew, general manager {name} said. He added nothing."
    assert _split(text) == [f"The club knew, general manager {name} said.", "He added nothing."]


def test_abbreviations_stay_and_real_ends_split() -> None:
    text = "Mr. Wallace met Gen. Ortiz in the U.S. capital. They spoke for an hour!\nNext line"
    assert _split(text) == ["Mr. Wallace met Gen. Ortiz in the U.S. capital.",
                            "They spoke for an hour!", "Next line"]


def test_a_shouted_lead_in_word_is_unshouted_but_an_acronym_stays():
    from dossier.story.text import unshout

    text = "SAN Diego Chargers receiver Vincent Jackson was booked into the San Diego jail."
    assert unshout("SAN Diego Chargers", text) == "San Diego Chargers"
    # the NFL is never written "Nfl", nor the CHP "Chp"
    assert unshout("NFL spokesman Greg Aiello", text + " The NFL said.") == (
        "NFL spokesman Greg Aiello")


def test_ordinals_written_as_digits_or_words_are_one_term():
    from dossier.story.similarity import terms

    assert terms("She was in the 2nd class at Morehouse") == terms(
        "She was in the second class at Morehouse")
    assert "nd" not in terms("the 22nd floor")  # past tenth: no word, and no "nd" either


@pytest.mark.parametrize("sentence", [
    "'I can't speak for the first death, but in this case it looks like a lack of "
    "experience,\" Gaskin told the Timaru Herald.",
    "Gaskin said: \u201cWe searched the ridge all night, but the weather closed in on us.\u201d",
])
def test_a_quotation_is_one_clause_however_it_is_marked(sentence: str) -> None:
    from dossier.story.text import clauses

    pieces = [sentence[a:b] for a, b in clauses(sentence)]
    assert not any(p.startswith("but") for p in pieces)
    # outside quotation marks, ", but" still parts two statements
    plain = "Wallace refuted the claims, but Shoigu insisted that the West was planning it."
    assert [plain[a:b] for a, b in clauses(plain)][1].startswith("but Shoigu")


def test_a_spaced_out_decimal_point_ends_no_sentence_but_a_stop_before_a_figure_does():
    text = ("His blood alcohol content was. 09 percent, above the legal limit of. 08 percent. "
            "He was arrested. 10 people saw it. In 2004. 2005 was worse.")
    assert _split(text) == [
        "His blood alcohol content was. 09 percent, above the legal limit of. 08 percent.",
        "He was arrested.", "10 people saw it.", "In 2004.", "2005 was worse."]


def test_a_rank_before_a_name_ends_no_sentence():
    text = ("Speaking in Bahrain, U.S. Navy Vice Adm. Bill Gortney urged ships to hire guards. "
            "Police spokesman Const. Tim Fanning said the gunman fled. He was caught.")
    assert _split(text) == [
        "Speaking in Bahrain, U.S. Navy Vice Adm. Bill Gortney urged ships to hire guards.",
        "Police spokesman Const. Tim Fanning said the gunman fled.", "He was caught."]


def test_a_but_clause_without_its_own_subject_stays_with_its_sentence():
    from dossier.story.text import clauses

    text = "The driver fled the scene, but was arrested nearby by police officers."
    assert [text[a:b] for a, b in clauses(text)] == [text]


def test_whether_a_quote_runs_on_reads_marks_as_the_clause_splitter_does():
    from dossier.story.text import quote_open_after, quoted_spans

    # a single mark opens, a double one closes: the quotation ends in the sentence
    sentence = "'I can't speak for the first death, but it looks like a lack,\" Gaskin told."
    assert quoted_spans(sentence) == [(0, sentence.index('"') + 1)]
    assert not quote_open_after(sentence, False)
    assert quote_open_after('"Obviously we are disappointed.', False)
    assert not quote_open_after('We will monitor the situation."', True)
