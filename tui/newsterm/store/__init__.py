"""newsterm's SQLite cache."""

from newsterm.store.cache import Store

__all__ = ["Store"]
