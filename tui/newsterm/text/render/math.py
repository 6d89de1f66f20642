"""MathML as one line of text: its alttext, else its TeX annotation, else a Unicode reading.

Maths is never dropped: "a page spans 4 kiB" must keep its 4. The reading is linear, as a
person would type it: superscripts as ², fractions as a/b, roots as √x.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from newsterm.text.render.nodes import Attrs, tag_set
from newsterm.text.render.state import WalkState as Walker
from newsterm.text.sanitize import one_line

__all__ = ["MATH_HANDLERS", "linear_math", "tidy_tex"]

_MAX_MATH = 2000  # characters of one formula's text; past this it is cut, marked
_MAX_NODES = 5000  # elements read in one formula
_TEX = ("application/x-tex", "text/x-tex", "tex", "latex")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUP_CHARS = frozenset("0123456789+-=()ni")
_SUB_CHARS = frozenset("0123456789+-=()")
_IGNORED = tag_set("annotation annotation-xml none mprescripts maligngroup malignmark")
_SPACED_OPERATORS = frozenset("=<>≤≥≠≈≡→←⇒⇔∈∉⊂⊆∪∩+−×÷·±∓")


def linear_math(node: LexborNode) -> str:
    """The formula under a <math> element as one line of text (never empty if it has any)."""
    attrs = node.attributes
    alt = one_line(attrs.get("alttext") or "")
    if alt:
        return _cap(alt)
    for annotation in node.css("annotation"):
        encoding = (annotation.attributes.get("encoding") or "").lower()
        tex = one_line(annotation.text(deep=True))
        if encoding in _TEX and tex:
            return _cap(tidy_tex(tex))
    budget = [_MAX_NODES]
    return _cap(one_line(_read(node, budget)))


# TeX as written, with what a reader would not type spelled as it prints: spacing commands,
# common symbols, and single-token scripts ("\\log_{2}4096" reads "log₂4096").
_TEX_WORDS = {
    "infty": "∞",
    "times": "×",
    "cdot": "·",
    "cdots": "⋯",
    "ldots": "…",
    "dots": "…",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "pm": "±",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "in": "∈",
    "sum": "∑",
    "prod": "∏",
    "int": "∫",
    "sqrt": "√",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "theta": "θ",
    "lambda": "λ",
    "mu": "μ",
    "pi": "π",
    "sigma": "σ",
    "tau": "τ",
    "phi": "φ",
    "omega": "ω",
    "Delta": "Δ",
    "Sigma": "Σ",
    "Omega": "Ω",
    "log": "log",
    "ln": "ln",
    "exp": "exp",
    "sin": "sin",
    "cos": "cos",
    "max": "max",
    "min": "min",
    "lim": "lim",
    "mid": "|",
    "quad": " ",
    "qquad": "  ",
    "lceil": "⌈",
    "rceil": "⌉",
    "lfloor": "⌊",
    "rfloor": "⌋",
    "langle": "⟨",
    "rangle": "⟩",
    "left": "",
    "right": "",
    "infin": "∞",
    "partial": "∂",
    "nabla": "∇",
    "forall": "∀",
    "exists": "∃",
    "cup": "∪",
    "cap": "∩",
    "subset": "⊂",
    "subseteq": "⊆",
    "Rightarrow": "⇒",
    "iff": "⇔",
    "equiv": "≡",
    "sim": "∼",
    "propto": "∝",
    "div": "÷",
    "mathbb": "",
}
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+)(?![A-Za-z]) ?|\\[,;:! ]")
_TEX_ESCAPE = re.compile(r"\\([%$&#_{}])")  # \% is a percent sign
_TEX_FRAC = re.compile(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}")
_TEX_SCRIPT = re.compile(r"([_^])(?:\{([^{}\\]*)\}|([0-9A-Za-z]))")
_TEX_TEXT = re.compile(r"\\(?:text|mathrm|mathit|mathbf|operatorname)\{([^{}]*)\}")


def tidy_tex(tex: str) -> str:
    """TeX with spacing commands, common symbols and simple scripts made Unicode."""
    tex = _TEX_FRAC.sub(_frac, tex)
    tex = _TEX_COMMAND.sub(_tex_word, tex)
    tex = _TEX_TEXT.sub(r"\1", tex)
    tex = _TEX_SCRIPT.sub(_tex_script, tex)
    tex = _TEX_FRAC.sub(_frac, tex)  # again: the scripts inside a fraction are gone now
    tex = _TEX_ESCAPE.sub(r"\1", tex)
    return one_line(tex)


def _frac(match: re.Match[str]) -> str:
    return f"{_group(match.group(1))}/{_group(match.group(2))}"


def _tex_word(match: re.Match[str]) -> str:
    name = match.group(1)
    if name is None:
        return "" if match.group(0) == "\\!" else " "
    word = _TEX_WORDS.get(name)
    if word is None:
        return match.group(0)
    return f" {word} " if word in _SPACED_OPERATORS else word


def _tex_script(match: re.Match[str]) -> str:
    mark, body = match.group(1), match.group(2) if match.group(2) is not None else match.group(3)
    return _sup(body) if mark == "^" else _sub(body)


def _cap(text: str) -> str:
    return text if len(text) <= _MAX_MATH else text[: _MAX_MATH - 1] + "…"


def _children(node: LexborNode) -> list[LexborNode]:
    out: list[LexborNode] = []
    child = node.first_child
    while child is not None:
        if child.tag == "-text" or (child.tag and child.tag[0] not in "-!"):
            out.append(child)
        child = child.next
    return out


def _read(node: LexborNode, budget: list[int]) -> str:
    """One element's linear text. Formulas nest shallowly; the node budget bounds the work."""
    budget[0] -= 1
    if budget[0] < 0:
        return ""
    tag = node.tag or ""
    if tag == "-text":
        return node.text_content or ""
    if tag in _IGNORED:
        return ""
    kids = [k for k in _children(node) if k.tag == "-text" or k.tag not in _IGNORED]
    parts = [_read(k, budget) for k in kids if k.tag != "-text" or (k.text_content or "").strip()]
    if tag in ("msup", "msub", "msubsup", "mfrac", "mroot", "munder", "mover", "munderover"):
        return _script(tag, parts)
    if tag == "msqrt":
        return "√" + _group("".join(parts))
    if tag == "mo":
        op = "".join(parts).strip()
        return f" {op} " if op in _SPACED_OPERATORS else op
    if tag == "mfenced":
        attrs = node.attributes
        sep = attrs.get("separators") or ","
        return (attrs.get("open") or "(") + sep[:1].join(parts) + (attrs.get("close") or ")")
    if tag == "semantics":
        return parts[0] if parts else ""
    if tag in ("mtd",):
        return "".join(parts) + " "
    if tag in ("mtr", "mlabeledtr"):
        return "".join(parts).strip() + "; "
    return "".join(parts)


def _script(tag: str, parts: list[str]) -> str:
    """Scripts, fractions and roots, from their (base, argument…) children."""
    parts = [*parts, "", "", ""]
    base, first, second = parts[0], parts[1].strip(), parts[2].strip()
    if tag == "mfrac":
        return f"{_group(base.strip())}/{_group(first)}"
    if tag == "mroot":
        return ("∛" if first == "3" else "∜" if first == "4" else f"{first}√") + _group(base)
    if tag in ("msup", "mover"):
        return base + _sup(first)
    if tag in ("msub", "munder"):
        return base + _sub(first)
    return base + _sub(first) + _sup(second)  # msubsup, munderover


def _sup(text: str) -> str:
    if text and set(text) <= _SUP_CHARS:
        return text.translate(_SUPERSCRIPTS)
    return f"^{_group(text)}" if text else ""


def _sub(text: str) -> str:
    if text and set(text) <= _SUB_CHARS:
        return text.translate(_SUBSCRIPTS)
    return f"_{_group(text)}" if text else ""


def _group(text: str) -> str:
    """Brackets around anything longer than one symbol, so a/b+c is not misread."""
    text = text.strip()
    return text if len(text) <= 1 or text.isalnum() else f"({text})"


def _math(w: Walker, node: LexborNode, attrs: Attrs) -> bool:
    text = linear_math(node)
    if text:
        display = (attrs.get("display") or "").lower() == "block"
        if display and w.table is None:
            w.flush()
        w.text(text)
        if display and w.table is None:
            w.flush()
    return False


MATH_HANDLERS = {"math": _math}
