"""``--ranking``: how well the codebook alone ranks sentences, per code."""

from __future__ import annotations

from collections.abc import Sequence

from lobcoder.services.codes import CodeInfo
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.pipeline import load_pipeline
from lobcoder.suggest.ranking import document_scores
from lobcoder.suggest.store import CodedDocument
from lobcoder.suggest.units import Coded, coded

from .corpora import corpus_vocabulary
from .settings import SETTINGS


def ranking(
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    per_document: bool = False,
) -> None:
    """Per code, how well the codebook alone ranks sentences: average precision, ROC AUC, F1 at the best threshold.

    The best threshold is chosen on the sentences themselves (an upper bound for any threshold).
    """
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

    pipeline = load_pipeline(offline=True)
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    vocabulary = corpus_vocabulary(pipeline, documents, per_document)
    print(f"{'codebook alone: ranking per code':34}{'AP':>6}{'AUC':>6}{'best F1':>8}{'support':>8}")
    for label, (variant, learns) in SETTINGS.items():
        if learns:
            continue
        variant_codes = variant(codes)
        evaluated = [c for c in variant_codes if c.name in evaluated_names]
        scores: dict[str, list[float]] = {c.guid: [] for c in evaluated}
        truth: dict[str, list[bool]] = {c.guid: [] for c in evaluated}
        for doc in documents:
            units, found = document_scores(
                pipeline, variant_codes, doc.text, doc.turns, processed[doc.content_hash], None, vocabulary=vocabulary
            )
            for code in evaluated:
                for unit, unit_scores in zip(units, found, strict=True):
                    state = coded(unit, doc.codings.get(code.guid, ()))
                    if state is not Coded.PARTLY:
                        scores[code.guid].append(
                            unit_scores[code.guid].probability if code.guid in unit_scores else 0.0
                        )
                        truth[code.guid].append(state is Coded.YES)
        aps = []
        print(label)
        for code in evaluated:
            y, p = truth[code.guid], scores[code.guid]
            if not any(y):
                continue
            precision, recall, _ = precision_recall_curve(y, p)
            best = max((2 * a * b / (a + b) for a, b in zip(precision, recall, strict=True) if a + b), default=0.0)
            aps.append(average_precision_score(y, p))
            print(f"  {code.name[:32]:32}{aps[-1]:>6.2f}{roc_auc_score(y, p):>6.2f}{best:>8.2f}{sum(y):>8}")
        print(f"  {'mean':32}{sum(aps) / len(aps):>6.3f}")
