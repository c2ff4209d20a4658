"""Finding OPD names in text in time independent of the number of OPD (T002)."""

from __future__ import annotations

from probis_cli.index import Index
from probis_cli.lint.teks import normalise


class OpdNames:
    """Finds any OPD's name or short name (normalised, whole words) in normalised text.

    The same answer as searching for ``(?<!\\w)(?:name1|name2|...)(?!\\w)``, by looking up the
    text's runs of words in a set: a regex alternation tries every OPD name at every position,
    which grows with the number of OPD (200 in a province) times the number of texts.
    """

    def __init__(self, index: Index) -> None:
        """Collect the normalised names of every OPD of ``index``."""
        self.names: set[str] = set()
        for doc in index.opd.values():
            for name in (doc.model.nama, doc.model.singkatan or ""):
                text = normalise(name)
                if len(text) >= 3:
                    self.names.add(text)
        # First word -> the word counts of the names starting with it.
        self.starts: dict[str, set[int]] = {}
        for name in self.names:
            words = name.split(" ")
            self.starts.setdefault(words[0], set()).add(len(words))

    def found_in(self, text: str) -> bool:
        """Whether normalised ``text`` contains a name between word boundaries."""
        # normalise() leaves words of \w characters joined by single spaces, in the text and
        # in the names alike: a match between word boundaries is a run of whole words.
        words = text.split(" ")
        names, starts = self.names, self.starts
        for start, word in enumerate(words):
            for length in starts.get(word, ()):
                if start + length <= len(words) and " ".join(words[start : start + length]) in names:
                    return True
        return False
