"""newsterm: a terminal newsreader."""

__version__ = "0.1.0"
