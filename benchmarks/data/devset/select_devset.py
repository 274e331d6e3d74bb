import csv, random, re
rows=list(csv.DictReader(open("sentences.tsv",encoding="utf-8"),delimiter="\t"))
ok=[r for r in rows if re.match(r"^[\"'‘“A-ZÀ-Ý]", r["text"]) and r["text"].rstrip()[-1] in ".?!’”\"'"]
small=[r for r in ok if not r["source"].startswith("001")]
big=[r for r in ok if r["source"].startswith("001")]
rng=random.Random(20261207)
pick=small+rng.sample(big, 520-len(small))
pick.sort(key=lambda r:r["id"])
print(len(ok),len(small),len(big),len(pick))
with open("devset_sentences.tsv","w",newline="",encoding="utf-8") as f:
    w=csv.writer(f,delimiter="\t"); w.writerow(["id","source","text"])
    for i,r in enumerate(pick): w.writerow([f"d{i:03d}",r["source"],r["text"]])
