"""Speech acts of quotes and claims: a small documented set, chosen from the cue and context.

The set (``dossier.model.SpeechAct``):

- ``state``: neutral reporting ("said", "told", "according to")
- ``claim``: an assertion the writer keeps at a distance ("claimed", "alleged", "insisted")
- ``deny``: deny, refute, reject, dismiss, rebuff
- ``warn``: warn, caution
- ``accuse``: accuse, blame, condemn, or a claim whose content pins wrongdoing on an actor
- ``reaffirm``: reaffirm, reiterate, repeat, stress
- ``appeal``: urge, call for/on, appeal, demand, ask (someone to do something)
- ``promise``: promise, pledge, vow
- ``question``: question, doubt, wonder, or any content ending in "?"

Cue stems map to acts in ``CUE_ACTS`` (longest stem wins); ``CONTEXT_RULES`` may
then override from the content, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dossier.model import SpeechAct

CUE_ACTS: dict[str, SpeechAct] = {
    "say": "state", "said": "state", "tell": "state", "told": "state", "stat": "state",
    "add": "state", "not": "state", "explain": "state", "writ": "state", "wrote": "state",
    "announc": "state", "report": "state", "according": "state", "describ": "state",
    "tweet": "state", "respond": "state", "repl": "state", "confirm": "state",
    "claim": "claim", "alleg": "claim", "insist": "claim", "assert": "claim", "argu": "claim",
    "maintain": "claim", "contend": "claim", "suggest": "claim", "believ": "claim",
    "den": "deny", "refut": "deny", "reject": "deny", "dismiss": "deny", "rebuff": "deny",
    "disput": "deny", "contradict": "deny", "rebut": "deny",
    "warn": "warn", "caution": "warn",
    "accus": "accuse", "blam": "accuse", "condemn": "accuse", "criticiz": "accuse",
    "criticis": "accuse", "slam": "accuse", "attack": "accuse", "denounc": "accuse",
    "charg": "accuse", "lambast": "accuse", "blast": "accuse",
    "reaffirm": "reaffirm", "reiterat": "reaffirm", "repeat": "reaffirm", "stress": "reaffirm",
    "restat": "reaffirm", "underlin": "reaffirm", "emphasi": "reaffirm",
    "urg": "appeal", "call": "appeal", "appeal": "appeal", "demand": "appeal",
    "plead": "appeal", "implor": "appeal", "press": "appeal",
    "promis": "promise", "pledg": "promise", "vow": "promise", "commit": "promise",
    "question": "question", "doubt": "question", "wonder": "question", "ask": "question",
}

_BLAME = re.compile(
    r"\b(?:plan\w*|plot\w*|prepar\w*|escalat\w*|facilitat\w*|lie|lying|lies|provocat\w*|"
    r"responsible|behind|false\w*|aggress\w*|terror\w*|dirty bomb|war crime\w*|crime\w*|"
    r"violat\w*|attack\w*)\b", re.I)

#: (predicate(act, cue, content), act) applied in order; the first that holds wins.
CONTEXT_RULES: list[tuple[Callable[[SpeechAct, str, str], bool], SpeechAct]] = [
    (lambda act, cue, content: content.rstrip(" ”\"'’.").endswith("?"), "question"),
    (lambda act, cue, content: act == "question" and "?" not in content
     and cue.startswith("ask"), "appeal"),
    (lambda act, cue, content: act == "appeal" and cue.startswith("call")
     and not re.search(r"\b(?:for|on)\b", cue)
     and not re.match(r"\s*(?:for|on|to)\b", content), "state"),
    (lambda act, cue, content: act == "claim" and bool(_BLAME.search(content)), "accuse"),
]


def speech_act(cue: str, content: str = "") -> SpeechAct:
    """The act for a cue word or phrase ("refuted", "according to") and its content."""
    word = cue.lower().strip()
    act: SpeechAct = "state"
    best = 0
    for w in word.split():
        for stem, a in CUE_ACTS.items():
            if w.startswith(stem) and len(stem) > best:
                act, best = a, len(stem)
    for test, result in CONTEXT_RULES:
        if test(act, word, content):
            return result
    return act
