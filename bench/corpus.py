"""Synthetic but realistic Indonesian news pages in several site layouts, for the benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass

PLACES = [("Kabupaten Kendal", "Jawa Tengah"), ("Kota Banjarmasin", "Kalimantan Selatan"),
          ("Kabupaten Bireuen", "Aceh"), ("Kota Serang", "Banten"), ("Kabupaten Gowa", "Sulawesi Selatan"),
          ("Kabupaten Lombok Timur", "Nusa Tenggara Barat"), ("Kota Kupang", "Nusa Tenggara Timur"),
          ("Kabupaten Sleman", "Daerah Istimewa Yogyakarta"), ("Kota Padang", "Sumatera Barat"),
          ("Kabupaten Jember", "Jawa Timur")]
NAMES = ["Siti Rahmawati", "Ahmad Fauzi", "Dewi Lestari", "Budi Santoso", "Rina Marlina", "Hendra Gunawan",
         "Yusuf Maulana", "Nur Aini", "Agus Salim", "Maria Ulfa"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
EVENTS = [("melantik pengurus Lembaga Koordinasi Kesejahteraan Sosial (LKKS)", "pelantikan"),
          ("menggelar rapat koordinasi (rakor) Lembaga Kesejahteraan Sosial (LKS)", "rakor"),
          ("membuka bimbingan teknis bagi pengurus LKS", "bimtek"),
          ("menyalurkan bantuan kepada panti asuhan dan LKSA", "bantuan"),
          ("menggelar musyawarah daerah (musda) LKKS", "musda")]
FILLER = [
    "Menurutnya, sinergi antara pemerintah daerah dan lembaga sosial menjadi kunci dalam menangani permasalahan "
    "kesejahteraan sosial, terutama bagi kelompok rentan seperti lansia, anak telantar dan penyandang disabilitas.",
    "Ia berharap kegiatan ini dapat meningkatkan kapasitas pengurus dalam menyusun program kerja yang terukur, "
    "transparan dan berkelanjutan sehingga manfaatnya dirasakan langsung oleh masyarakat.",
    "Kegiatan tersebut juga diisi dengan diskusi kelompok mengenai tata kelola organisasi, pelaporan keuangan, "
    "serta strategi penggalangan dana dari dunia usaha melalui program tanggung jawab sosial perusahaan.",
    "Pemerintah daerah berkomitmen untuk terus mendampingi lembaga kesejahteraan sosial, baik melalui pembinaan "
    "rutin maupun fasilitasi akreditasi agar layanan yang diberikan memenuhi standar nasional.",
    "Para peserta mengaku mendapatkan banyak pengetahuan baru dan siap menerapkannya di lembaga masing-masing, "
    "terutama dalam hal pendataan penerima manfaat dan koordinasi dengan perangkat daerah terkait.",
]


@dataclass(frozen=True)
class Page:
    """One generated page and the body selector its layout would declare in sources.yaml."""

    url: str
    html: str
    body_selector: str | None


def _article_text(rng: random.Random) -> tuple[str, list[str]]:
    place, province = rng.choice(PLACES)
    chief, chair, staff = rng.sample(NAMES, 3)
    event, word = rng.choice(EVENTS)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2025)
    weekday = rng.choice(["Senin", "Selasa", "Rabu", "Kamis", "Jumat"])
    lead = (f"{place.split()[-1].upper()} — Pemerintah {place} {event} di aula kantor bupati, {weekday} "
            f"({day}/{month}/{year}). Kegiatan ini diikuti {rng.randint(20, 200)} peserta dari "
            f"{rng.randint(5, 60)} lembaga.")
    paragraphs = [lead,
                  f"Kepala Dinas Sosial {place}, {chief}, S.Sos, M.Si mengatakan {word} ini merupakan agenda rutin "
                  f"yang melibatkan {rng.randint(10, 90)} LKS dan forum LKS se-{province}.",
                  f"Baca juga: {rng.randint(100, 9000)} warga terdampak banjir di {rng.choice(PLACES)[0]}"]
    paragraphs += rng.sample(FILLER, 3)
    paragraphs.append(f"Sementara itu, Ketua LKKS {place}, Hj. {chair}, menyampaikan terima kasih atas dukungan "
                      f"pemerintah. Anggaran kegiatan mencapai Rp{rng.randint(10, 900)} juta, kata {chair.split()[0]}.")
    paragraphs.append(f"Turut hadir Sekretaris Dinas Sosial {staff} dan perwakilan dari {rng.randint(2, 20)} kecamatan "
                      f"pada {day} {MONTHS[month - 1]} {year}.")
    paragraphs += rng.sample(FILLER, 2)
    title = f"{word.capitalize()} LKKS dan LKS {place} Berlangsung Meriah"
    return title, paragraphs


def _chrome(title: str, body: str, url: str, date: str) -> str:
    menu = "".join(f'<li><a href="/kanal/{k}">{k.title()}</a></li>' for k in
                   ("daerah", "nasional", "ekonomi", "olahraga", "hiburan", "pendidikan", "kesehatan"))
    related = "".join(f'<li><a href="/berita/{i}">Berita terkait nomor {i} tentang banjir dan jalan rusak</a></li>'
                      for i in range(8))
    return (f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:title' content='{title}'><meta property='article:published_time' "
            f"content='{date}T08:00:00+07:00'><link rel='canonical' href='{url}'></head><body>"
            f"<header><div class='logo'>Portal Berita Daerah</div><nav><ul>{menu}</ul></nav></header>"
            f"<main><div class='breadcrumb'>Beranda › Daerah</div><h1>{title}</h1>{body}"
            f"<section class='related'><h3>Berita Terkait</h3><ul>{related}</ul></section>"
            "<section class='comments'><h3>Tinggalkan Balasan</h3><form><textarea></textarea>"
            "<input name='email'><button>Kirim</button></form></section></main>"
            "<aside><h3>Terpopuler</h3><ol><li>Harga cabai naik</li><li>Jadwal imsakiyah</li></ol></aside>"
            "<footer><p>© 2025 Portal Berita Daerah. Hak cipta dilindungi.</p></footer></body></html>")


LAYOUTS = ("entry-content", "detail-text", "plain")


def generate(n: int, seed: int = 7) -> list[Page]:
    """N pages spread over three layouts; two declare a body selector, the third relies on trafilatura."""
    rng = random.Random(seed)
    pages: list[Page] = []
    for i in range(n):
        title, paragraphs = _article_text(rng)
        layout = LAYOUTS[i % len(LAYOUTS)]
        url = f"https://portal{i % 7}.example.id/2025/0{1 + i % 9}/1{i % 9}/berita-{i}"
        date = f"2025-0{1 + i % 9}-1{i % 9}"
        blocks = "".join(f"<p>{p}</p>" for p in paragraphs)
        if layout == "entry-content":
            body, selector = f"<div class='entry-content'>{blocks}<div class='share'>Bagikan</div></div>", \
                "div.entry-content"
        elif layout == "detail-text":
            body, selector = f"<article><div class='detail-text'>{blocks}</div></article>", "div.detail-text"
        else:
            body, selector = f"<article><div class='isi'>{blocks}</div></article>", None
        pages.append(Page(url, _chrome(title, body, url, date), selector))
    return pages
