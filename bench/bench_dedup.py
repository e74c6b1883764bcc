"""Benchmark: near-duplicate paragraph detection (MinHash + LSH) over a million synthetic paragraphs.

    python bench/bench_dedup.py [--paragraphs 1000000] [--sample 10000] [--threshold 0.5]

Paragraphs are generated from Indonesian press-release sentence templates with random slots; a share of
them are planted near-duplicates of earlier ones (light rewording, a dateline, case and punctuation
changes). Prints the detection time and peak RSS (targets: < 60 s, < 2 GB on 2 cores), paragraphs/s,
recall on the planted duplicates, and the speed-up over an exact all-pairs baseline measured on a sample
in the same run (extrapolated quadratically to the full size). Not a test.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.dedup.minhash import (
    MinHashParams,
    candidate_pairs,
    connected_components,
    estimated_similarity,
    jaccard,
    shingle_hashes,
    shingle_set,
    signatures,
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


PLACES = _words(
    "Banjarmasin Banjarbaru Martapura Kandangan Barabai Amuntai Tanjung Paringin Rantau Pelaihari Kotabaru "
    "Batulicin Marabahan Serang Cilegon Pandeglang Lebak Tangerang Semarang Kendal Demak Kudus Pati Jepara "
    "Rembang Blora Grobogan Boyolali Klaten Sukoharjo Wonogiri Karanganyar Sragen Mataram Bima Dompu Sumbawa "
    "Lombok Makassar Gowa Maros Bone Wajo Soppeng Sidrap Pinrang Enrekang Luwu Palopo Tanjungpinang Batam "
    "Bintan Karimun Natuna Lingga Anambas Pontianak Sambas Bengkayang Landak Sanggau Sekadau Sintang Kapuas"
)
PEOPLE = _words(
    "Muhidin Usman Rahmat Suparno Hasanah Aminah Sulaiman Rusdi Hendra Wahyudi Sri Wahyuni Bambang Yusuf "
    "Nurhayati Ahmad Fauzi Abdul Rahman Siti Aisyah Joko Susanto Rina Marlina Dedi Kurniawan Agus Salim "
    "Fitri Handayani Budi Santoso Lukman Hakim Ratna Dewi Taufik Hidayat Irwan Syah Nanang Kosim Maria Ulfa"
)
ORGS = (
    "LKKS", "Forum LKS", "Dinas Sosial", "LKSA Al-Ikhlas", "Panti Asuhan Budi Mulia", "PSAA Harapan Bangsa",
    "Yayasan Peduli Sesama", "Karang Taruna", "Tagana", "PKH", "TKSK", "Pekerja Sosial Masyarakat",
)
EVENTS = (
    "pelantikan pengurus", "rapat koordinasi", "musyawarah daerah", "bimbingan teknis", "akreditasi lembaga",
    "penyaluran bantuan", "kunjungan kerja", "sosialisasi program", "pelatihan kader", "monitoring dan evaluasi",
)
ROLES = (
    "Gubernur", "Wakil Gubernur", "Bupati", "Wakil Bupati", "Wali Kota", "Sekretaris Daerah", "Kepala Dinas Sosial",
    "Ketua LKKS", "Ketua Forum LKS", "Asisten Bidang Kesejahteraan Rakyat", "Anggota DPRD",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
TEMPLATES = (
    "{role} {person} {verb} kegiatan {event} {org} {place} yang berlangsung di aula kantor {place2} pada {day} ({d}/{m}/2025).",
    "Dalam sambutannya {person} mengatakan {org} memiliki peran penting dalam menangani masalah sosial di {place}.",
    "Sebanyak {n} peserta dari {n2} lembaga kesejahteraan sosial mengikuti {event} tersebut dengan antusias.",
    "Ia berharap {org} {place} dapat bersinergi dengan pemerintah daerah untuk menekan angka kemiskinan.",
    "Menurut {person}, anggaran sebesar Rp{n}{n2}.000.000 telah disiapkan untuk mendukung program {event}.",
    "Kegiatan ini juga dihadiri {role} {place2} {person2} beserta jajaran pengurus {org} se-{place}.",
    "{person2} menambahkan bahwa pihaknya akan terus melakukan pendampingan kepada {n} keluarga penerima manfaat.",
    "Para peserta mendapatkan materi tentang tata kelola lembaga, pelaporan keuangan dan perlindungan anak.",
    "Pemerintah {place} menargetkan seluruh {org} terakreditasi paling lambat akhir tahun {year}.",
    "Usai acara, rombongan meninjau langsung kondisi {n} anak asuh di {org} {place2}.",
    "{role} {person} meminta agar data penerima bantuan diperbarui setiap {n2} bulan sekali.",
    "Hingga {day} ini tercatat {n} lembaga yang telah terdaftar di Dinas Sosial {place}.",
)
VERBS = ("membuka", "menghadiri", "memimpin", "meresmikan", "meninjau", "mengikuti")
FILLER = (
    "selain itu", "lebih lanjut", "oleh karena itu", "di sisi lain", "sementara itu", "dengan demikian",
    "pada kesempatan tersebut", "secara bertahap", "ke depan", "bersama masyarakat",
)


def _lexicon(rng: np.random.Generator, size: int = 6000) -> list[str]:
    """Pseudo-Indonesian words from common syllables: the free text between the template phrases."""
    syllables = _words("ba be bi bu da de di du ka ke ki ku la le li lu ma me mi mu na ne ni nu pa pe pi pu ra re ri "
                 "ru sa se si su ta te ti tu ng an ang kan lah nya per ter ber mem pen")
    words = {"".join(syllables[i] for i in rng.integers(0, len(syllables), size=int(rng.integers(2, 5))))
             for _ in range(size)}
    return sorted(words)


class Generator:
    """Template sentences with random slots, each followed by a clause of free words."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.lexicon = _lexicon(self.rng)

    def paragraphs(self, count: int) -> list[str]:
        """`count` paragraphs of two to four sentences (random numbers drawn in bulk: generation is slow)."""
        rng = self.rng
        sentences_per = rng.integers(2, 5, size=count)
        total = int(sentences_per.sum())
        templates = rng.integers(0, len(TEMPLATES), size=total).tolist()
        picks = rng.integers(0, 1_000_000, size=(total, 16))
        clause_lengths = picks[:, 14] % 6 + 3
        words = [self.lexicon[i] for i in rng.integers(0, len(self.lexicon), size=int(clause_lengths.sum()))]
        clause_starts = (np.cumsum(clause_lengths) - clause_lengths).tolist()
        sentences = []
        for row, (template, pick, start, length) in enumerate(
                zip(templates, picks.tolist(), clause_starts, clause_lengths.tolist(), strict=True)):
            sentence = TEMPLATES[template].format(
                role=ROLES[pick[0] % len(ROLES)], person=PEOPLE[pick[1] % len(PEOPLE)],
                person2=PEOPLE[pick[2] % len(PEOPLE)], verb=VERBS[pick[3] % len(VERBS)],
                event=EVENTS[pick[4] % len(EVENTS)], org=ORGS[pick[5] % len(ORGS)],
                place=PLACES[pick[6] % len(PLACES)], place2=PLACES[pick[7] % len(PLACES)],
                day=DAYS[pick[8] % len(DAYS)], d=pick[9] % 28 + 1, m=pick[10] % 12 + 1, n=pick[11] % 900 + 10,
                n2=pick[12] % 90 + 2, year=2025 + pick[13] % 5)
            if pick[15] % 3 == 0:
                sentence = f"{FILLER[row % len(FILLER)].capitalize()}, {sentence[0].lower()}{sentence[1:]}"
            sentences.append(f"{sentence[:-1]}, {' '.join(words[start:start + length])}.")
        bounds = np.cumsum(sentences_per).tolist()
        return [" ".join(sentences[a:b]) for a, b in zip([0, *bounds[:-1]], bounds, strict=True)]


def _variant(text: str, rng: np.random.Generator) -> str:
    """A syndicated copy: a few word edits, sometimes a dateline, case and punctuation noise."""
    words = text.split()
    for _ in range(int(rng.integers(0, 4))):
        position = int(rng.integers(0, len(words)))
        operation = int(rng.integers(0, 3))
        if operation == 0:
            words[position] = PLACES[int(rng.integers(0, len(PLACES)))]
        elif operation == 1 and len(words) > 5:
            del words[position]
        else:
            words.insert(position, FILLER[int(rng.integers(0, len(FILLER)))].split()[0])
    out = " ".join(words)
    if rng.random() < 0.3:
        out = f"{PLACES[int(rng.integers(0, len(PLACES)))].upper()} (ANTARA) - {out}"
    if rng.random() < 0.3:
        out = out.replace(",", "").replace(".", " .")
    if rng.random() < 0.2:
        out = out.upper()
    return out


def corpus(size: int, planted_share: float, seed: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Paragraphs and the planted (original, copy) index pairs; a copy always follows its original."""
    generator = Generator(seed)
    rng = generator.rng
    is_copy = rng.random(size) < planted_share
    is_copy[0] = False
    fresh = (text for start in range(0, int((~is_copy).sum()), 10_000)
             for text in generator.paragraphs(min(10_000, int((~is_copy).sum()) - start)))
    texts: list[str] = []
    planted: list[tuple[int, int]] = []
    originals: list[int] = []
    for index, copy in enumerate(is_copy.tolist()):
        if copy:
            source = originals[int(rng.integers(0, len(originals)))]
            texts.append(_variant(texts[source], rng))
            planted.append((source, index))
        else:
            texts.append(next(fresh))
            originals.append(index)
    return texts, planted


def brute_force(texts: Sequence[str], threshold: float, params: MinHashParams) -> tuple[set[tuple[int, int]], float]:
    """Exact Jaccard over every pair of texts (sparse incidence product); returns pairs and seconds."""
    from scipy import sparse  # type: ignore[import-untyped]  # via datasketch (dev extra); baseline only

    started = time.perf_counter()
    hashes, owner = shingle_hashes(texts, params)
    _, columns = np.unique(hashes, return_inverse=True)
    incidence = sparse.csr_matrix((np.ones(len(columns), dtype=np.float32), (owner, columns)),
                                  shape=(len(texts), int(columns.max()) + 1 if len(columns) else 0))
    incidence.sum_duplicates()
    incidence.data[:] = 1.0  # a shingle repeated in one text counts once
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    found: set[tuple[int, int]] = set()
    for start in range(0, len(texts), 1000):
        common = (incidence[start:start + 1000] @ incidence.T).tocoo()
        rows, cols = common.row + start, common.col
        union = sizes[rows] + sizes[cols] - common.data
        keep = (rows < cols) & (common.data >= threshold * union)
        found.update(zip(rows[keep].tolist(), cols[keep].tolist(), strict=True))
    return found, time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    """Generate, detect, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--paragraphs", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=10_000)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--planted", type=float, default=0.1, help="share of paragraphs that are copies")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    params = MinHashParams(num_perm=64, rows=4)

    started = time.perf_counter()
    texts, planted = corpus(args.paragraphs, args.planted, args.seed)
    generated = time.perf_counter() - started
    print(f"generated {len(texts):,} paragraphs ({len(planted):,} planted copies) in {generated:.1f} s")

    rss_before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    phases: dict[str, float] = {}
    started = last = time.perf_counter()
    # The steps of minhash.near_duplicates, timed one by one.
    signature, _ = signatures(texts, params=params)
    phases["signatures"], last = time.perf_counter() - last, time.perf_counter()
    candidates = candidate_pairs(signature, params)
    phases["lsh"], last = time.perf_counter() - last, time.perf_counter()
    pairs = candidates[estimated_similarity(signature, candidates) >= args.threshold]
    phases["verify"], last = time.perf_counter() - last, time.perf_counter()
    labels = connected_components(len(texts), pairs)
    phases["components"] = time.perf_counter() - last
    elapsed = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del signature
    planted_array = np.array(planted, dtype=np.int64).reshape(-1, 2)
    clustered = labels[planted_array[:, 0]] == labels[planted_array[:, 1]]
    pair_keys = set(map(tuple, pairs.tolist()))
    direct = sum((a, b) in pair_keys for a, b in planted)
    print(f"detection: {elapsed:.1f} s, {len(texts) / elapsed:,.0f} paragraphs/s, peak RSS {rss_mb:,.0f} MB "
          f"(ru_maxrss; {rss_before_mb:,.0f} MB after generating the corpus), {params.num_perm} hashes in "
          f"{params.bands} bands x {params.rows} rows, threshold {args.threshold}")
    print("  phases: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
          + f"; {len(candidates):,} LSH candidates")
    print(f"found {len(pairs):,} similar pairs in {len(np.unique(labels)):,} clusters; recall on planted copies: "
          f"{clustered.mean():.4f} same cluster, {direct / max(1, len(planted)):.4f} as a direct pair")

    def exact_similar(index_pairs: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        return np.array([jaccard(shingle_set([texts[a]], params), shingle_set([texts[b]], params)) >= args.threshold
                         for a, b in index_pairs.tolist()], dtype=np.bool_)

    rng = np.random.default_rng(args.seed + 2)
    checked = planted_array[rng.choice(len(planted_array), size=min(5000, len(planted_array)), replace=False)]
    similar = exact_similar(checked)
    hit = labels[checked[:, 0]] == labels[checked[:, 1]]
    rest = f"{hit[~similar].mean():.4f}" if (~similar).any() else "n/a"
    print(f"  of {len(checked):,} planted copies checked exactly, {similar.mean():.3f} have Jaccard >= "
          f"{args.threshold}; recall on those {hit[similar].mean():.4f}, on the rest {rest}")
    found_checked = pairs[rng.choice(len(pairs), size=min(5000, len(pairs)), replace=False)]
    print(f"  precision of the found pairs (exact Jaccard >= {args.threshold} on {len(found_checked):,} of them): "
          f"{exact_similar(found_checked).mean():.4f}")

    sample_size = min(args.sample, len(texts))
    sample = np.random.default_rng(args.seed + 1).choice(len(texts), size=sample_size, replace=False)
    sample.sort()
    sample_texts = [texts[i] for i in sample]
    exact, brute_seconds = brute_force(sample_texts, args.threshold, params)
    started = time.perf_counter()
    signature, _ = signatures(sample_texts, params=params)
    candidates = candidate_pairs(signature, params)
    verified = candidates[estimated_similarity(signature, candidates) >= args.threshold]
    lsh_seconds = time.perf_counter() - started
    lsh_found = set(map(tuple, verified.tolist()))
    hits = len(lsh_found & exact)
    projected = brute_seconds * (len(texts) / sample_size) ** 2
    print(f"baseline on a {sample_size:,} sample: exact all-pairs {brute_seconds:.2f} s vs MinHash+LSH "
          f"{lsh_seconds:.2f} s ({brute_seconds / max(lsh_seconds, 1e-9):.1f}x); {len(exact):,} pairs at "
          f"Jaccard >= {args.threshold}, LSH recall {hits / max(1, len(exact)):.3f}, "
          f"precision {hits / max(1, len(lsh_found)):.3f}")
    print(f"all-pairs projected to {len(texts):,} paragraphs: {projected:,.0f} s "
          f"({projected / elapsed:,.0f}x the MinHash+LSH run)")
    ok = elapsed < 60 and rss_mb < 2048
    print("targets (< 60 s, < 2 GB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
