"""The other half of her work at 200 transcripts: a second coder, agreement, pseudonyms, thesis output, exchange.

Runs the commands she (or her supervisor) runs, in Dutch, over the study
``workflow_corpus.py`` writes, times each and checks what came out:

    python benchmarks/workflow_corpus.py /tmp/her
    python benchmarks/workflow_team.py /tmp/her --out /tmp/her-team

A study written with ``--seed`` or ``--scale`` needs the same options here: the
leak check searches for the names ``workflow_corpus.plan`` draws with them.

Steps: import the study (CLI, with the attribute sheet); Ilse codes every
keyword sentence of the respondents (about 50,000 codings, not timed); a blind
copy of a 20 % sample stratified by ``meting`` for Marloes, who codes 34
sentences in each of three of its documents (most of them as Ilse did, some
with another code, a few others); the copy merged back; ``lobcoder agreement``
per sentence, and per turn on one document checked against a count by hand
(scikit-learn's Cohen's κ, the ``krippendorff`` package's α); detection of
personal data, the decisions saved, pseudonymised exports (quotes report,
transcripts, .qdpx, agreement) searched for every name and school of the
study, and the pseudonymised copy's codings compared with the original's;
the thesis output in Word (quotes by wave, frequencies by school × wave with
a chart, co-occurrence, the words of one code) rendered to PNG pages with
LibreOffice where it is installed; the codebook .qdc and the project .qdpx
validated against the REFI-QDA schemas in ``--schemas`` and read into new
projects, whose counts and agreement must equal the original's.
"""

from __future__ import annotations

import argparse
import collections
import csv
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import workflow_corpus  # beside this script
from output_folder import fresh_folder

KEYWORDS = workflow_corpus.CODE_KEYWORDS
SECOND_CODER_DOCUMENTS = ("D01_meting1", "D02_meting2", "CP05")  # all three in the seed-1 sample


def record(step: str, value: float | str, note: str = "") -> None:
    shown = f"{value:.2f} s" if isinstance(value, float) else value
    print(f"{step:<62} {shown:>10}  {note}", flush=True)


def cli(*args: object) -> tuple[float, str]:
    """``lobcoder ARGS`` as she runs it; seconds and output (raises on exit code 2)."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lobcoder", *map(str, args)], capture_output=True, text=True)
    if done.returncode == 2:
        raise RuntimeError(f"lobcoder {' '.join(map(str, args))}: {done.stderr.strip()}")
    return time.perf_counter() - t0, done.stdout + done.stderr


def code(project: Path, coder: str, documents: tuple[str, ...] = (), per_document: int = 0) -> int:
    """Keyword sentences of respondents coded as ``coder``; a second coder agrees mostly (seeded)."""
    from sqlalchemy import select

    from lobcoder.services.codes import create_code
    from lobcoder.services.codings import coder_id
    from lobcoder.storage.models import Code, Coding, Document, Speaker, SpeakerTurn
    from lobcoder.storage.project import ProjectStore

    sentence, rng, added = re.compile(r"[^.!?\n]+[.!?]"), random.Random(7), 0
    with ProjectStore.open(project) as store, store.transaction() as session:
        codes = {c.name: c.id for c in session.scalars(select(Code))}
        for name in KEYWORDS:
            if name not in codes:
                codes[name] = create_code(session, name).id
        who = coder_id(session, coder)
        query = select(Document).order_by(Document.name)
        for doc in session.scalars(query.where(Document.name.in_(documents)) if documents else query):
            turns = session.execute(
                select(SpeakerTurn.start, SpeakerTurn.end)
                .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
                .where(SpeakerTurn.document_id == doc.id, Speaker.is_interviewer.is_(False))
            ).all()
            here = 0
            for start, end in turns:
                for m in sentence.finditer(doc.text, start, end):
                    if per_document and here >= per_document:
                        break
                    words, left = m.group().lower(), m.start() + len(m.group()) - len(m.group().lstrip())
                    hit = next((c for c, keys in KEYWORDS.items() if any(k in words for k in keys)), None)
                    chosen = hit
                    if documents:  # the second coder
                        r = rng.random()
                        if hit and r >= 0.8 or not hit and r >= 0.02:
                            continue
                        if not hit or r >= 0.65:
                            chosen = rng.choice([n for n in KEYWORDS if n != hit])
                    if chosen:
                        session.add(
                            Coding(document_id=doc.id, code_id=codes[chosen], start=left, end=m.end(), coder_id=who)
                        )
                        here += 1
            added += here
    return added


def hand_count(project: Path, document: str) -> dict[str, tuple[int, int, int, int, float, float]]:
    """Per code, by speaker turn in ``document``: only Ilse, only Marloes, both, neither, Cohen's κ, α."""
    import sqlite3

    import krippendorff
    import numpy as np
    from sklearn.metrics import cohen_kappa_score

    db = sqlite3.connect(project)
    (doc,) = db.execute("select id from documents where name = ?", (document,)).fetchone()
    turns = db.execute(
        'select label_start, "end" from speaker_turns where document_id = ? and label_start < "end"', (doc,)
    ).fetchall()
    coders = dict(db.execute("select id, name from coders"))
    codings = db.execute('select code_id, start, "end", coder_id from codings where document_id = ?', (doc,)).fetchall()
    found = {}
    for code_id, name in db.execute("select id, name from codes order by id"):
        rated = {
            who: np.array(
                [
                    any(c == code_id and coders[k] == who and s < e2 and e > s2 for c, s, e, k in codings)
                    for s2, e2 in turns
                ]
            )
            for who in ("Ilse", "Marloes")
        }
        a, b = rated["Ilse"], rated["Marloes"]
        kappa = cohen_kappa_score(a, b)
        alpha = krippendorff.alpha(reliability_data=np.vstack([a, b]).astype(int), level_of_measurement="nominal")
        found[name] = (int((a & ~b).sum()), int((~a & b).sum()), int((a & b).sum()), int((~a & ~b).sum()), kappa, alpha)
    return found


def agreement_rows(output: str) -> dict[str, list[str]]:
    rows = {}
    for line in output.splitlines():
        for name in KEYWORDS:
            if line.startswith(name + " "):
                rows[name] = line[len(name) :].split()
    return rows


def team(study: Path, out: Path) -> Path:
    project = out / "onderzoek.lobcoder"
    cli("new", project)
    seconds, _ = cli(
        "import",
        project,
        study,
        "--attributes",
        study / "attributen.csv",
        "--participant-column",
        "deelnemer",
        "--interviewer",
        "Interviewer",
        "--interviewer",
        "Marieke Jansen",
        "--interviewer",
        "Ruud Bakker",
    )
    record("import the study (CLI, with the sheet)", seconds)
    t0 = time.perf_counter()
    coded = code(project, "Ilse")
    record("Ilse codes every keyword sentence (setup, not her pace)", time.perf_counter() - t0, f"{coded} codings")
    copy = out / "begeleider.lobcoder"
    seconds, said = cli(
        "team", "copy", project, "--out", copy, "--sample", 20, "--stratify", "meting", "--language", "nl"
    )
    record("team copy: blind, 20 % stratified by meting", seconds, said.splitlines()[0][:70])
    added = code(copy, "Marloes", SECOND_CODER_DOCUMENTS, per_document=34)
    seconds, said = cli("team", "merge", project, copy, "--language", "nl", "--report", out / "samenvoegrapport.txt")
    record("team merge: the copy back", seconds, f"Marloes {added} codings; " + said.splitlines()[5][:50])
    seconds, said = cli("agreement", project, "--language", "nl")
    total = next(line for line in said.splitlines() if line.startswith("Totaal"))
    record("agreement per sentence (CLI)", seconds, "Totaal " + " ".join(total.split()[1:8]))
    seconds, _ = cli("agreement", project, "--language", "nl", "--out", out / "overeenstemming.docx")
    record("agreement to Word", seconds, pages(out / "overeenstemming.docx"))
    one = SECOND_CODER_DOCUMENTS[0]
    _, said = cli("agreement", project, "--language", "nl", "--unit", "turn", "--documents", one)
    shown, counted = agreement_rows(said), hand_count(project, one)
    same = all(
        [int(x.replace(".", "")) for x in shown[name][:4]] == list(counted[name][:4])
        and shown[name][5] == f"{counted[name][4]:.2f}".replace(".", ",").replace("-0,00", "0,00")
        and shown[name][-3] == f"{counted[name][5]:.2f}".replace(".", ",").replace("-0,00", "0,00")
        for name in KEYWORDS
    )
    record(f"agreement by turn in {one} = count by hand (κ, α)", "same" if same else "DIFFERENT", "10 codes")
    return project


def pages(docx_file: Path) -> str:
    """Render to PDF and PNG pages (60 dpi) beside the file; how many pages."""
    if not shutil.which("libreoffice"):
        return "not rendered"
    folder = docx_file.parent
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", folder, docx_file],
        capture_output=True,
        timeout=300,
    )
    pdf = docx_file.with_suffix(".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, folder / docx_file.stem], capture_output=True, timeout=300)
    return f"{len(list(folder.glob(docx_file.stem + '-*.png')))} pages"


def pseudonymise(project: Path, out: Path, seed: int, scale: float) -> None:
    decisions = out / "besluiten.csv"
    seconds, said = cli("pseudonymise", "detect", project, "--out", decisions)
    record("pseudonymise detect (deduce)", seconds, said.splitlines()[0][:60])
    roles = [
        r["term"] for r in csv.DictReader(decisions.open(encoding="utf-8")) if r["term"] in ("Docent", "Contactpersoon")
    ]
    record("role labels proposed as names", str(len(roles)), ", ".join(roles))
    seconds, _ = cli("pseudonymise", "save", project, "--decisions", decisions)
    record("pseudonymise save", seconds)
    made = {
        "quotes": (
            "report",
            "quotes",
            project,
            "--codes",
            "Samen leren",
            "--per-code",
            30,
            "--order-by",
            "meting",
            "--language",
            "nl",
            "--pseudonymise",
            "--out",
            out / "citaten_gepseudonimiseerd.docx",
        ),
        "transcripts (.txt)": (
            "transcripts",
            project,
            "--out",
            out / "transcripten",
            "--format",
            "txt",
            "--language",
            "nl",
            "--pseudonymise",
        ),
        ".qdpx": (
            "project",
            "export",
            project,
            "--out",
            out / "gepseudonimiseerd.qdpx",
            "--language",
            "nl",
            "--pseudonymise",
        ),
        "agreement": (
            "agreement",
            project,
            "--language",
            "nl",
            "--pseudonymise",
            "--out",
            out / "overeenstemming_p.docx",
        ),
    }
    for what, args in made.items():
        seconds, _ = cli(*args)
        record(f"pseudonymised export: {what}", seconds)
    study_sources = workflow_corpus.plan(seed, scale)  # the sheet names no one ("D07"): the names come from here
    secrets = (
        {s.respondent for s in study_sources}
        | {s.interviewer for s in study_sources}
        | {s.school for s in study_sources}
    )
    secrets.discard("")
    pattern = re.compile("|".join(re.escape(s) for s in sorted(secrets, key=len, reverse=True)))
    texts = [p.read_text("utf-8") for p in (out / "transcripten").glob("*.txt")]
    for archive in ("citaten_gepseudonimiseerd.docx", "gepseudonimiseerd.qdpx", "overeenstemming_p.docx"):
        with zipfile.ZipFile(out / archive) as z:
            texts += [
                z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".qde", ".txt"))
            ]
    leaks = collections.Counter(m.group() for text in texts for m in pattern.finditer(text))
    record(
        "names and schools of the study left in those files", str(sum(leaks.values())), f"{len(texts)} files searched"
    )
    copy, key = out / "gepseudonimiseerd.lobcoder", out / "sleutel.json"
    seconds, _ = cli("pseudonymise", "apply", project, "--out", copy, "--key", key, "--language", "nl")
    record("pseudonymise apply (copy + key)", seconds)
    record("codings whose text changed in the copy", str(changed_codings(project, copy)), "(no name is coded here)")


def changed_codings(project: Path, copy: Path) -> int:
    import sqlite3

    def coded(path: Path) -> dict[str, str]:
        db = sqlite3.connect(path)
        texts = dict(db.execute("select id, text from documents"))
        return {g: texts[d][s:e] for g, d, s, e in db.execute('select guid, document_id, start, "end" from codings')}

    before, after = coded(project), coded(copy)
    return sum(before[g] != after.get(g) for g in before)


def thesis(project: Path, out: Path) -> None:
    reports = {
        "citaten_per_meting.docx": ("quotes", "--codes", "Samen leren", "--per-code", 30, "--order-by", "meting"),
        "frequenties_school_meting.docx": ("frequencies", "--split-by", "school,meting", "--chart"),
        "co-occurrentie.docx": ("cooccurrence",),
        "woorden_samen_leren.docx": ("words", "--code", "Samen leren", "--order", "distinctive"),
    }
    for name, (kind, *options) in reports.items():
        seconds, _ = cli("report", kind, project, *options, "--language", "nl", "--out", out / name)
        record(f"Word: {kind}", seconds, pages(out / name))


def exchange(project: Path, out: Path, schemas: Path) -> None:
    from lxml import etree

    qdc, qdpx = out / "codeboek.qdc", out / "onderzoek.qdpx"
    seconds, _ = cli("codebook", "export", project, "--out", qdc, "--language", "nl")
    record("codebook .qdc export", seconds)
    seconds, _ = cli("project", "export", project, "--out", qdpx, "--language", "nl")
    record("project .qdpx export", seconds, f"{qdpx.stat().st_size / 1e6:.1f} MB")
    with zipfile.ZipFile(qdpx) as z:
        project_xml = z.read("project.qde")
    for xsd, data in (("Codebook.xsd", qdc.read_bytes()), ("Project.xsd", project_xml)):
        schema = etree.XMLSchema(etree.parse(str(schemas / xsd)))
        valid = schema.validate(etree.fromstring(data))
        record(f"valid against {xsd}", str(valid), str(schema.error_log.last_error or ""))
    back, empty = out / "uit-qdpx.lobcoder", out / "leeg.lobcoder"
    seconds, _ = cli("project", "import", qdpx, "--out", back)
    record(".qdpx into a new project", seconds)
    info = [cli("info", p)[1].splitlines()[1:] for p in (project, back)]
    differ = [f"{' '.join(a.split())} → {' '.join(b.split()[1:])}" for a, b in zip(*info, strict=True) if a != b]
    record("counts after the .qdpx round trip", "same" if not differ else "differ", "; ".join(differ))
    same = cli("agreement", project, "--language", "nl")[1] == cli("agreement", back, "--language", "nl")[1]
    record("agreement after the round trip", "same" if same else "DIFFERENT")
    cli("new", empty)
    seconds, _ = cli("codebook", "import", empty, qdc)
    record(".qdc into an empty project", seconds, cli("info", empty)[1].split("codes")[1].split()[0] + " codes")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("study", type=Path, help="folder written by workflow_corpus.py")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--schemas", type=Path, default=Path("/work/shared/refi"), help="Codebook.xsd and Project.xsd")
    parser.add_argument("--seed", type=int, default=7, help="as given to workflow_corpus.py")
    parser.add_argument("--scale", type=float, default=1.0, help="as given to workflow_corpus.py")
    args = parser.parse_args()
    if args.study.resolve().is_relative_to(args.out.resolve()):
        parser.error(f"--out {args.out} is emptied first and holds the study {args.study}; choose another folder")
    fresh_folder(args.out)  # emptied first: only a folder a benchmark made
    project = team(args.study, args.out)
    thesis(project, args.out)
    exchange(project, args.out, args.schemas)
    pseudonymise(project, args.out, args.seed, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
