#!/usr/bin/env python3
"""Grows a .jsonl.gz corpus k times for the scaling benchmark: copy r of every article gets the id
suffix ~r<r> and its date and datetime shifted r spans of the corpus later (so periods grow, not just
volume). Copies are exact text duplicates: run the pipeline with near-duplicate detection off
(--dup-similarity 2) on them, or it will rightly cluster each story with its copies.

    bench/replicate.py <corpus folder> <factor> <output folder>
"""
import datetime as dt
import gzip
import json
import pathlib
import sys

src, factor, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
files = sorted(src.glob("*.jsonl.gz"))
span = dt.timedelta(days=105)  # egypt-news-2013: 2012-12-12 .. 2013-03-26
for r in range(factor):
    shift = span * r
    for f in files:
        target = out / f"r{r:02d}-{f.name}"
        if target.exists():
            continue
        tmp = target.with_suffix(".tmp")
        with gzip.open(f, "rt", encoding="utf-8") as fin, gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as fout:
            for line in fin:
                rec = json.loads(line)
                if r:
                    rec["id"] = f"{rec['id']}~r{r}"
                    if rec.get("date"):
                        rec["date"] = (dt.date.fromisoformat(rec["date"]) + shift).isoformat()
                    if rec.get("datetime"):
                        rec["datetime"] = (dt.datetime.fromisoformat(rec["datetime"]) + shift).isoformat()
                fout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        tmp.rename(target)
print(f"{out}: {factor} x {len(files)} files")
