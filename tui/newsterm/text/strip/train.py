"""Retrain the stripper's weights: python -m newsterm.text.strip.train DIR... [--write].

Needs the `train` extra (scikit-learn), never needed at run time. Fits a logistic regression
over the named features of every block in the labelled directories, reports
leave-one-outlet-out cross-validation of the whole decision (model, regions, thresholds),
and with --write saves the weights to newsterm/data/strip_model.json.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from newsterm.text.strip import parse_article
from newsterm.text.strip import thresholds as t
from newsterm.text.strip.cohesion import Cohesion
from newsterm.text.strip.decide import Setting, decide, join_evidence, sure_core
from newsterm.text.strip.features import DATA_KINDS, FEATURES, ArticleFeatures
from newsterm.text.strip.growth import after_signoff, box_line, learnable
from newsterm.text.strip.labelled import APPEAL, Article, Score, load_articles, normalise, score
from newsterm.text.strip.model import CONTEXT, JOIN, JOIN_OWN, Model, context_values, join_row
from newsterm.text.strip.seeds import asks_itself

_OUT = Path(__file__).resolve().parents[2] / "data" / "strip_model.json"
_C = 10.0  # inverse L2 strength, chosen by the same cross-validation
_FOLDS = 5
_CORPUS_WEIGHT = 0.15  # a real feed's block: plentiful, and labelled by a short list
_THIRD = FEATURES.index("third_share")
_SIGNOFF = FEATURES.index("signoff_line")


class _Prepared:
    """An article's blocks as feature rows with labels, parsed once."""

    weight = 1.0  # how much each of its blocks counts in the fit

    def __init__(self, article: Article) -> None:
        blocks = parse_article(article.source, article.base_url).document.blocks
        self.article = article
        self.blocks = blocks
        self.texts = [normalise(b.text) for b in blocks]
        self.computed = ArticleFeatures(blocks, article.base_url)
        self.features = self.computed.window()
        self.labels = article.label(self.texts)


def _corpus(directory: Path, appeals_file: Path) -> list[_Prepared]:
    """Real feeds' articles: every block genuine but the publishers' own appeals listed in
    `appeals_file` ({"expected": [[feed file, distinctive text, count], ...]})."""
    from newsterm.errors import NotAFeed
    from newsterm.feeds.parse import parse_feed

    known = json.loads(appeals_file.read_text(encoding="utf-8"))
    needles: dict[str, list[str]] = {}
    for name, needle, *_ in known["expected"] + known["accepted"]:
        needles.setdefault(name, []).append(normalise(needle))
    rows = []
    for path in sorted(directory.iterdir()):
        try:
            feed = parse_feed(path.read_bytes(), url="https://feeds.example/" + path.name)
        except NotAFeed:
            continue
        for k, entry in enumerate(feed.entries):
            if html := entry.content or entry.summary:
                article = Article(
                    f"{path.name}#{k}",
                    path.name,
                    "",
                    html,
                    "",
                    (),
                    tuple(needles.get(path.name, ())),
                )
                row = _Prepared(article)
                row.weight = _CORPUS_WEIGHT
                rows.append(row)
    return rows


def _lr(x: list[list[float]], y: list[int], c: float, w: list[float]) -> list[float]:
    # imported by name: the train extra (scikit-learn, untyped) is absent at run time and in
    # the type check, and only this function needs it
    linear_model = importlib.import_module("sklearn.linear_model")
    fit = linear_model.LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w)
    weights = [float(w) for w in fit.coef_[0]]
    weights[FEATURES.index("bias")] += float(fit.intercept_[0])
    return weights


def _first_logits(rows: list[_Prepared], weights: list[float]) -> list[list[float]]:
    return [
        [math.fsum(w * v for w, v in zip(weights, f.values, strict=True)) for f in p.features]
        for p in rows
    ]


def _fit(rows: list[_Prepared], c: float) -> Model:
    """Both stages; the second learns from first-stage log-odds of articles the first stage
    did not see (five folds by outlet), as it will meet them at run time."""
    y = [int(label == APPEAL) for p in rows for label in p.labels]
    x1 = [list(f.values) for p in rows for f in p.features]
    weights = [p.weight for p in rows for _ in p.labels]
    first = _lr(x1, y, c, weights)
    outlets = sorted({p.article.outlet for p in rows})
    fold = {o: k % _FOLDS for k, o in enumerate(outlets)}
    unseen: dict[int, list[float]] = {}
    for k in range(_FOLDS):
        train = [p for p in rows if fold[p.article.outlet] != k]
        held = [p for p in rows if fold[p.article.outlet] == k]
        if not train or not held:
            continue
        w = _lr(
            [list(f.values) for p in train for f in p.features],
            [int(label == APPEAL) for p in train for label in p.labels],
            c,
            [p.weight for p in train for _ in p.labels],
        )
        for p, z in zip(held, _first_logits(held, w), strict=True):
            unseen[id(p)] = z
    x2 = [
        list(f.values + ctx)
        for p in rows
        for f, ctx in zip(
            p.features,
            context_values(unseen.get(id(p)) or _first_logits([p], first)[0], p.features),
            strict=True,
        )
    ]
    second = _lr(x2, y, c, weights)
    model = Model(tuple(first), tuple(second))
    x3: list[list[float]] = []
    y3: list[int] = []
    w3: list[float] = []
    for p in rows:
        for values, label in _join_examples(p, model):
            x3.append(values)
            y3.append(label)
            w3.append(p.weight)
    if len(set(y3)) < 2:
        # the shipped model needs all three stages (model_from_json): data with no line
        # of each kind beside a box can train none
        raise SystemExit("the joining stage needs lines of a box and of a story beside one")
    return Model(tuple(first), tuple(second), tuple(_lr(x3, y3, c, w3)))


def _join_examples(p: _Prepared, model: Model) -> list[tuple[list[float], int]]:
    """The lines the joining model may be asked about, with their labels: every line up to
    thresholds.JOIN_REACH blocks out from a removed region's core (cut at a sign-off above,
    as growth cuts it, and sure as growth needs it to be), up to the first block growth
    never crosses (someone else's words, code or data, another region). Lines the rules
    decide (the publisher's own ask, a box line) and lines learnable() or speaks_of_box()
    refuse are no examples. A walk
    that stopped at the first line that is not appeal would see one story line per side and
    learn that everything beside a box is box."""
    base = p.article.base_url
    decisions, regions = decide(
        p.blocks, base, frozenset(), model, _Setting(), p.computed, grown=False
    )
    count = len(p.blocks)
    cores = [
        after_signoff(r, p.computed.__getitem__, lambda i: bool(decisions[i].seed))
        for r in regions
        if r.removed
    ]
    inside = {i for r in cores for i in range(r.start, r.end)}
    found = []
    cohesion = Cohesion(p.blocks)

    def odds(i: int) -> float:
        return model.own_logit(p.computed[i])

    for r in cores:
        if not sure_core(r, odds):
            continue
        for above in (True, False):
            for step in range(1, t.JOIN_REACH + 1):
                i = r.start - step if above else r.end - 1 + step
                if not 0 <= i < count or i in inside or p.blocks[i].kind in DATA_KINDS:
                    break
                f = p.computed[i]
                if f.others or f.theirs or f.values[_THIRD] or (above and f.values[_SIGNOFF]):
                    break
                if learnable(f) and not (asks_itself(f) or box_line(f)):
                    extra = join_evidence(p.computed, odds, cohesion, i, r)
                    if extra is not None:
                        found.append((list(join_row(f, extra)), int(p.labels[i] == APPEAL)))
    return found


@dataclass(frozen=True)
class _Setting(Setting):
    """Thresholds plus the regularisation they were searched with."""

    c: float = _C


def _strip(p: _Prepared, model: Model, s: _Setting) -> list[tuple[str, bool]]:
    """The run-time decision (decide.decide), on features computed once."""
    decisions, _ = decide(p.blocks, p.article.base_url, frozenset(), model, s, p.computed)
    return [(text, d.removed) for text, d in zip(p.texts, decisions, strict=True)]


def _cross_validate(rows: list[_Prepared], c: float, folds: int = 0) -> dict[str, Model]:
    """A model per outlet, trained on every other outlet (or, with `folds`, on the other
    folds of outlets: quicker, for the threshold search)."""
    outlets = sorted({p.article.outlet for p in rows})
    if not folds:
        return {o: _fit([p for p in rows if p.article.outlet != o], c) for o in outlets}
    fold = {o: k % folds for k, o in enumerate(outlets)}
    models = [_fit([p for p in rows if fold[p.article.outlet] != k], c) for k in range(folds)]
    return {o: models[fold[o]] for o in outlets}


def _run(rows: list[_Prepared], models: dict[str, Model], s: _Setting) -> Score:
    by_article = {id(p.article): p for p in rows}
    return score(
        [p.article for p in rows], lambda a: _strip(by_article[id(a)], models[a.outlet], s)
    )


def _objective(result: Score) -> float:
    """Appeal blocks caught, less two for each genuine block lost and eight per trap: the
    product asks for 90% of appeals at a cost of at most 1% of journalism, and over this
    data (28,650 genuine blocks to 1,060 appeal ones) two to one weighs the two alike."""
    return result.appeals_removed - 2 * result.genuine_removed - 8 * result.traps_removed


def _search(rows: list[_Prepared]) -> _Setting:
    """The thresholds with the best cross-validated objective."""
    best: tuple[float, _Setting] | None = None
    for c in (10.0,):
        models = _cross_validate(rows, c, folds=8)
        for base, enter, leave, grow in product(
            (0.06, 0.15, 0.3, 0.5), (0.003, 0.01, 0.05), (0.5, 0.8), (0.5, 0.9, 0.99)
        ):
            s = _Setting(base=base, enter=enter, leave=leave, grow=grow, c=c)
            value = _objective(_run(rows, models, s))
            if best is None or value > best[0]:
                best = (value, s)
        print(f"  C={c}: best so far {best}", file=sys.stderr)
    assert best is not None
    return best[1]


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    rows = [_Prepared(a) for d in args.dirs for a in load_articles(d)]
    if args.corpus:
        rows += _corpus(args.corpus, args.corpus_appeals)
    blocks = sum(len(p.labels) for p in rows)
    print(f"{len(rows)} articles, {blocks} blocks, {len(FEATURES)} features")
    setting = _Setting()
    if args.search:
        setting = _search(rows)
        print(f"best thresholds: {setting}")
    if not args.no_cv:
        _report_cross_validation(rows, setting, args.folds, args.show)
    model = _fit(rows, setting.c)
    if args.write:
        data = {
            "features": list(FEATURES + CONTEXT),
            "first": [round(w, 5) for w in model.first],
            "second": [round(w, 5) for w in model.second],
            "join_features": list(JOIN_OWN + JOIN),
            "join": [round(w, 5) for w in model.join],
            "trained_on": {"articles": len(rows), "blocks": blocks},
        }
        _OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {_OUT}")
    return 0


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsterm.text.strip.train")
    parser.add_argument("dirs", nargs="+", type=Path, help="labelled article directories")
    parser.add_argument("--write", action="store_true", help="save the weights")
    parser.add_argument("--corpus", type=Path, help="real feeds whose blocks are genuine")
    parser.add_argument("--corpus-appeals", type=Path, help="the corpus's known appeals")
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument("--search", action="store_true", help="search the thresholds")
    parser.add_argument("--folds", type=int, default=0, help="folds of outlets (0: one each)")
    parser.add_argument("--show", action="store_true", help="print every cross-validated miss")
    return parser


def _report_cross_validation(
    rows: list[_Prepared], setting: _Setting, folds: int, show: bool
) -> None:
    """Print the whole decision's score with a model per fold of outlets, trained on the
    others; and the score on the labelled articles alone."""
    models = _cross_validate(rows, setting.c, folds)
    name = f"{folds}-fold by outlet" if folds else "leave-one-outlet-out"
    result = _run(rows, models, setting)
    print(result.summary(name))
    real = [p for p in rows if p.article.lang]  # real feeds' articles carry no language
    if len(real) < len(rows):
        print(_run(real, models, setting).summary(name + ", articles only"))
    if show:
        print("\n".join("  " + line for line in result.problems))


if __name__ == "__main__":
    sys.exit(main())
