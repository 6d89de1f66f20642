"""Every number the appeal decision turns on, in one table.

The weights behind a block's probability are learned (data/strip_model.json, see train.py);
these are the decisions taken over them. BASE, ENTER, LEAVE and GROW are searched by
cross-validation by outlet (train.py --search); the others were set by hand on the
training sets and the real feed corpus.
"""

from __future__ import annotations

__all__ = [
    "BASE",
    "BRIDGE",
    "BRIDGE_LINES",
    "BUTTON_WORDS",
    "CALL_SEED",
    "CALL_WORDS",
    "ENGLISH_WORDS",
    "ENTER",
    "GROW",
    "JOIN",
    "JOIN_CORE",
    "JOIN_REACH",
    "LEAVE",
    "MAX_BLOCK_CHARS",
    "MAX_INPUT_BYTES",
    "MIN_MARKS",
    "OWN_MARKS",
    "QUOTED_SHARE",
    "REACH",
    "SEED",
    "TURN_SHARE",
]

# Sequence smoothing (regions.py): the chance that an appeal region starts at a given article
# block, and that a region ends after a given appeal block. A low ENTER keeps lone weak lines
# in the article; a LEAVE well under one half lets a box's plain lines (a salutation, a
# meter, a button) ride along with the asks around them.
ENTER = 0.003
LEAVE = 0.8
# The odds a block must beat to be read as appeal rather than article, as a probability:
# the model's log-odds less these odds is a block's evidence in the sequence pass.
BASE = 0.5
# A removed region takes in the neighbouring lines of its box (growth.py): a line joins if it
# is a box line or if the model, on the line's own evidence, gives it at least GROW; two
# removed regions at most BRIDGE quiet blocks apart are one box.
GROW = 0.9
BRIDGE = 2
# ... or if the joining model (model.JOIN: the line's words, its side, its distance from the
# region's core and the block beyond it) gives it at least JOIN, once the region's core
# holds a block the model gives at least JOIN_CORE on its own evidence.
JOIN = 0.7
JOIN_CORE = 0.8
# ... and only for lines at most JOIN_REACH blocks out from the core, as far as the lines it
# was trained on reach.
JOIN_REACH = 3
# ... and up to BRIDGE_LINES short lines (eight words at most, no headline) between two
# removed regions are one box too when one of them reads as a box's line (a button, a
# meter, a payment method, bank details): a gift form's lines go, a menu between two boxes
# stays.
BRIDGE_LINES = 5
# Only blocks at most REACH blocks from an anchor (a precise ask, appeal class names, a link
# to an appeal page) are weighed; growth reaches further, a block at a time.
REACH = 2
# A precise ask opens a sentence or clause of at most CALL_WORDS words to be an imperative
# ("Donate today"; not "Donations to the campaign rose…").
CALL_WORDS = 25
# A line of at most BUTTON_WORDS words that opens with an ask and names a funding platform is a
# button ("Support the blog on Ko-fi"); a headline naming the platform is not.
BUTTON_WORDS = 8
# A block that names a precise ask but is no ask of the publisher's own by its words is a seed
# only if the model, on the block's own evidence, gives it at least SEED.
SEED = 0.95
# A line of at most 20 words that opens with an ask in the looser words is a seed if the
# model gives it at least CALL_SEED on its own evidence.
CALL_SEED = 0.5
# A paragraph that turns into the publisher's own ask: its last sentences are the outlet
# asking for money, membership or a subscription (two or more of them, or one that speaks
# as "we" to "you"; none reported or quoted), and make up at least TURN_SHARE of its text.
# It is a seed whatever came before ("...We're concerned, because [outlet] is not immune...
# make a donation now!"); news that ends in someone else's ask is not.
TURN_SHARE = 0.35
# A block this much in quotation marks (or with any attribution) is someone else's words:
# its neighbours' odds never carry into it, and it joins a region only as a seed itself.
QUOTED_SHARE = 0.25
# Blocks longer than this are scored on their first MAX_BLOCK_CHARS characters: a 50 KB
# paragraph is no appeal box, and the scan stays linear in small steps.
MAX_BLOCK_CHARS = 20_000
# `newsterm strip` reads at most this much input.
MAX_INPUT_BYTES = 10 * 1024 * 1024
# Which languages an article is read in (detect.py). A language is the article's once
# MIN_MARKS of its marks (everyday words, and a word of each ask, none of them English
# words) occur in it: one is enough, as an appeal in another language than the story's may
# be one short line ("Hazte socio de La Marea"). A further language makes the article read
# in every language once a block holds OWN_MARKS of its marks, and more than of the
# first's: a one-line box in a third language ("Fes-te subscriptor de VilaWeb" under a
# Spanish story) holds one or two; a block of the story's own language holds more of its
# marks than of its neighbours' ("que" and "para" are Spanish and Portuguese alike).
MIN_MARKS = 1
OWN_MARKS = 1
# A block is plainly English, and not looked at for other languages, when it holds at
# least ENGLISH_WORDS of English's commonest words ("the", "and", "that"...), and one in
# its last sentence.
ENGLISH_WORDS = 3
