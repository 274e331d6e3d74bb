"""Extract candidate sentences from ../shared/domain for the labelled development set."""
import csv, re, hashlib, random, pathlib
import spacy
nlp = spacy.blank("nl"); nlp.add_pipe("sentencizer")
rows = []
for path in sorted(pathlib.Path("/work/shared/domain").glob("*.txt")):
    raw = path.read_text(encoding="utf-8")
    paras = re.split(r"\n\s*\n", raw)
    for p in paras:
        p = re.sub(r"[•\t]+", " ", p)
        p = re.sub(r"-\s*\n\s*(?=[a-z])", "", p)  # hyphenated line breaks
        p = re.sub(r"\s+", " ", p).strip()
        if len(p) < 40: continue
        for s in nlp(p).sents:
            t = s.text.strip()
            words = t.split()
            if not (7 <= len(words) <= 60): continue
            if sum(c.isdigit() for c in t) > len(t) * 0.15: continue
            if not re.search(r"[a-z]{3}", t): continue
            if t.isupper(): continue
            rows.append((path.name, t))
seen=set(); out=[]
for src,t in rows:
    k=t.lower()
    if k in seen: continue
    seen.add(k); out.append((src,t))
print(len(out))
from collections import Counter; print(Counter(s for s,_ in out))
with open("sentences.tsv","w",newline="",encoding="utf-8") as f:
    w=csv.writer(f,delimiter="\t"); w.writerow(["id","source","text"])
    for i,(src,t) in enumerate(out):
        w.writerow([f"s{i:04d}",src,t])
