"""Claims and the answers to them.

A response ("The Defence Secretary refuted these claims") rarely repeats the
claim it answers, so it is linked by three signals: it names the claimant
("Shoigu's false allegations"), it follows the claim closely in the same
article and points back at it ("these claims"), or it shares the claim's words.
"""

from __future__ import annotations

import re

from sklearn.preprocessing import normalize

from dossier.model import ClaimThread, Fact, Response
from dossier.story.similarity import vectorize

#: Minimum link score for a response to attach to a claim.
LINK_THRESHOLD = 0.35
_ANAPHOR = re.compile(
    r"\b(?:these|those|the|this|such|that|its|his|her|their)\s+"
    r"(?:\w+\s+)?(?:claims?|allegations?|accusations?|assertions?|account|charges?)\b",
    re.IGNORECASE,
)
_CLAIM_NOUNS = r"(?:claims?|allegations?|accusations?|assertions?|charges?|remarks?|comments?)"
_NEAR = 400  # characters: "closely follows" in the same article


def claim_threads(facts: list[Fact]) -> list[ClaimThread]:
    """Every claim fact with the responses linked to it, most corroborated claims first."""
    claims = [f for f in facts if f.kind == "claim"]
    responses = [f for f in facts if f.kind == "response"]
    threads = {c.id: ClaimThread(c.id, c.speaker, c.text) for c in claims}
    if claims and responses:
        texts = [_joined(f) for f in claims + responses]
        matrix = normalize(vectorize(texts))  # cosines: the rows are raw IDF weights
        sims = (matrix[len(claims) :] @ matrix[: len(claims)].T).toarray()
        for r_index, response in enumerate(responses):
            scored = [
                (_score(response, claim, float(sims[r_index, c_index])), claim.id)
                for c_index, claim in enumerate(claims)
                if not _same_person(response.speaker, claim.speaker)
            ]
            best = max(scored, default=(0.0, ""))
            if best[0] >= LINK_THRESHOLD:
                threads[best[1]].responses.append(
                    Response(response.id, response.speaker, response.act or "answered",
                             response.text, tuple(response.outlets))
                )
    for thread in threads.values():
        thread.status = status(thread)
    return sorted(threads.values(), key=lambda t: -len(t.responses))


def status(thread: ClaimThread) -> str:
    """"refuted by Ben Wallace; rejected by White House", or "unanswered"."""
    parts = [f"{r.act} by {r.responder or 'an unnamed source'}" for r in thread.responses]
    return "; ".join(dict.fromkeys(parts)) or "unanswered"


def _score(response: Fact, claim: Fact, similarity: float) -> float:
    score = similarity
    if claim.speaker and _names(response, claim.speaker):
        score += 0.6
    for r in response.evidence:
        if not _ANAPHOR.search(r.text):
            continue
        for c in claim.evidence:
            same = c.article_id == r.article_id and c.span and r.span
            if same and 0 < r.span.start - c.span.start < _NEAR:  # type: ignore[union-attr]
                score += 0.5
                break
    return score + 0.02 * len(claim.outlets)


def _names(response: Fact, speaker: str) -> bool:
    """The response points at the claimant's words: "Shoigu's claims", "allegations by Shoigu".

    Merely naming the claimant is not enough: "Reid's rep confirmed her stay" names
    Reid but answers none of her claims.
    """
    name = re.escape(speaker.split()[-1])
    owned = rf"\b{name}[’']s\s+(?:\w+\s+){{0,2}}{_CLAIM_NOUNS}|{_CLAIM_NOUNS}\s+(?:made\s+)?" \
            rf"(?:by|from|of)\s+(?:\w+\s+){{0,2}}{name}\b"
    return any(re.search(owned, e.text, re.IGNORECASE) for e in response.evidence)


def _same_person(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.split()[-1] == b.split()[-1])


def _joined(fact: Fact) -> str:
    return " ".join(dict.fromkeys(e.text for e in fact.evidence))
