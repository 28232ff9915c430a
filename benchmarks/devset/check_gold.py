#!/usr/bin/env python3
"""Check a devset facts.yaml against its source texts.

For every fact: each regex in `all` must match (re.search, re.I) each file in `sources`.
For every conflict: each regex in `all` must match at least one file listed in `values`.
For every trap: at least one `must_not` pattern must match the file(s) in `values` (it is a real error there).
Also: every file named exists, every section is wh/bg/wm, ids are unique.
usage: check_gold.py EVENT_DIR [EVENT_DIR ...]   (EVENT_DIR/facts.yaml and EVENT_DIR/inputs/<event>/*.txt; see README.md)
"""

import re
import sys
from pathlib import Path

import yaml

bad = 0
for ev in sys.argv[1:]:
    ev = Path(ev)
    g = yaml.safe_load((ev / "facts.yaml").read_text())
    src = ev / "inputs" / ev.name
    texts = {p.name: p.read_text() for p in src.glob("*.txt")}
    errs = []
    for kind in ("facts", "conflicts", "traps"):
        ids = [x["id"] for x in g.get(kind) or []]
        if len(set(ids)) != len(ids):
            errs.append(f"duplicate {kind} ids")
    for f in g["facts"]:
        if f["section"] not in ("wh", "bg", "wm"):
            errs.append(f"{f['id']}: bad section")
        for s in f["sources"]:
            if s not in texts:
                errs.append(f"{f['id']}: missing file {s}")
                continue
            for rx in f["all"]:
                if not re.search(rx, texts[s], re.I):
                    errs.append(f"fact {f['id']}: /{rx}/ does not match {s}")
    for c in g.get("conflicts", []):
        files = list(c["values"])
        for s in files:
            if s not in texts:
                errs.append(f"{c['id']}: missing file {s}")
        for rx in c["all"]:
            if not any(re.search(rx, texts.get(s, ""), re.I) for s in files):
                errs.append(f"conflict {c['id']}: /{rx}/ matches none of its files")
    for t in g.get("traps", []):
        for s in t.get("values", {}):
            if not any(re.search(rx, texts.get(s, ""), re.I) for rx in t["must_not"]):
                errs.append(f"trap {t['id']}: no must_not pattern matches {s}")
    secs = {k: sum(1 for f in g["facts"] if f["section"] == k) for k in ("wh", "bg", "wm")}
    used = sorted({s for f in g["facts"] for s in f["sources"]})
    print(
        f"{ev.name}: {len(texts)} files, {len(g['facts'])} facts {secs}, {len(g.get('conflicts', []))} conflicts, "
        f"{len(g.get('traps', []))} traps, files cited by facts: {len(used)}/{len(texts)} -> {'OK' if not errs else 'ERRORS'}"
    )
    for e in errs:
        print("   ", e)
    bad += len(errs)
sys.exit(1 if bad else 0)
