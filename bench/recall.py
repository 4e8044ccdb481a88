#!/usr/bin/env python3
"""Recall of a scriptlint JSON report against the corpus manifest.

usage: recall.py MANIFEST REPORT CORPUS_ROOT
Prints planted, found, missed and unplanted counts, and the first misses.
"""
import json
import os
import sys


def main() -> int:
    manifest_path, report_path, root = sys.argv[1:4]
    with open(manifest_path, encoding="utf-8") as f:
        planted = {(os.path.join(root, p["path"]), p["byte_start"], p["byte_end"]): p for p in json.load(f)}
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    found = {(d["path"], d["byte_start"], d["byte_end"]) for d in report["diagnostics"]}
    missed = [planted[k] for k in planted if k not in found]
    unplanted = sorted(k for k in found if k not in planted)
    recall = 100.0 * (len(planted) - len(missed)) / max(len(planted), 1)
    print(f"planted={len(planted)} found={len(planted) - len(missed)} missed={len(missed)} "
          f"unplanted={len(unplanted)} recall={recall:.2f}%")
    for m in missed[:5]:
        print(f"  missed {m['path']} {m['byte_start']}..{m['byte_end']} {m['text']!r}")
    for u in unplanted[:5]:
        print(f"  unplanted {u}")
    return 0 if not missed and not unplanted else 1


if __name__ == "__main__":
    sys.exit(main())
