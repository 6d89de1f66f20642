"""What each HTML element does to the block walker on entering and leaving it.

A handler is called as handler(walker, node, attrs) on entering an element and returns None
(walk the children, nothing to do on leaving), False (skip the children) or a tuple
(function, state): walk the children, then call function(walker, state).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable

from selectolax.lexbor import LexborNode

from newsterm.text.blocks import Link
from newsterm.text.render.nodes import (
    BR,
    Attrs,
    Box,
    Leave,
    OpenLink,
    hint_of,
    tag_set,
)
from newsterm.text.render.state import WalkState as Walker
from newsterm.text.sanitize import one_line

__all__ = ["HANDLERS", "enter_box", "inline_space"]

_BUTTONISH = re.compile(r"btn|button|cta")
_BULLETS = ("• ", "◦ ", "▪ ")

_BOXES = tag_set(
    "div section article aside header footer nav main figure form fieldset details center "
    "hgroup dl address search menu dir ul ol blockquote"
)
_PARAS = tag_set("p dt dd figcaption caption summary legend")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PRES = tag_set("pre listing xmp plaintext")
_EMPHASIS = tag_set("b strong em i mark")
_LISTS = tag_set("ul ol menu dir")


def _tiny(value: str | None) -> bool:
    """A width/height of 0 or 1 pixel: a tracking pixel."""
    return value is not None and value.strip().lower() in ("0", "1", "0px", "1px")


def inline_space(w: Walker) -> bool:
    """Inside a data table block elements only separate words; True if that applies."""
    if w.table is None:
        return False
    w.parts.append(" ")
    return True


def enter_box(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    """A container (div, section, list, quote, layout table cell): its own box of blocks."""
    if inline_space(w):
        return None
    w.flush()
    tag = node.tag
    own = hint_of(attrs)
    if tag == "form":  # sign-up boxes are forms; their action says what they are for
        own = f"form {attrs.get('action') or ''} {own}".strip().lower()
    w.push_hint(own)
    box_id = w.next_box
    w.next_box += 1
    w.box_ids.append(box_id)
    if tag in _LISTS:
        w.lists.append([_int(attrs.get("start"), 1)] if tag == "ol" else [])
    elif tag == "blockquote":
        w.quote_depth += 1
        w.modes.append(("quote", w.quote_depth))
    return (_leave_box, (box_id, len(w.blocks), own, tag))


def _leave_box(w: Walker, state: tuple[int, int, str, str]) -> None:
    box_id, start, own, tag = state
    w.flush()
    w.hints.pop()
    w.box_ids.pop()
    if tag in _LISTS:
        w.lists.pop()
    elif tag == "blockquote":
        w.quote_depth -= 1
        w.modes.pop()
    if len(w.blocks) > start:
        w.boxes.append(Box(box_id, start, len(w.blocks), own, w.box_ids[-1]))


def _int(value: str | None, default: int) -> int:
    with contextlib.suppress(ValueError, TypeError):
        return int(value or default)
    return default


def _para(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    if inline_space(w):
        return None
    w.flush()
    w.push_hint(hint_of(attrs))
    w.in_para += 1
    return (_leave_para, None)


def _leave_para(w: Walker, _: object) -> None:
    w.flush()
    w.hints.pop()
    w.in_para -= 1


def _heading(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    return _enter_mode(w, attrs, "heading", _HEADINGS[node.tag or "h1"])


def _pre(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    return _enter_mode(w, attrs, "pre", 0)


def _enter_mode(w: Walker, attrs: Attrs, kind: str, level: int) -> Leave | None:
    if inline_space(w):
        return None
    w.flush()
    w.modes.append((kind, level))
    w.push_hint(hint_of(attrs))
    return (_leave_mode, None)


def _leave_mode(w: Walker, _: object) -> None:
    w.flush()
    w.modes.pop()
    w.hints.pop()


def _item(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    if inline_space(w):
        return None
    w.flush()
    depth = max(len(w.lists), 1)
    counter = w.lists[-1] if w.lists else []
    if counter:
        counter[0] = _int(attrs.get("value"), counter[0])
        w.marker = f"{counter[0]}. "
        counter[0] += 1
    else:
        w.marker = _BULLETS[(depth - 1) % len(_BULLETS)]
    w.modes.append(("list_item", depth))
    w.push_hint(hint_of(attrs))
    return (_leave_item, None)


def _leave_item(w: Walker, _: object) -> None:
    _leave_mode(w, None)
    w.marker = ""


def _rule(w: Walker, node: LexborNode, attrs: Attrs) -> bool:
    if not inline_space(w):
        w.flush()
        w.emit("rule", "", 0)
    return False


def _br(w: Walker, node: LexborNode, attrs: Attrs) -> bool:
    if inline_space(w):
        pass
    elif w.modes[-1][0] == "pre":
        w.parts.append("\n")
    elif w.after_br:  # <br><br> separates paragraphs in much feed HTML
        w.flush()
    elif w.has_text:
        w.parts.append(BR)
        w.after_br = True
    return False


def _img(w: Walker, node: LexborNode, attrs: Attrs) -> bool:
    if _tiny(attrs.get("width")) or _tiny(attrs.get("height")):
        return False  # tracking pixel
    alt = one_line(attrs.get("alt") or "")
    link = w.link
    if not alt and link is not None:
        return False  # an unlabelled image link says nothing in a terminal
    if alt and len(alt) <= 2 and "emoji" in (attrs.get("class") or "").lower():
        w.text(alt)
        return False
    label = f"[image: {alt}]" if alt else "[image]"
    if w.table is not None:
        number = _image_number(w, attrs, alt)
        w.text(f" {label}[{number}] " if number else f" {label} ")
        return False
    w.flush()
    w.has_text = True
    w.plain = True
    w.unlinked = link is None
    w.unbuttoned = not (link and link.button)
    if link is not None:
        w.link_evidence(link)
        link.parts.append(f" {alt} ")
        if link.number:
            label += f"[{link.number}]"
            w.numbers.append(link.number)
    _image_number(w, attrs, alt)
    w.emit("image", label, 0)
    w.reset()
    return False


def _image_number(w: Walker, attrs: Attrs, alt: str) -> int:
    """Number the image's own address as a link, so it can be opened or copied; 0 when it
    has none (or a data: one). The reader draws the number after the image's label."""
    src = attrs.get("src")
    number = w.number(w.resolve(src)) if src else 0
    if not number:
        return 0
    if not w.links[number - 1].text:
        text = f"image: {alt}" if alt else "image"
        w.links[number - 1] = Link(number, w.links[number - 1].url, text)
    w.images.append(number)
    return number


def _anchor(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    if w.link is not None:  # the parser prevents nesting; be safe anyway
        return None
    href = attrs.get("href")
    url = w.resolve(href) if href else ""
    own = hint_of(attrs)
    button = bool(own) and _BUTTONISH.search(own) is not None
    w.link = OpenLink(url, button, own)
    if url:
        w.hrefs.append(url)
    if button:
        w.button += 1
    return (_leave_anchor, None)


def _leave_anchor(w: Walker, _: object) -> None:
    link = w.link
    if link is None:
        return
    w.link = None
    if link.button:
        w.button -= 1
    number = link.number
    if not number:
        return
    text = one_line("".join(link.parts))[:200]
    if text and not w.links[number - 1].text:
        w.links[number - 1] = Link(number, link.url, text)
    if link.in_buffer:
        w.parts.append(f"[{number}]")
        w.numbers.append(number)


def _emph(w: Walker, node: LexborNode, attrs: Attrs) -> Leave:
    w.emphasis += 1
    return (_leave_emph, None)


def _leave_emph(w: Walker, _: object) -> None:
    w.emphasis -= 1


def _button(w: Walker, node: LexborNode, attrs: Attrs) -> Leave:
    w.inline_hints.append(f"button {hint_of(attrs)}".strip())
    w.button += 1
    return (_leave_button, None)


def _leave_button(w: Walker, _: object) -> None:
    w.button -= 1


def _input(w: Walker, node: LexborNode, attrs: Attrs) -> bool:
    kind = (attrs.get("type") or "").lower()
    if kind in ("submit", "button") and attrs.get("value"):
        w.button += 1
        w.text(f" {attrs.get('value')} ")
        w.button -= 1
    elif kind == "email":
        w.inline_hints.append("email-input")
    return False


def _q(w: Walker, node: LexborNode, attrs: Attrs) -> Leave:
    w.parts.append("“")
    return (_leave_q, None)


def _leave_q(w: Walker, _: object) -> None:
    w.parts.append("”")


HANDLERS: dict[str, Callable[[Walker, LexborNode, Attrs], Leave | bool | None]] = {
    "li": _item,
    "hr": _rule,
    "br": _br,
    "img": _img,
    "a": _anchor,
    "button": _button,
    "input": _input,
    "q": _q,
}
HANDLERS.update(dict.fromkeys(_BOXES, enter_box))
HANDLERS.update(dict.fromkeys(_PARAS, _para))
HANDLERS.update(dict.fromkeys(_HEADINGS, _heading))
HANDLERS.update(dict.fromkeys(_PRES, _pre))
HANDLERS.update(dict.fromkeys(_EMPHASIS, _emph))
