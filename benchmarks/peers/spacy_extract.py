"""The default pack's work done with spaCy's rule tools, for a same-run comparison.

A blank English pipeline (tokenizer only), a PhraseMatcher on lower-cased text
holding the same lexicons as rules/ (places, weapon models and nouns, titles,
organizations, first names) and a Matcher with token patterns like the pack's
casualty and quote rules; overlapping matches are resolved longest-first with
spacy.util.filter_spans, as Quarry resolves conflicts within a phase.

It is the same kind of work, not the same output: spaCy has no phases, no
attributes computed from captures, no transliteration or inflection of
Cyrillic names, so its result is a lower bound on what the comparison's work
would cost in spaCy.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import spacy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

LEXICONS = ["places.tsv", "places_major.tsv", "weapon_models.tsv", "weapon_nouns.tsv",
            "titles.tsv", "organizations.tsv", "first_names.tsv"]

PERSONS = ["people", "civilians", "residents", "children", "soldiers", "women", "men", "person", "man", "woman", "child"]
HARM = ["killed", "dead", "died", "injured", "wounded", "hurt", "missing", "casualties", "victims", "hospitalized"]
VERBS = ["killed", "killing", "injured", "injuring", "wounded", "wounding", "hurt"]


def phrases(rules_dir):
    for name in LEXICONS:
        path = Path(rules_dir) / "lexicons" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            yield name, line.split("\t")[0].strip()


def token_patterns():
    number = {"LIKE_NUM": True}
    return {
        "casualty_count_first": [[number, {"LOWER": {"IN": PERSONS}, "OP": "?"},
                                  {"LOWER": {"IN": ["were", "was", "have", "had", "been"]}, "OP": "*"},
                                  {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"IN": HARM}}]],
        "casualty_verb_first": [[{"LOWER": {"IN": VERBS}}, {"LOWER": {"IN": ["at", "least"]}, "OP": "*"}, number,
                                 {"LOWER": {"IN": PERSONS}, "OP": "?"}]],
        "casualty_toll": [[{"LOWER": "death"}, {"LOWER": "toll"}, {"IS_ALPHA": True, "OP": "*"}, number]],
        "casualty_none": [[{"LOWER": {"IN": ["no", "nobody"]}}, {"LOWER": {"IN": ["one", "was", "were"]}, "OP": "*"},
                           {"LOWER": {"IN": HARM + ["casualties", "injuries", "deaths"]}}]],
        "weapon_model": [[{"IS_UPPER": True}, {"ORTH": "-"}, {"IS_DIGIT": True}],
                         [{"IS_TITLE": True}, {"ORTH": "-"}, {"IS_DIGIT": True}]],
        "quote_said_after": [[{"ORTH": {"IN": ["“", "\"", "«"]}}, {"ORTH": {"NOT_IN": ["”", "\"", "»"]}, "OP": "+"},
                              {"ORTH": {"IN": ["”", "\"", "»"]}}, {"LOWER": {"IN": ["said", "says", "told", "wrote"]}},
                              {"IS_TITLE": True, "OP": "+"}]],
        "quote_speaker_first": [[{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["said", "says", "told", "wrote"]}},
                                 {"ORTH": ":", "OP": "?"}, {"ORTH": {"IN": ["“", "\"", "«"]}},
                                 {"ORTH": {"NOT_IN": ["”", "\"", "»"]}, "OP": "+"}, {"ORTH": {"IN": ["”", "\"", "»"]}}]],
        "according_to": [[{"LOWER": "according"}, {"LOWER": "to"}, {"IS_TITLE": True, "OP": "+"}]],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", help="JSONL {id, text} per line")
    parser.add_argument("--rules", default="rules")
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in Path(args.corpus).read_text(encoding="utf-8").splitlines() if line.strip()]
    size = sum(len(t.encode("utf-8")) for t in texts)

    start = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_lexicon = {}
    for name, phrase in phrases(args.rules):
        by_lexicon.setdefault(name, []).append(phrase)
    for name, items in by_lexicon.items():
        phrase_matcher.add(name, list(nlp.tokenizer.pipe(items)))
    matcher = Matcher(nlp.vocab)
    for name, patterns in token_patterns().items():
        matcher.add(name, patterns, greedy="LONGEST")
    setup = time.perf_counter() - start

    start = time.perf_counter()
    tokens = matches = 0
    for doc in nlp.pipe(texts, batch_size=64):
        tokens += len(doc)
        spans = [doc[s:e] for _, s, e in phrase_matcher(doc)] + [doc[s:e] for _, s, e in matcher(doc)]
        matches += len(filter_spans(spans))
    seconds = time.perf_counter() - start
    json.dump({"tool": "spacy " + spacy.__version__, "bytes": size, "setup_seconds": setup, "seconds": seconds,
               "tokens": tokens, "matches": matches}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
