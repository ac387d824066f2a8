"""Making stored text safe to show: on a terminal and in a spreadsheet.

Article titles, outlet names and input file names come from the outside world.
Printed raw, an ESC or C1 byte starts a terminal escape sequence (OSC can set
the window title or write the clipboard), and a newline in a file name forges
a whole output line. Written raw into CSV, a cell starting with ``=``, ``+``,
``-`` or ``@`` is run as a formula by spreadsheet programs (CSV injection).
Every printer and every CSV writer in dossier goes through the two functions
here, so the rule lives in one place.
"""

from __future__ import annotations

import re
from typing import Any

#: C0 controls except tab and newline, DEL, and the C1 controls (U+0080..U+009F).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Every C0/C1 control, tab and newline included: for text that must stay one line.
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: What spreadsheet programs read as the start of a formula (OWASP's list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _visible(match: re.Match[str]) -> str:
    """A control character as an escape anyone can read, e.g. ``\\u001b``.

    JSON's own escapes, so printed JSON stays valid and decodes to the same text.
    """
    char = match.group()
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\u{ord(char):04x}")


def terminal_text(text: str) -> str:
    """``text`` with every control character but newline and tab shown as ``\\u00NN``.

    For output meant to span lines (a rendered dossier, a table); nothing in it
    can reach the terminal as a control sequence.
    """
    return _CONTROL.sub(_visible, text)


def one_line(text: str) -> str:
    """``text`` with every control character, newline and tab too, shown as an escape.

    For a line that names one thing (a rejected file, a failed article): a name
    holding a newline cannot forge a second output line.
    """
    return _ANY_CONTROL.sub(_visible, text)


def csv_cell(value: Any) -> Any:
    """``value`` as a spreadsheet will not run it: a formula-like text gets a leading ``'``.

    Numbers (and text that is only a number, such as ``-3``) stay as they are;
    anything else that starts with a formula prefix is quoted, as OWASP advises.
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_PREFIXES):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


def csv_row(cells: Any) -> list[Any]:
    """Every cell of one CSV row through :func:`csv_cell`."""
    return [csv_cell(cell) for cell in cells]
