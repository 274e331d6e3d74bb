"""``lobcoder suggest``, ``lobcoder evaluate-suggestions`` and ``lobcoder nlp-info``.

``lobcoder.suggest`` (and with it spaCy) is imported inside the handlers, so
other subcommands do not pay for loading it.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from lobcoder.cli.output import count, one_line, print_json, to_plain
from lobcoder.errors import FileProblem
from lobcoder.i18n.said import say
from lobcoder.services.documents import get_document
from lobcoder.storage.project import ProjectStore


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "suggest",
        help="suggest codes for a document's sentences and turns",
        description="Suggestions come from the codebook (keywords, definitions, criteria, examples) and from a model "
        "trained on your own codings (updated first if codings or rejections changed). Nothing is coded.",
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--document", required=True, metavar="NAME")
    cmd.add_argument(
        "--min-score",
        type=float,
        metavar="X",
        help="one threshold for every code (default: each code's own, 0.5 at first)",
    )
    cmd.add_argument("--limit", type=int, metavar="N", help="at most N suggestions, best first")
    cmd.add_argument(
        "--reliable-only", action="store_true", help="leave out codes that are not yet reliable (as the pane does)"
    )
    cmd.add_argument("--no-train", action="store_true", help="use the stored model as it is")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_suggest)

    cmd = commands.add_parser(
        "evaluate-suggestions",
        help="cross-validated precision/recall/F1 of suggestions on your codings",
        description="Trains on some documents and suggests on the others, per respondent sentence. "
        "Nothing in the project is changed.",
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--folds", type=int, default=3, metavar="K", help="document groups (default 3)")
    cmd.add_argument("--seed", type=int, default=0)
    cmd.add_argument(
        "--min-score", type=float, metavar="X", help="one threshold for every code (default: each code's own)"
    )
    cmd.add_argument(
        "--min-examples", type=int, default=2, metavar="N", help="coded sentences a code needs to be learned"
    )
    cmd.add_argument("--curve", action="store_true", help="print a learning curve: F1 after 1, 2, 3, … coded documents")
    cmd.add_argument("--runs", type=int, default=3, metavar="R", help="draws per point of the curve (default 3)")
    keywords = cmd.add_mutually_exclusive_group()
    keywords.add_argument(
        "--builtin-keywords", action="store_true", help="try the research codebook's keywords (codes with equal names)"
    )
    keywords.add_argument("--keywords", type=Path, metavar="FILE", help='JSON {"code name": ["keyword", ...]}')
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_evaluate)

    cmd = commands.add_parser("nlp-info", help="which Dutch language pipeline is active, and how to get a better one")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_nlp_info)


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_suggest(args: argparse.Namespace) -> int:
    from lobcoder.suggest.pipeline import load_pipeline
    from lobcoder.suggest.ranking import suggest
    from lobcoder.suggest.training import train

    pipeline = load_pipeline()
    with ProjectStore.open(args.project) as store:
        with store.read() as session:
            view = get_document(session, args.document)
        training = None if args.no_train else train(store, pipeline=pipeline)
        found = suggest(
            store,
            view.id,
            min_score=args.min_score,
            limit=args.limit,
            pipeline=pipeline,
            include_unreliable=not args.reliable_only,
        )
    if args.json:
        print_json(
            {
                "document": view.name,
                "pipeline": pipeline.name,
                "training": training,
                "suggestions": [{**to_plain(s), "text": view.text[s.start : s.end]} for s in found],
            }
        )
        return 0
    if training is not None:
        codes = ", ".join(training.codes) or f"none yet (a code needs {training.min_examples} coded sentences)"
        _note(f"model {training.status}: {training.examples} examples; learned codes: {codes}")
    for s in found:
        print(f"{s.start}-{s.end}\t{s.score:.2f}\t{s.code_name}\t{s.unit}: {s.reason}")
        print(f"\t{one_line(view.text[s.start : s.end])[:110]}")
    print(f"{count(len(found), 'suggestion')} for {view.name}")
    return 0


def _keywords(args: argparse.Namespace) -> dict[str, str] | None:
    if args.builtin_keywords:
        from lobcoder.codebook.builtin import load_builtin_codebook

        return {code.name: code.keywords for _, code in load_builtin_codebook("nl").walk()}
    if args.keywords is None:
        return None
    try:
        data = json.loads(args.keywords.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FileProblem(args.keywords, say("problem.keywords.not_json", reason=exc)) from exc
    if not isinstance(data, dict):
        raise FileProblem(args.keywords, say("problem.keywords.not_object", example='{"code name": ["keyword", ...]}'))
    return {str(k): "\n".join(v) if isinstance(v, list) else str(v) for k, v in data.items()}


def cmd_evaluate(args: argparse.Namespace) -> int:
    from lobcoder.suggest.evaluation import evaluate, learning_curve

    keywords = _keywords(args)
    with ProjectStore.open(args.project) as store:
        if args.curve:
            points = learning_curve(store, runs=args.runs, seed=args.seed, keywords=keywords)
        else:
            result = evaluate(
                store,
                folds=args.folds,
                seed=args.seed,
                min_score=args.min_score,
                min_examples=args.min_examples,
                keywords=keywords,
            )
    if args.curve:
        if args.json:
            print_json({"curve": points})
            return 0
        print(f"learning curve: micro-F1 on the documents not learned from, mean of {args.runs} draws")
        print(f"{'documents':>9}  {'combined F1':>11}  {'codebook only':>13}")
        for p in points:
            print(f"{p.documents:>9}  {p.micro_f1:>11.2f}  {_cell(p.codebook_f1):>13}")
        return 0
    if args.json:
        print_json(result)
        return 0
    threshold = "each code's own threshold" if result.min_score is None else f"min score {result.min_score:.2f}"
    print(
        f"{result.folds}-fold cross-validation over {result.documents} coded documents, "
        f"{result.sentences} respondent sentences; {threshold}; "
        f"a code is learned from {result.min_examples} coded sentences "
        f"(learned per fold: {', '.join(map(str, result.trained_codes_per_fold))})"
    )
    print(f"pipeline: {result.pipeline}")
    print(f"{'':10}{'micro P':>9}{'R':>7}{'F1':>7}{'macro P':>10}{'R':>7}{'F1':>7}{'top-10 P':>10}")
    for m in result.methods:
        top = _cell(m.top_precision)
        print(
            f"{m.method:10}{m.micro.precision:>9.2f}{m.micro.recall:>7.2f}{m.micro.f1:>7.2f}"
            f"{m.macro_precision:>10.2f}{m.macro_recall:>7.2f}{m.macro_f1:>7.2f}{top:>10}"
        )
    by_method = {m.method: m for m in result.methods}
    width = max([len(c.code) for c in by_method["combined"].per_code] + [4])
    print()
    print(f"{'code':{width}}  examples  threshold     P     R    F1  codebook F1  learned F1  reliable")
    unreliable = 0
    for index, row in enumerate(by_method["combined"].per_code):
        cb = by_method["codebook"].per_code[index].scores.f1
        learned = by_method["learned"].per_code[index].scores.f1
        unreliable += not row.reliable
        print(
            f"{row.code:{width}}  {row.support:>8}  {row.threshold:>9.2f}"
            f"{row.scores.precision:>6.2f}{row.scores.recall:>6.2f}{row.scores.f1:>6.2f}"
            f"  {cb:>11.2f}  {learned:>10.2f}  {'yes' if row.reliable else 'NO'}"
        )
    if unreliable:
        print(
            f"\n{unreliable} code(s) not yet reliable: cross-validated F1 below 0.40 or fewer than 5 coded sentences; "
            "the suggestions pane hides them unless asked. Code more passages with them, or sharpen their definitions."
        )
    return 0


def _cell(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def cmd_nlp_info(args: argparse.Namespace) -> int:
    from lobcoder.suggest.pipeline import INSTALL_HINT, MODEL_NAME, load_pipeline, model_installed

    pipeline = load_pipeline()
    info: dict[str, Any] = {
        "active": pipeline.name,
        "full_model": pipeline.is_full_model,
        "model": MODEL_NAME,
        "model_installed": model_installed(),
        "install_hint": INSTALL_HINT,
        "spacy": _version("spacy"),
        "spacy_lookups_data": _version("spacy-lookups-data"),
    }
    if args.json:
        print_json(info)
        return 0
    print(f"active pipeline: {pipeline.name}")
    print(f"spaCy {info['spacy']}, spacy-lookups-data {info['spacy_lookups_data']}")
    if pipeline.is_full_model:
        print(f"{MODEL_NAME} is installed: tagger, parser and trained lemmatizer are used.")
    else:
        print(
            f"{MODEL_NAME} is not installed; lemmas come from lookup tables and sentences from punctuation.\n"
            f"For better lemmas and sentence boundaries install it:\n  {INSTALL_HINT}\n"
            "Stored models and cached parses are kept per pipeline, so the next suggestions retrain once."
        )
    return 0
