"""The action classes events are sorted into: a data table in the spirit of GDELT's CAMEO.

Each class names its CAMEO root code, the trigger pattern (verbs and nouns, regex
over words), and how its target is found:

- ``next``: the first actor named after the trigger ("warned France's Lecornu")
- ``with``: the actor after "with"/"to" ("a phone call with Ben Wallace")
- ``owner``: whose claims are rejected ("rejected Shoigu's allegations"; bare
  "the claims" -> the author of the latest claim/accusation)
- ``content``: every actor named in what follows ("claimed that Ukraine ... the UK")
- ``none``: no target; the object phrase carries the meaning ("threatened that ...")
- ``object``: the people told to act, by name ("urged residents to flee" -> residents)
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ActionClass:
    """One row of the table."""

    name: str
    cameo: str
    trigger: re.Pattern[str]
    target: str
    description: str


def _t(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b", re.I)


ACTION_CLASSES: list[ActionClass] = [
    ActionClass("consult", "04", _t(r"(?:phone\s+)?calls?|talks|spoke|speaks|met|meets|"
                                    r"meeting|discussion|conversation|exchange|visited|hosted"),
                "with", "consult: call, meet, hold talks (CAMEO 04)"),
    ActionClass("reject", "12", _t(r"reject\w*|refut\w*|dismiss\w*|den(?:y|ied|ies)|rebuff\w*|"
                                   r"refus\w*"), "owner",
                "reject/deny a claim, proposal or demand (CAMEO 12)"),
    ActionClass("accuse", "112", _t(r"accus\w*|blam\w*|claim(?:ed|s)?|alleg\w*"), "content",
                "accuse, allege wrongdoing (CAMEO 112)"),
    ActionClass("threaten", "13", _t(r"threat\w*|ultimatum"), "none",
                "threaten, incl. with force or nuclear weapons (CAMEO 13)"),
    ActionClass("warn", "13", _t(r"warn\w*|caution\w*"), "next", "warn someone (CAMEO 13)"),
    ActionClass("evacuate", "0233", _t(r"urged?\s+\w+(?:\s+\w+)?\s+to\s+(?:flee|leave|evacuate)|"
                                       r"evacuat\w*|ordered\s+\w+\s+to\s+leave"), "object",
                "urge or order people to flee/evacuate"),
    ActionClass("appeal", "02", _t(r"urg\w*|appeal\w*|called\s+(?:on|for)|calls\s+(?:on|for)|"
                                   r"demand\w*|implor\w*"), "next",
                "appeal, urge, call for (CAMEO 02)"),
    ActionClass("reaffirm", "01", _t(r"reaffirm\w*|reiterat\w*"), "none",
                "reaffirm a position (CAMEO 01)"),
    ActionClass("assist", "07", _t(r"assist\w*|help\w*|aid(?:ed|ing)?|suppl(?:y|ied|ies)|"
                                   r"support(?:ed|s|ing)?"), "next", "provide aid (CAMEO 07)"),
    ActionClass("exhibit_force", "15", _t(r"launch\w*\s+(?:\w+\s+){0,4}(?:exercise|drills?)|"
                                          r"(?:hold|held|holds)\s+(?:\w+\s+){0,4}drills?|"
                                          r"exercises?|drills"), "none",
                "exhibit military posture: exercises, drills (CAMEO 15)"),
    ActionClass("mobilise", "15", _t(r"mobili[sz]\w*|conscript\w*|deploy\w*"), "none",
                "mobilise or deploy forces (CAMEO 15)"),
    ActionClass("attack", "19", _t(r"attack\w*|shell\w*|strik\w*|struck|bomb(?:ed|ing|s)|"
                                   r"invad\w*|invasion|counteroffensives?|retake|seiz\w*|"
                                   r"fight\w*|fought"), "next", "fight, attack (CAMEO 19)"),
    ActionClass("withdraw", "087", _t(r"withdraw\w*|withdrew|pull(?:ed|ing)?\s+out|retreat\w*"),
                "none", "withdraw forces (CAMEO 087)"),
    ActionClass("annex", "19", _t(r"annex\w*"), "none", "annex territory"),
    ActionClass("promise", "05", _t(r"promis\w*|pledg\w*|vow\w*"), "next", "promise, pledge"),
]

#: Speech act of a quote -> action class of the event it makes, for cues no class claims.
ACT_ACTIONS: dict[str, tuple[str, str]] = {
    "state": ("statement", "none"), "claim": ("statement", "none"),
    "deny": ("reject", "owner"), "warn": ("warn", "next"), "accuse": ("accuse", "content"),
    "reaffirm": ("reaffirm", "none"), "appeal": ("appeal", "next"),
    "promise": ("promise", "next"), "question": ("statement", "none"),
}
