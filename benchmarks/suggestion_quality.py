"""How good are code suggestions on real and demo text: codebook only, learned from 3 documents, both.

Corpora (sentence level, per code; see docs/SUGGESTIONS.md):

* ``devset``: 997 real Dutch sentences from reports and portraits about the
  LOB project (``benchmarks/data/devset/``), labelled with the four themes of
  the research codebook by two independent passes and adjudicated, grouped
  into pseudo-documents of ``--doc-size`` consecutive sentences per source
  text (default 40; a real interview holds ~500 sentences, so
  ``--doc-size 100`` is nearer to "three coded interviews");
  ``--round first`` keeps only the first 520 sentences (the d-ids), as
  measured before the set grew, ``--round second`` only the other 477
  (the e-ids, labelled after the suggestions were tuned on the first);
* ``demo-themes``: the demo project's codings rolled up to the four themes;
* ``demo``: the demo project's codings on the 19 sub-codes and themes as coded.

Settings: the codes' *names only* + 3 coded documents (learned); the codebook
without keywords (definitions, criteria, examples) and no codings; the same
codebook as one free-text description (as a REFI ``.qdc`` from another
program carries it); the full codebook with keywords; and codebook + 3 coded
documents. "3 documents" means: learn from 3 randomly drawn documents, suggest
on all the others; the mean over ``--runs`` seeded draws is reported.

    python benchmarks/suggestion_quality.py                 # every corpus
    python benchmarks/suggestion_quality.py --corpus devset --runs 10
    python benchmarks/suggestion_quality.py --corpus devset --doc-size 100
    python benchmarks/suggestion_quality.py --ranking       # per code: AP, ROC AUC, best F1 of the codebook alone
    python benchmarks/suggestion_quality.py --project mine.lobcoder --related-share 0.3 --ranking
    python benchmarks/suggestion_quality.py --corpus devset --train-sentences 120,300,600   # a learning curve
    python benchmarks/suggestion_quality.py --corpus devset --train-docs 1,2,3,4,5 --marks  # and the marks
    python benchmarks/suggestion_quality.py --corpus devset --choose random,uncertain,rare,rich,diverse

Every run also scores issue 10's reference, a hand-written keyword list per
theme (``data/keyword_baseline.json``; a sentence gets a theme when one of its
words, surface form or lemma, is in the theme's list), where every code
evaluated has a list (the four themes: devset and demo-themes).

``--train-docs`` / ``--train-sentences`` measure only the settings that learn,
after learning from each number of documents, or from documents drawn at random
until they hold at least each number of respondent sentences (whole documents:
the rest is held out). ``--marks`` checks the reliability marks of the learned
settings: per run and code, was a code marked reliable (out of fold on the
documents learned from) really at F1 >= 0.40 on the held-out documents, and how
often was one marked not reliable at that F1 anyway (``--marks-json`` writes
every mark and its held-out counts).

``--choose`` compares ways of choosing which document she codes next (``choose_next.py``): the
F1 after 1..``--choose-steps`` coded documents on fixed test documents, per strategy, from the
same first document.

``--project FILE`` measures on a project's own coded documents and codes
instead (opened read-only). ``--related-share X`` switches the related words
(``evidence.RELATED_SHARE`` and the word vectors, off in the app) on at X for
the run, to measure them on a real project before switching them on;
``--answer-share X`` does the same for smoothing over the answer
(``ranking.ANSWER_SHARE``, off in the app).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(
    0, str(Path(__file__).resolve().parent)
)  # its sibling choose_next.py and quality/, also when loaded by path
from quality import arguments  # noqa: E402
from quality.choose import choose_curve  # noqa: E402
from quality.codebook_ranking import ranking  # noqa: E402
from quality.corpora import THEMES, demo_documents, devset_documents, project_documents  # noqa: E402
from quality.keyword_list import keyword_baseline, keyword_lists, list_settings  # noqa: E402
from quality.marks import print_marks  # noqa: E402
from quality.printing import print_curve, print_results  # noqa: E402
from quality.runner import Amount, measure  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = arguments.make_parser(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    if args.train_docs and args.train_sentences:
        parser.error("--train-docs and --train-sentences: one learning curve at a time")
    amounts = [Amount(documents=n) for n in args.train_docs or ()]
    amounts += [Amount(sentences=n) for n in args.train_sentences or ()]
    want_marks = bool(args.marks or args.marks_json)
    arguments.switch_shares(parser, args)
    corpora = ("devset", "demo-themes", "demo") if args.corpus == "all" else (args.corpus,)
    if args.project is not None:
        corpora = (str(args.project),)
    out: dict[str, Any] = {}
    for corpus in corpora:
        if corpus == "devset":
            if not args.gold.exists():
                print(f"devset: {args.gold} not found, skipped")
                continue
            if args.doc_size < 1:
                parser.error("--doc-size must be at least 1")
            codes, documents = devset_documents(args.gold, args.doc_size, args.round)
            evaluated = list(THEMES.values())
        elif args.project is not None:
            codes, documents = project_documents(args.project)
            evaluated = [c.name for c in codes]
        else:
            codes, documents = demo_documents(themes=corpus == "demo-themes")
            evaluated = list(THEMES.values()) if corpus == "demo-themes" else [c.name for c in codes]
        evaluated = [
            n for n in evaluated if any(c.name == n and any(c.guid in d.codings for d in documents) for c in codes)
        ]
        sentences = sum(len(d.text.splitlines()) for d in documents)
        print(
            f"\n{corpus}: {len(documents)} documents, {sentences} lines, {len(evaluated)} codes evaluated,"
            f" runs {args.runs}"
        )
        if args.ranking:
            ranking(codes, documents, evaluated, args.per_document_vocabulary)
            continue
        if args.choose:
            out[corpus] = {
                "documents": len(documents),
                "lines": sentences,
                "choose": choose_curve(args, codes, documents, evaluated),
            }
            continue
        corpus_marks: list[dict[str, Any]] | None = [] if want_marks else None
        if amounts:
            curve = {
                a.label: measure(
                    codes,
                    documents,
                    evaluated,
                    args.runs,
                    args.seed,
                    args.per_document_vocabulary,
                    amount=a,
                    learning_only=True,
                    marks=corpus_marks,
                )
                for a in amounts
            }
            out[corpus] = {"documents": len(documents), "lines": sentences, "curve": curve}
            print_curve(curve)
        else:
            results = measure(
                codes, documents, evaluated, args.runs, args.seed, args.per_document_vocabulary, marks=corpus_marks
            )
            lists = keyword_lists(args.keyword_list)
            baseline = keyword_baseline(codes, documents, evaluated, lists)
            if baseline is not None:
                results["keyword list (one minute), 0 docs"] = baseline
                results |= measure(
                    codes,
                    documents,
                    evaluated,
                    args.runs,
                    args.seed,
                    args.per_document_vocabulary,
                    settings=list_settings(lists),
                )
            out[corpus] = {"documents": len(documents), "lines": sentences, "results": results}
            print_results(results)
        if corpus == "devset":
            out[corpus] |= {"doc_size": args.doc_size, "round": args.round}
        if corpus_marks is not None:
            out[corpus]["marks"] = corpus_marks
            print_marks(corpus_marks)
    if args.marks_json:
        args.marks_json.write_text(
            json.dumps({c: o.get("marks", []) for c, o in out.items()}, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
