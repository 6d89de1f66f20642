"""Article HTML or plain text to display blocks (document.py, dom.py and the walker), and
blocks to terminal text (plain.py)."""
