"""Runs Quarry and spaCy over the same corpus in the same run and prints the ratio.

Both are timed the same way, end to end over the whole corpus on one core:
Quarry as `quarry extract --jobs 1` (reading, compiling the pack, writing
JSONL), spaCy as the processing loop of spacy_extract.py (pipeline and
matcher setup reported apart and not counted).
"""
import json
import subprocess
import sys
import time
from pathlib import Path

root = Path(__file__).resolve().parents[2]
corpus, python = sys.argv[1], sys.argv[2]
size = Path(corpus).stat().st_size

start = time.perf_counter()
quarry = subprocess.run([str(root / ".build/release/quarry"), "extract", "--jobs", "1", "--input-format", "jsonl", corpus],
                        check=True, stdout=subprocess.PIPE).stdout
quarry_seconds = time.perf_counter() - start
quarry_records = quarry.count(b"\n")

spacy_run = json.loads(subprocess.run([python, str(root / "benchmarks/peers/spacy_extract.py"), "--rules", str(root / "rules"), corpus],
                                      check=True, stdout=subprocess.PIPE).stdout)

mb = size / 1e6
print(f"corpus: {corpus} ({mb:.1f} MB)")
print(f"quarry (default pack, end to end): {quarry_seconds:8.2f} s  {mb / quarry_seconds:7.2f} MB/s  {quarry_records} records")
print(f"{spacy_run['tool']} (Matcher + PhraseMatcher): {spacy_run['seconds']:8.2f} s  {mb / spacy_run['seconds']:7.2f} MB/s  "
      f"{spacy_run['matches']} matches  (+{spacy_run['setup_seconds']:.2f} s setup)")
print(f"ratio quarry / spacy (throughput): {spacy_run['seconds'] / quarry_seconds:.2f}")
