"""Display blocks laid out as styled lines in a given width: the one layout the reader draws
and `newsterm show` prints (lines.py wraps, table.py aligns tables, body.py lays out blocks,
page.py a whole article)."""
