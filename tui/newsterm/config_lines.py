"""Where in feeds.toml a key, a table or a fault is, so every message can say file:line.

tomllib gives values without positions; this reads the text line by line with a few
regular expressions, enough for the keys and tables newsterm's messages point at.
"""

from __future__ import annotations

import re
import tomllib

__all__ = ["LineFinder", "first_failing_line", "toml_message"]

_KEY_PART = r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'"""  # bare, "basic", 'literal'
_KEY_PATH = rf"(?:{_KEY_PART})(?:\s*\.\s*(?:{_KEY_PART}))*"
_HEADER_RE = re.compile(rf"^\s*(?P<open>\[\[?)\s*(?P<path>{_KEY_PATH})\s*\]")
_ASSIGNMENT_RE = re.compile(rf"^\s*(?P<path>{_KEY_PATH})\s*=")


def toml_message(exc: tomllib.TOMLDecodeError, text: str) -> str:
    """tomllib's complaint as "line:column: TOML syntax error: what", to follow "file:"."""
    # tomllib ends its message with "(at line L, column C)"; lead with the position.
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(exc))
    end = re.search(r"\s*\(at end of document\)$", str(exc))
    if end:
        return f"{max(1, len(text.splitlines()))}: TOML syntax error: {str(exc)[: end.start()]}"
    if not m:
        return f" TOML syntax error: {exc}"
    return f"{m[1]}:{m[2]}: TOML syntax error: {str(exc)[: m.start()]}"


def first_failing_line(text: str, kind: type[BaseException]) -> int:
    """The first line whose end makes tomllib raise ``kind``: where the fault is."""
    lines = text.splitlines(keepends=True)
    low, high = 1, max(1, len(lines))
    while low < high:  # the whole text fails; find the shortest failing prefix
        middle = (low + high) // 2
        try:
            tomllib.loads("".join(lines[:middle]))
            failed = False
        except kind:
            failed = True
        except (tomllib.TOMLDecodeError, RecursionError, ValueError):
            failed = False
        low, high = (low, middle) if failed else (middle + 1, high)
    return low


class LineFinder:
    """Find the line of a key or a [[feed]] or [[view]] entry, so every message can say file:line.

    Each header and each assignment line gets its full key path ("[feed.extra]" is
    ("feed", "extra"); "a.b = 1" under it is ("feed", "extra", "a", "b")), so a key
    set in a sub-table or with a dotted key is found on its own line.
    """

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self._text = text
        self._scanned = False
        self.paths: list[tuple[str, ...] | None] = []  # per line, 0-based
        self.starts: dict[str, list[int]] = {"feed": [], "view": []}  # [[feed]], [[view]]
        self.headers: set[int] = set()

    def _scan(self) -> None:
        """Read the lines on the first question: a good file with 2,000 feeds asks none."""
        if self._scanned:
            return
        self._scanned = True
        table: tuple[str, ...] = ()
        for number, line in enumerate(self._text.splitlines(), start=1):
            path = None
            if header := _HEADER_RE.match(line):
                table = path = _key_path(header["path"])
                self.headers.add(number)
                if header["open"] == "[[" and len(path) == 1 and path[0] in self.starts:
                    self.starts[path[0]].append(number)
            elif assignment := _ASSIGNMENT_RE.match(line):
                path = table + _key_path(assignment["path"])
            self.paths.append(path)

    def _at(self, line: int | None) -> str:
        return f"{self.name}:{line}" if line else self.name

    def _find(self, path: tuple[str, ...], start: int = 1, end: int | None = None) -> int | None:
        """The first line in [start, end] that sets ``path`` or something inside it."""
        self._scan()
        stop = len(self.paths) if end is None else min(end, len(self.paths))
        for number in range(max(start, 1), stop + 1):
            found = self.paths[number - 1]
            if found is not None and found[: len(path)] == path:
                return number
        return None

    def key(self, key: str, section: str | None = None, *, dotted: bool = False) -> str:
        """Where ``key`` is set: inside ``[section]``, or at the top level.

        With ``dotted``, a key such as "main.sort" may also be written unquoted (a dotted key).
        """
        table = (section,) if section else ()
        found = self._find((*table, key))
        if found is None and dotted:
            found = self._find((*table, *key.split(".")))
        return self._at(found or (self._find(table) if table else None))

    def feed(self, index: int, key: str | None = None) -> str:
        """Where the index-th [[feed]] (1-based) starts, or where it sets ``key``."""
        return self.entry("feed", index, key)

    def entry(self, table: str, index: int, key: str | None = None) -> str:
        """Where the index-th [[table]] (1-based) starts, or where it sets ``key``."""
        self._scan()
        starts = self.starts[table]
        if index > len(starts):
            return self._at(None)
        head = starts[index - 1]
        end = self._entry_end(head, table)
        return self._at((self._find((table, key), head + 1, end) if key else None) or head)

    def _entry_end(self, head: int, table: str) -> int:
        """The last line of the [[table]] entry at ``head``, its sub-tables included."""
        for number in range(head + 1, len(self.paths) + 1):
            path = self.paths[number - 1]
            if number in self.headers and (path is None or len(path) < 2 or path[0] != table):
                return number - 1  # the next entry, or a table outside this one
        return len(self.paths)


def _key_path(text: str) -> tuple[str, ...]:
    """A TOML key ("a . 'b c'.d") as its parts, quotes removed."""
    return tuple(part.strip("\"'") for part in re.findall(_KEY_PART, text))
