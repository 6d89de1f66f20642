"""Sync with a Fever or Google Reader server: subscriptions, items, read and starred state.

``run.py`` is the use case (push the queue, pull feeds, items and state); ``fever.py`` and
``greader.py`` speak the two protocols over ``connection.py``; ``clean.py`` makes what a
server sends safe to keep; ``password.py`` finds the password. Nothing here imports the UI.
"""
