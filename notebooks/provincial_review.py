# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Provincial review of LKKS/LKS activity
#
# One province over one period: the events on a timeline, activity by regency/city, the officials involved,
# the quantities reported (organisations, participants), the regencies with no recorded activity, and the
# source articles with the sentences each fact rests on.
#
# The warehouse is opened **read-only**. Dates are local calendar dates (see `docs/warehouse.md`, time zones).
# Edit the parameters below, or set the environment variables they read; `notebooks/README.md` explains how to
# run this notebook from the command line.

# %% tags=["parameters"]
import os

PROVINCE = os.environ.get("LKKS_PROVINCE", "63")  # two-digit Kemendagri code; 63 = Kalimantan Selatan
PERIOD_START = os.environ.get("LKKS_PERIOD_START", "")  # YYYY-MM-DD; empty = from the province's first event
PERIOD_END = os.environ.get("LKKS_PERIOD_END", "")  # YYYY-MM-DD; empty = up to the province's last event
DB_PATH = os.environ.get("LKKS_DB", "warehouse/demo.duckdb")  # relative to the repository or to this folder
FIGURES = os.environ.get("LKKS_FIGURES", "")  # folder to save each figure as PNG; empty = do not save

# %%
import datetime as dt
import warnings
from pathlib import Path

import duckdb
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display
from matplotlib.ticker import MaxNLocator

from pipeline.notebook import Figures, NotebookWarehouse, no_data

# DuckDB's TIMESTAMPTZ -> pandas conversion trips a pandas deprecation warning inside DuckDB itself.
warnings.filterwarnings("ignore", message="The inplace keyword in DataFrame.drop")
pd.set_option("display.max_colwidth", 80)


wh = NotebookWarehouse.open(DB_PATH, "v_events")
query, scalar = wh.query, wh.scalar
show = Figures.to(FIGURES).show


# %% [markdown]
# ## The province and the period

# %%
province_name = scalar("SELECT name FROM gazetteer WHERE code = ? AND level = 'provinsi'", [PROVINCE]) or PROVINCE
time_zone = scalar("SELECT zone FROM province_timezones WHERE province_code = ?", [PROVINCE]) or "?"
first_event = scalar("SELECT min(local_date) FROM v_events WHERE province_code = ?", [PROVINCE])
last_event = scalar("SELECT max(local_date) FROM v_events WHERE province_code = ?", [PROVINCE])
first_event, last_event = (pd.Timestamp(d).date() if d is not None else None for d in (first_event, last_event))
today = dt.date.today()
start = dt.date.fromisoformat(PERIOD_START) if PERIOD_START else (first_event or today)
end = dt.date.fromisoformat(PERIOD_END) if PERIOD_END else (last_event or today)
period = f"{start:%d %b %Y} – {end:%d %b %Y}"

events = query(
    """SELECT * FROM v_events WHERE province_code = ? AND local_date BETWEEN ? AND ?
       ORDER BY local_date, type, group_id""", [PROVINCE, start, end])
undated = int(scalar("SELECT count(*) FROM v_events WHERE province_code = ? AND local_date IS NULL", [PROVINCE]) or 0)
group_ids = list(events["group_id"]) if not events.empty else []
reports = query(
    """SELECT * FROM v_event_mentions WHERE list_contains(?, group_id)
       ORDER BY published NULLS LAST, source, event_id""", [group_ids]) if group_ids else pd.DataFrame()

display(Markdown(
    f"**{province_name}** (code {PROVINCE}, time zone {time_zone}), {period}: "
    f"**{len(events)}** deduplicated events from **{len(reports)}** reports in "
    f"**{reports['article_id'].nunique() if not reports.empty else 0}** articles by "
    f"**{reports['source'].nunique() if not reports.empty else 0}** outlets. "
    f"Events of this province without any date: {undated}."))

# %% [markdown]
# ## Events on a timeline
# One marker per deduplicated event; a larger marker means more articles reported it.

# %%
if events.empty:
    no_data(f"no event in {province_name} between {start} and {end}")
else:
    kinds = sorted(events["type"].unique())
    row_of = {kind: i for i, kind in enumerate(kinds)}
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.5 * len(kinds)))
    ax.scatter(pd.to_datetime(events["local_date"]), events["type"].map(row_of),
               s=40 + 40 * events["n_articles"], alpha=0.7, color="tab:blue", edgecolor="black")
    ax.set_yticks(range(len(kinds)), [kind.replace("_", " ") for kind in kinds])
    ax.set_ylim(-0.7, len(kinds) - 0.3)
    ax.set_xlabel(f"local date ({time_zone})")
    ax.set_ylabel("event type")
    ax.set_title(f"LKKS/LKS events in {province_name}, {period}")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    show(fig, f"{PROVINCE}_timeline")
    display(events[["local_date", "date_basis", "type", "regency_name", "organizations", "n_articles",
                    "n_sources", "canonical_title"]])

# %% [markdown]
# ## Activity by regency/city
# Every regency and city of the province, with zero bars for those with no recorded event. Events located only
# at the province level (a provincial LKKS board, for example) have their own bar.

# %%
regencies = query(
    """SELECT code, name FROM gazetteer WHERE province_code = ? AND level IN ('kabupaten', 'kota')
       ORDER BY code""", [PROVINCE])
if regencies.empty:
    no_data(f"no regencies known for province {PROVINCE}")
else:
    per_regency = events["regency_code"].value_counts() if not events.empty else pd.Series(dtype="int64")
    activity = regencies.assign(events=regencies["code"].map(per_regency).fillna(0).astype(int))
    province_level = int(events["regency_code"].isna().sum()) if not events.empty else 0
    labels = [*activity["name"], "(province level)"]
    values = [*activity["events"], province_level]
    fig, ax = plt.subplots(figsize=(9, 1.0 + 0.3 * len(labels)))
    bars = ax.barh(labels, values, color=["tab:green" if v else "lightgrey" for v in values])
    ax.bar_label(bars, padding=2)
    ax.invert_yaxis()
    ax.set_xlabel("deduplicated events")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"Events by regency/city, {province_name}, {period}")
    ax.margins(x=0.1)
    show(fig, f"{PROVINCE}_regencies")

# %% [markdown]
# ## Silent regencies
# Regencies and cities of the province with no event in the period: either nothing happened, or no monitored
# outlet reported it (compare with the source health in `national_overview`).

# %%
if regencies.empty:
    no_data("no regencies to compare")
else:
    active = set(events["regency_code"].dropna()) if not events.empty else set()
    silent = regencies[~regencies["code"].isin(active)]
    display(Markdown(f"**{len(silent)} of {len(regencies)}** regencies/cities of {province_name} are silent "
                     f"in {period}."))
    if not silent.empty:
        display(silent.reset_index(drop=True))

# %% [markdown]
# ## Officials involved
# People named in the articles that report the province's events in the period.

# %%
officials = query(
    """WITH period_reports AS (SELECT DISTINCT group_id, article_id FROM v_event_mentions WHERE list_contains(?, group_id))
       SELECT mode(o.name) AS name, o.role_kind, list_sort(list_distinct(list(o.role))) AS roles,
              bool_or(o.acting) AS acting, count(DISTINCT r.group_id) AS events,
              count(DISTINCT o.article_id) AS articles
       FROM officials o JOIN period_reports r ON r.article_id = o.article_id
       GROUP BY lower(strip_accents(o.name)), o.role_kind
       ORDER BY events DESC, articles DESC, name""", [group_ids]) if group_ids else pd.DataFrame()
if officials.empty:
    no_data("no official named in the reports of this period")
else:
    by_role = officials.groupby("role_kind")["name"].count().sort_values()
    fig, ax = plt.subplots(figsize=(8, 1.0 + 0.35 * len(by_role)))
    bars = ax.barh([role.replace("_", " ") for role in by_role.index], by_role.values, color="tab:purple")
    ax.bar_label(bars, padding=2)
    ax.set_xlabel("distinct people")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"Officials in reports of {province_name} events, by role, {period}")
    ax.margins(x=0.1)
    show(fig, f"{PROVINCE}_officials")
    display(officials)

# %% [markdown]
# ## Quantities over time
# Counts stated in the reporting articles ("199 LKS", "30 orang"), grouped by what they count. The unit is
# the counted noun as written; its head word decides the group.

# %%
ORGANISATION_WORDS = {"lks", "lksa", "lkks", "lembaga", "yayasan", "panti", "organisasi", "orsos", "forum"}
PARTICIPANT_WORDS = {"orang", "peserta", "warga", "anak", "pengurus", "penerima", "lansia", "jiwa", "kk",
                     "keluarga", "relawan", "pendamping", "anggota", "siswa", "penyandang"}


def count_group(unit: str) -> str:
    """organisations, participants, money or other, by the head word of the unit."""
    head = (unit or "").strip().lower().split(" ")[0]
    if head in ORGANISATION_WORDS:
        return "organisations"
    if head in PARTICIPANT_WORDS:
        return "participants"
    return "money" if head in {"rupiah", "rp"} else "other"


# A syndicated report repeats its numbers: one row per event, value and unit.
quantities = query(
    """SELECT DISTINCT ON (e.group_id, c.value, lower(c.unit))
              e.local_date, e.group_id, c.value, c.unit, c.text, a.title, a.url
       FROM counts c JOIN v_event_mentions m ON m.article_id = c.article_id
       JOIN v_events e ON e.group_id = m.group_id JOIN articles a ON a.article_id = c.article_id
       WHERE list_contains(?, e.group_id)
       ORDER BY e.group_id, c.value, lower(c.unit), a.published NULLS LAST, c.article_id, c.seq""",
    [group_ids]) if group_ids else pd.DataFrame()
if quantities.empty:
    no_data("no quantity stated in the reports of this period")
else:
    quantities["group"] = quantities["unit"].map(count_group)
    plotted = quantities[quantities["group"].isin(["organisations", "participants"])]
    if plotted.empty:
        no_data("no count of organisations or participants (other quantities are listed below)")
    else:
        fig, ax = plt.subplots(figsize=(10, 4))
        for (group, colour) in (("organisations", "tab:orange"), ("participants", "tab:blue")):
            part = plotted[plotted["group"] == group]
            if not part.empty:
                ax.scatter(pd.to_datetime(part["local_date"]), part["value"], label=group, color=colour,
                           alpha=0.75, edgecolor="black")
        if plotted["value"].max() > 100 * max(plotted["value"].min(), 1):
            ax.set_yscale("log")
        ax.set_xlabel(f"local date of the event ({time_zone})")
        ax.set_ylabel("stated count")
        ax.set_title(f"Organisations and participants reported, {province_name}, {period}")
        ax.legend()
        ax.grid(alpha=0.3)
        fig.autofmt_xdate()
        show(fig, f"{PROVINCE}_counts")
    listed = quantities.sort_values(["local_date", "group_id"]).reset_index(drop=True)
    display(listed[["local_date", "group", "value", "unit", "text", "title"]])

# %% [markdown]
# ## Source articles and evidence
# For each event, the articles that report it and the sentence the event was read from.

# %%
if reports.empty:
    no_data("no source article for this period")
else:
    def clean(text: object) -> str:
        """Text safe inside a Markdown line."""
        return " ".join(str(text or "").split()).replace("[", "(").replace("]", ")")

    lines: list[str] = []
    for _, event in events.head(100).iterrows():
        place = event["regency_name"] if pd.notna(event["regency_name"]) else province_name
        lines.append(f"**{event['local_date']:%Y-%m-%d} · {event['type'].replace('_', ' ')} · {place}**")
        for _, report in reports[reports["group_id"] == event["group_id"]].iterrows():
            published = f"{report['published']:%Y-%m-%d}" if pd.notna(report["published"]) else "undated"
            link = f"[{clean(report['title']) or report['url']}]({report['url']})"
            lines.append(f"- {link} — {report['source']}, {published}: “{clean(report['evidence_sentence'])}”")
        lines.append("")
    if len(events) > 100:
        lines.append(f"_… and {len(events) - 100} more events._")
    display(Markdown("\n".join(lines)))
