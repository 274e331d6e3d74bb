"""A small project for word frequencies, imported from a real .docx and a real .txt.

Hand counts (by lemma, function words and numbers left out, speaker labels are no words):

* ``Jansen_w1.docx`` (school Noord): the interviewer asks about *samenwerking*;
  Anna says *samenwerking* once, *loopbaangesprek* twice, *studenten* once,
  *gesprekken* once (lemma *gesprek*), *café* once, with an emoji and numbers.
* ``Pietersen_w2.txt`` (school Zuid): the interviewer says *visie* and *verder*; Bram says
  *visie* twice, *samenwerking* once, *loopbaangesprek* once, *verder* once.
"""

from __future__ import annotations

from pathlib import Path

import docx

from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue, Document
from lobcoder.storage.project import ProjectStore

DOCX_LINES = (
    "Interviewer: Wat vindt u van de samenwerking?",
    "Anna: De samenwerking in het team is goed 😊. Het loopbaangesprek voeren we in 2023 met 12 studenten.",
    "Anna: Na het loopbaangesprek drinken we koffie in het café. Die gesprekken helpen.",
)
TXT_TEXT = (
    "Interviewer: En de visie van de school?\n"
    "Bram: Onze visie is helder. De visie gaat over samenwerking en het loopbaangesprek.\n"
    "Interviewer: En verder?\n"
    "Bram: Verder niets.\n"
)
CODED = {  # code: (document, words coded)
    "Visie": [("Pietersen_w2", "Onze visie is helder.")],
    "Samenwerking": [("Jansen_w1", "De samenwerking in het team is goed"), ("Pietersen_w2", "samenwerking")],
}


def build_words_project(store: ProjectStore, folder: Path) -> dict[str, int]:
    """Import both files, code a few passages and give each document a school; returns the code ids."""
    document = docx.Document()
    for line in DOCX_LINES:
        document.add_paragraph(line)
    document.save(folder / "Jansen_w1.docx")
    (folder / "Pietersen_w2.txt").write_text(TXT_TEXT, encoding="utf-8")
    report = import_files(store, [folder / "Jansen_w1.docx", folder / "Pietersen_w2.txt"])
    assert all(r.status == "imported" for r in report.results), report.results
    codes: dict[str, int] = {}
    with store.transaction() as session:
        documents = {d.name: d for d in session.query(Document)}
        for name, passages in CODED.items():
            codes[name] = create_code(session, name).id
            for owner, words in passages:
                text = documents[owner].text
                start = text.index(words)
                add_coding(session, documents[owner].id, codes[name], start, start + len(words))
        school = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(school)
        session.add_all(
            [
                AttributeValue(attribute=school, document_id=documents["Jansen_w1"].id, text_value="Noord"),
                AttributeValue(attribute=school, document_id=documents["Pietersen_w2"].id, text_value="Zuid"),
            ]
        )
    return codes
