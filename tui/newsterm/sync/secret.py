"""A password that never prints itself: in a message, a log, a repr or a traceback."""

from __future__ import annotations

__all__ = ["Secret"]


class Secret:
    """Holds a password; ``reveal()`` is the only way to read it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The password itself, for the one request that must send it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Secret is not pickled")  # never into a process pool or a file
