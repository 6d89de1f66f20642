"""newsterm in the terminal: the only package that imports textual or rich."""
