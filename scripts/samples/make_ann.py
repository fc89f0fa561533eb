#!/usr/bin/env python3
"""Writes NAME.ann (brat standoff) from a hand-written NAME.labels beside NAME.txt.

A labels file has one annotation a line: Type<TAB>span text<TAB>attributes,
where attributes are `key=value` separated by `; ` (outcome and category become
brat A lines, the rest AnnotatorNotes). The span is the first occurrence of the
text after the previous label's start (labels go in document order); write
`text@N` to skip to the N-th occurrence from there. Offsets are code points.

Usage: python3 scripts/samples/make_ann.py samples/NAME.labels ...
"""
import sys

CATEGORICAL = {"outcome": "Outcome", "category": "Category"}


def convert(labels_path):
    base = labels_path[: -len(".labels")]
    text = open(base + ".txt", encoding="utf-8").read()
    out, cursor, n = [], 0, 0
    for number, line in enumerate(open(labels_path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        kind, span = fields[0], fields[1]
        attributes = fields[2] if len(fields) > 2 else ""
        skip = 1
        if "@" in span:
            span, skip = span.rsplit("@", 1)
            skip = int(skip)
        start = cursor - 1
        for _ in range(skip):
            start = text.find(span, start + 1)
            if start < 0:
                sys.exit(f"{labels_path}:{number}: span not found after offset {cursor}: {span!r}")
        end = start + len(span)
        cursor = start
        n += 1
        out.append(f"T{n}\t{kind} {start} {end}\t{span}")
        notes = []
        for pair in filter(None, (p.strip() for p in attributes.split(";"))):
            key, value = pair.split("=", 1)
            if key in CATEGORICAL:
                out.append(f"A{n}\t{CATEGORICAL[key]} T{n} {value}")
            else:
                notes.append(f"{key}={value}")
        if notes:
            out.append(f"#{n}\tAnnotatorNotes T{n}\t{'; '.join(notes)}")
    open(base + ".ann", "w", encoding="utf-8").write("\n".join(out) + "\n")


for path in sys.argv[1:]:
    convert(path)
