"""Walk a parsed DOM once, with an explicit stack, turning it into display blocks."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborNode

from newsterm.text.render.elements import HANDLERS
from newsterm.text.render.math import MATH_HANDLERS
from newsterm.text.render.nodes import SKIP, hidden
from newsterm.text.render.state import WalkState
from newsterm.text.render.tables import TABLE_HANDLERS

__all__ = ["Walker"]

_ALL_HANDLERS = {**HANDLERS, **TABLE_HANDLERS, **MATH_HANDLERS}


class Walker(WalkState):
    """Turns one DOM into blocks: the element handlers drive the state, walk() the order."""

    def walk(self, root: LexborNode) -> None:
        """Visit every node under root in document order, without recursion."""
        # Bound methods and sets in locals: this loop runs once per node of every article.
        stack: list[Any] = []
        push = stack.append
        pop = stack.pop
        text = self.text
        chosen = self.chosen
        handlers = _ALL_HANDLERS
        skip = SKIP
        child = root.last_child
        while child is not None:
            push(child)
            child = child.prev
        while stack:
            node = pop()
            if type(node) is tuple:  # leaving an element
                node[0](self, node[1])
                continue
            tag = node.tag
            if tag == "-text":
                text(node.text_content)
                continue
            if tag is None or tag in skip or tag[0] == "-" or tag[0] == "!":
                continue  # comments, doctypes and processing instructions (lexbor: no tag)
            attrs = node.attributes
            if attrs and hidden(attrs):
                continue
            if chosen and node.mem_id in chosen:
                self.chosen_depth += 1
                push((WalkState.leave_chosen, None))
            handler = handlers.get(tag)
            if handler is not None:
                leave = handler(self, node, attrs)
                if leave is False:
                    continue
                if leave is not None:
                    push(leave)
            child = node.last_child
            while child is not None:
                push(child)
                child = child.prev
        self.flush()
