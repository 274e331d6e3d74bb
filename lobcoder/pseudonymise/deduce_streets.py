"""deduce's street-name pattern, tried only where its result can survive: before a house number."""

from __future__ import annotations

import re
from typing import Any

from deduce.annotator import TokenPatternAnnotator  # type: ignore[import-untyped]

# deduce's own house-number patterns (``housenumber_right``, ``housenumber_housenumberletter_right``).
_HOUSE_NUMBER = re.compile(r"\d{1,4}[a-zA-Z]?$")


class StreetBeforeNumberAnnotator(TokenPatternAnnotator):
    """Like deduce's ``street_pattern``, but skips words whose next token is no house number.

    deduce removes every street annotation its house-number step did not extend,
    and that step only looks at the very next token; so the annotations skipped
    here are exactly those deduce would have removed.
    """

    def annotate(self, doc: Any) -> list[Any]:
        annotations = []
        tokens = list(doc.get_tokens())
        for token, following in zip(tokens, tokens[1:], strict=False):
            if not following.text[:1].isdigit() or _HOUSE_NUMBER.match(following.text) is None:
                continue
            annotation = self._match_sequence(doc.text, self.pattern, token, direction="right", skip=self.skip)
            if annotation is not None:
                annotations.append(annotation)
        return annotations
