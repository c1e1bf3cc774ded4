# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Mask the names of known people in a text before anyone else reads it.

Pure Python, no Odoo import: the caller gives the names (employees,
stakeholders, contacts) and the placeholder in the reader's language.
"""

import re

# A word as a name is written: letters, with inner apostrophes and hyphens
# (O'Brien, Jan-Willem).
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A possessive after a name ("Anna's", "Anna’s") is masked with the name.
POSSESSIVE = ("'s", "’s")
# Particles of surnames: on their own they are ordinary words ("de" is the
# Dutch article), so only a whole name masks them.
PARTICLES = {
    "al",
    "bin",
    "da",
    "de",
    "del",
    "della",
    "den",
    "der",
    "di",
    "du",
    "el",
    "het",
    "in",
    "la",
    "le",
    "op",
    "st",
    "t",
    "te",
    "ten",
    "ter",
    "van",
    "von",
    "zu",
}
# A first or last name on its own is masked from this length: two letters
# are more often an abbreviation (HR, IT, OR) than someone's name.
MIN_PART_LENGTH = 3


def _words(text):
    return [word.casefold() for word in NAME_WORD.findall(text or "")]


class NameMasker:
    """Replaces whole, case-insensitive occurrences of ``names`` in texts by
    ``placeholder``: each full name, and of a name of several words its
    first name, its surname and the surname's last word ("Bob de Vries"
    masks "Bob de Vries", "Bob", "de Vries" and "Vries", not "de"). Longer
    names win: "Bob de Vries" is one placeholder, not three."""

    def __init__(self, names, placeholder):
        self.placeholder = placeholder
        # {first word: {phrase as a tuple of words}}
        self._phrases = {}
        for name in names:
            words = _words(name)
            if not words:
                continue
            self._add(tuple(words))
            if len(words) > 2:
                # The surname with its particles: "de Vries".
                self._add(tuple(words[1:]))
            if len(words) > 1:
                for part in (words[0], words[-1]):
                    if len(part) >= MIN_PART_LENGTH and part not in PARTICLES:
                        self._add((part,))
        self._longest = {
            first: sorted(phrases, key=len, reverse=True)
            for first, phrases in self._phrases.items()
        }

    def _add(self, phrase):
        self._phrases.setdefault(phrase[0], set()).add(phrase)

    def _match(self, text, matches, words, index):
        """The number of words of the longest name starting at ``index``.
        A name spans words separated by spaces only, not by a comma: "Bob,
        de Vries" are two people or none."""
        for phrase in self._longest.get(words[index], ()):
            last = index + len(phrase) - 1
            if tuple(words[index : last + 1]) == phrase and all(
                text[matches[i].end() : matches[i + 1].start()].isspace()
                for i in range(index, last)
            ):
                return len(phrase)
        return 0

    def mask(self, text):
        """``text`` with the known names replaced by the placeholder."""
        if not text or not self._longest:
            return text
        matches = list(NAME_WORD.finditer(text))
        words = []
        for match in matches:
            word = match.group(0).casefold()
            if word not in self._longest and word.endswith(POSSESSIVE):
                word = word[:-2]
            words.append(word)
        pieces = []
        position = 0
        index = 0
        while index < len(matches):
            length = self._match(text, matches, words, index)
            if length:
                last = index + length - 1
                end = matches[last].end()
                if words[last] != matches[last].group(0).casefold():
                    # Keep the possessive: "[name]'s".
                    end -= 2
                pieces.append(text[position : matches[index].start()])
                pieces.append(self.placeholder)
                position = end
                index = last + 1
            else:
                index += 1
        pieces.append(text[position:])
        return "".join(pieces)


def mask_names(text, names, placeholder):
    """``text`` with ``names`` masked; see NameMasker, which masks many texts
    with the same names at the cost of one."""
    return NameMasker(names, placeholder).mask(text)
