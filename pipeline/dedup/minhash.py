"""Vectorised word shingling, one-permutation MinHash and LSH banding for near-duplicate text.

Everything here works on whole batches with numpy, because the nightly warehouse and the paragraph benchmark
hash millions of shingles: per-document Python loops (or datasketch's per-document objects) cost tens of
seconds where these array passes cost a few. All hashing is seeded and independent of Python's salted
`hash()`, so signatures persisted today stay comparable with those computed next month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

_EMPTY = np.uint32(0xFFFFFFFF)  # marks an empty bin; real values have 31 bits, so they never equal it
_VALUE_BITS = 31
_POLY = 0x9E3779B97F4A7C15
_SHINGLE_STEP = np.uint64(0xD6E8FEB86659FD93)
_TAIL_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)  # keep the first n bytes
_CHUNK_BYTES = 4_000_000  # text per batch: keeps the uint64 temporaries near 150 MB


@dataclass(frozen=True, slots=True)
class MinHashParams:
    """Shingle size, signature width, LSH banding and seed; `method` names them for persisted signatures."""

    shingle_words: int = 3
    num_perm: int = 256
    rows: int = 4
    seed: int = 20250101

    def __post_init__(self) -> None:
        if self.num_perm < 2 or self.num_perm & (self.num_perm - 1) or self.num_perm > 256:
            raise ValueError("num_perm must be a power of two between 2 and 256")
        if not 1 <= self.rows <= self.num_perm:
            raise ValueError("rows must be between 1 and num_perm")
        if self.shingle_words < 1:
            raise ValueError("shingle_words must be positive")

    @property
    def bands(self) -> int:
        """LSH bands: as many whole bands of `rows` values as the signature holds."""
        return self.num_perm // self.rows

    @property
    def method(self) -> str:
        """A label that changes whenever signatures computed with these parameters would differ."""
        return f"oph1-w{self.shingle_words}-k{self.num_perm}-s{self.seed}"

    def candidate_probability(self, jaccard: float) -> float:
        """Chance that two texts of this Jaccard similarity share at least one LSH band."""
        return float(1.0 - (1.0 - jaccard**self.rows) ** self.bands)


def mix64(values: U64) -> U64:
    """splitmix64 finaliser: spreads every input bit over all 64 output bits."""
    x = values ^ (values >> np.uint64(30))
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def _is_word(data: npt.NDArray[np.uint8]) -> Bools:
    """Which bytes belong to words: ASCII letters, digits, `_`, and non-ASCII (UTF-8) letters."""
    is_word = ((data | np.uint8(0x20)) - np.uint8(97) < 26) | (data - np.uint8(48) < 10) | (data == 95) | (data >= 128)
    # Typographic punctuation is multi-byte UTF-8 (“ ” – — … in U+2000-U+206F, NBSP « » in U+00A0-U+00BF):
    # it must split words like ASCII punctuation does, or “LKKS and LKKS would be different words.
    leads = np.flatnonzero(data >= 0xC2)
    leads = leads[leads + 1 < len(data)]
    lead, follower = data[leads], data[leads + 1]
    general = leads[(lead == 0xE2) & ((follower == 0x80) | (follower == 0x81))]
    latin = leads[(lead == 0xC2) & (follower >= 0xA0) & (follower <= 0xBF)]
    for starts, width in ((general, 3), (latin, 2)):
        for offset in range(width):
            is_word[np.minimum(starts + offset, len(data) - 1)] = False
    return is_word


def _ascii_lower(blocks: U64) -> U64:
    """Lowercase the ASCII capitals among the eight bytes of each block (SWAR), leaving other bytes alone."""
    low7 = blocks & np.uint64(0x7F7F7F7F7F7F7F7F)
    above_z = low7 + np.uint64(0x2525252525252525)  # high bit set where the byte is > 'Z'
    from_a = low7 + np.uint64(0x3F3F3F3F3F3F3F3F)  # high bit set where the byte is >= 'A'
    upper = (from_a ^ above_z) & ~blocks & np.uint64(0x8080808080808080)
    return blocks | (upper >> np.uint64(2))


def _word_hashes(texts: Sequence[str]) -> tuple[U64, I64, I64]:
    """Seedless 64-bit hash of every normalised word, the text it stands in, and where that text's words end."""
    encoded = [t.replace("\x00", " ").encode("utf-8", "replace") for t in texts]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    text_starts = np.cumsum(lengths + 1) - (lengths + 1)
    data = np.frombuffer(bytes(1) + b"\x00".join(encoded) + bytes(8), dtype=np.uint8)
    is_word = _is_word(data)
    is_word[0] = False
    is_word[-8:] = False  # the padding only lets the 8-byte reads below run past the last word
    boundaries = np.flatnonzero(is_word[1:] != is_word[:-1]) + 1
    starts, ends = boundaries[0::2], boundaries[1::2]
    # Each word is read as 8-byte little-endian blocks (unaligned views of the buffer), masked to its length.
    blocks = np.ndarray(shape=(len(data) - 7,), dtype="<u8", buffer=data.data, strides=(1,))
    word_lengths = (ends - starts).astype(np.uint64)
    hashes = mix64(_ascii_lower(blocks[starts]) & _TAIL_MASKS[np.minimum(word_lengths, 8)])
    selected = np.flatnonzero(word_lengths > 8)
    block = 1
    while len(selected):
        remaining = word_lengths[selected] - np.uint64(8 * block)
        word_block = _ascii_lower(blocks[starts[selected] + 8 * block]) & _TAIL_MASKS[np.minimum(remaining, 8)]
        hashes[selected] = mix64(hashes[selected] * np.uint64(_POLY) ^ word_block)
        block += 1
        selected = selected[remaining > 8]
    first_word = np.searchsorted(starts, text_starts + 1)
    words_per_text = np.diff(np.append(first_word, len(starts)))
    text_index = np.repeat(np.arange(len(texts), dtype=np.int64), words_per_text)
    text_end = np.repeat(first_word + words_per_text, words_per_text)
    return mix64(hashes ^ (word_lengths * np.uint64(0x100000001B3))), text_index, text_end


def _shingles(words: U64, text_index: I64, text_end: I64, size: int, seed: int) -> tuple[U64, I64]:
    """Hashes of the word `size`-grams inside each text (a shorter text gives one shingle of all its words)."""
    count = len(words)
    full = max(count - size + 1, 0)
    combined = words[:full].copy()
    for offset in range(1, size):
        combined = combined * _SHINGLE_STEP + words[offset:full + offset]
    whole = np.arange(full) + size <= text_end[:full]
    first_of_text = np.ones(count, dtype=np.bool_)
    first_of_text[1:] = text_index[1:] != text_index[:-1]
    short = np.flatnonzero(first_of_text & (text_end - np.arange(count) < size))
    partial = words[short]
    for offset in range(1, size - 1):
        inside = short + offset < text_end[short]
        partial = np.where(inside, partial * _SHINGLE_STEP + words[np.minimum(short + offset, count - 1)], partial)
    hashes = np.concatenate([combined[whole], partial])
    owners = np.concatenate([text_index[:full][whole], text_index[short]])
    return mix64(hashes ^ np.uint64(seed)), owners


def shingle_hashes(texts: Sequence[str], params: MinHashParams) -> tuple[U64, I64]:
    """Every word shingle of the texts as (hash, text index); shingles never cross from one text to the next."""
    words, text_index, text_end = _word_hashes(texts)
    return _shingles(words, text_index, text_end, params.shingle_words, params.seed)


def shingle_set(paragraphs: Sequence[str], params: MinHashParams) -> U64:
    """The sorted distinct shingle hashes of one document made of these paragraphs."""
    hashes, _ = shingle_hashes(paragraphs, params)
    return np.unique(hashes)


def jaccard(first: U64, second: U64) -> float:
    """Exact Jaccard similarity of two sorted distinct hash sets (1.0 for two empty sets)."""
    if len(first) == 0 and len(second) == 0:
        return 1.0
    common = len(np.intersect1d(first, second, assume_unique=True))
    return common / (len(first) + len(second) - common)


def _densify(signature: U32, seed: int) -> None:
    """Fill empty bins in place by optimal densification: each borrows from a seeded sequence of other bins."""
    width = signature.shape[1]
    filled = (signature != _EMPTY).reshape(-1)
    usable = np.repeat(filled.reshape(-1, width).any(axis=1), width)
    cells = np.flatnonzero(~filled & usable)
    flat = signature.reshape(-1)
    bins = cells & (width - 1)
    row_start = cells - bins
    attempt = 0
    while len(cells):
        attempt += 1
        # The donor depends on (bin, attempt) only, never on the document, so documents with the same
        # filled bins borrow identically: that is what keeps collision probability equal to Jaccard.
        donor_of_bin = (mix64(np.arange(width, dtype=np.uint64) * np.uint64(0x100000001B3)
                              + np.uint64(attempt) + np.uint64(seed)) % np.uint64(width)).astype(np.int64)
        donors = row_start + donor_of_bin[bins]
        found = filled[donors]
        flat[cells[found]] = flat[donors[found]]
        cells, bins, row_start = cells[~found], bins[~found], row_start[~found]


def _chunks(owners: I64, texts: Sequence[str]) -> list[tuple[int, int]]:
    """Text ranges of about _CHUNK_BYTES that never split one document's texts."""
    if not len(texts):
        return []
    sizes = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
    doc_ends = np.append(np.flatnonzero(owners[1:] != owners[:-1]) + 1, len(texts))
    ranges: list[tuple[int, int]] = []
    start = 0
    while start < len(texts):
        before = int(sizes[start - 1]) if start else 0
        wanted = int(np.searchsorted(sizes, before + _CHUNK_BYTES)) + 1
        stop = int(doc_ends[min(int(np.searchsorted(doc_ends, wanted)), len(doc_ends) - 1)])
        ranges.append((start, stop))
        start = stop
    return ranges


def signatures(texts: Sequence[str], owners: Sequence[int] | I64 | None = None, *,
               params: MinHashParams | None = None) -> tuple[U32, I64]:
    """MinHash signatures (one row per document) and distinct-shingle counts.

    `owners[i]` is the document of `texts[i]` (non-decreasing, documents numbered 0..n-1); without it every
    text is its own document. One-permutation hashing with densification: one hash per shingle instead of
    `num_perm`, which is what makes a million paragraphs fit in seconds. A document without words gets an
    all-empty row and a count of 0.
    """
    params = params or MinHashParams()
    owner_array = np.arange(len(texts), dtype=np.int64) if owners is None else np.asarray(owners, dtype=np.int64)
    if len(owner_array) != len(texts):
        raise ValueError("owners must give one document per text")
    if len(owner_array) and np.any(np.diff(owner_array) < 0):
        raise ValueError("owners must be non-decreasing: a document's texts stand together")
    n_docs = int(owner_array[-1]) + 1 if len(owner_array) else 0
    width = params.num_perm
    bin_bits = width.bit_length() - 1
    result = np.full((n_docs, width), _EMPTY, dtype=np.uint32)
    counts = np.zeros(n_docs, dtype=np.int64)
    for start, stop in _chunks(owner_array, texts):
        hashes, text_index = shingle_hashes(texts[start:stop], params)
        if len(hashes) == 0:
            continue
        first_doc = int(owner_array[start])
        local_doc = (owner_array[start:stop][text_index] - first_doc).astype(np.uint64)
        bins = hashes & np.uint64(width - 1)
        values = hashes >> np.uint64(64 - _VALUE_BITS)
        keys = (local_doc << np.uint64(bin_bits + _VALUE_BITS)) | (bins << np.uint64(_VALUE_BITS)) | values
        keys.sort()
        distinct = np.ones(len(keys), dtype=np.bool_)
        distinct[1:] = keys[1:] != keys[:-1]
        slot = keys >> np.uint64(_VALUE_BITS)  # document and bin
        first = np.ones(len(keys), dtype=np.bool_)
        first[1:] = slot[1:] != slot[:-1]
        block = result[first_doc:int(owner_array[stop - 1]) + 1]
        flat = block.reshape(-1)
        flat[slot[first].astype(np.int64)] = (keys[first] & np.uint64((1 << _VALUE_BITS) - 1)).astype(np.uint32)
        counts[first_doc:first_doc + len(block)] += np.bincount(
            (keys[distinct] >> np.uint64(bin_bits + _VALUE_BITS)).astype(np.int64), minlength=len(block))
        _densify(block, params.seed)
    return result, counts


def _band_keys(band_values: U32) -> U64:
    """One 64-bit key per row for the values of one band (equal keys: equal values, barring collisions)."""
    key = np.zeros(len(band_values), dtype=np.uint64)
    for column in range(band_values.shape[1]):
        key = mix64(key * np.uint64(0x100000001B3) + band_values[:, column].astype(np.uint64))
    return key


def candidate_pairs(signature: U32, params: MinHashParams, *, max_neighbours: int = 8) -> I64:
    """Document pairs (i < j, sorted, distinct) that share at least one LSH band.

    In a bucket larger than `max_neighbours + 1` (a template or a wire story printed hundreds of times) each
    document is paired with its next `max_neighbours` bucket members only: the clusters still connect
    through the chain, and the pair count stays linear instead of quadratic.
    """
    usable = np.flatnonzero(signature[:, 0] != _EMPTY)
    found: list[I64] = []
    for band in range(params.bands):
        keys = _band_keys(signature[usable, band * params.rows:(band + 1) * params.rows])
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        shared = np.zeros(len(keys), dtype=np.bool_)
        if len(keys) > 1:
            same_as_next = sorted_keys[1:] == sorted_keys[:-1]
            shared[1:] |= same_as_next
            shared[:-1] |= same_as_next
        members = usable[order[shared]]
        member_keys = sorted_keys[shared]
        for distance in range(1, max_neighbours + 1):
            if distance >= len(members):
                break
            same = member_keys[distance:] == member_keys[:-distance]
            if not same.any():
                break
            left, right = members[:-distance][same], members[distance:][same]
            found.append(np.minimum(left, right) * len(signature) + np.maximum(left, right))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    encoded = np.unique(np.concatenate(found))
    return np.stack([encoded // len(signature), encoded % len(signature)], axis=1)


def estimated_similarity(signature: U32, pairs: I64, *, block: int = 262_144) -> F64:
    """MinHash estimate of the Jaccard similarity of each pair: the share of equal signature values."""
    out = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), block):
        part = pairs[start:start + block]
        out[start:start + block] = (signature[part[:, 0]] == signature[part[:, 1]]).mean(axis=1)
    return out


def connected_components(n: int, pairs: I64) -> I64:
    """Component label of every node: the smallest node index of its component (order-independent)."""
    labels = np.arange(n, dtype=np.int64)
    if len(pairs) == 0:
        return labels
    left, right = pairs[:, 0], pairs[:, 1]
    while True:
        low = np.minimum(labels[left], labels[right])
        updated = labels.copy()
        for side in (left, right):
            np.minimum.at(updated, labels[side], low)
            np.minimum.at(updated, side, low)
        while True:
            jumped = updated[updated]
            if np.array_equal(jumped, updated):
                break
            updated = jumped
        if np.array_equal(updated, labels):
            return labels
        labels = updated


def near_duplicates(texts: Sequence[str], *, threshold: float = 0.5,
                    params: MinHashParams | None = None) -> tuple[I64, F64, I64]:
    """Near-duplicate texts: verified pairs, their estimated similarity, and a cluster label per text."""
    params = params or MinHashParams()
    signature, _ = signatures(texts, params=params)
    pairs = candidate_pairs(signature, params)
    similarity = estimated_similarity(signature, pairs)
    keep = similarity >= threshold
    return pairs[keep], similarity[keep], connected_components(len(texts), pairs[keep])
