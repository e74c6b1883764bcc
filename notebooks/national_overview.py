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
# # National overview of LKKS/LKS activity
#
# All 38 provinces month by month (silent provinces included), the kinds of activity each province reports,
# and the health of the news sources the picture depends on: a province that looks silent may only have a
# failing source.
#
# The warehouse is opened **read-only**; months are local calendar months.

# %% tags=["parameters"]
import os

PERIOD_START = os.environ.get("LKKS_PERIOD_START", "")  # YYYY-MM-DD; empty = from the first month with data
PERIOD_END = os.environ.get("LKKS_PERIOD_END", "")  # YYYY-MM-DD; empty = up to the last month with data
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
pd.set_option("display.max_colwidth", 60)


wh = NotebookWarehouse.open(DB_PATH, "v_province_month")
query, scalar = wh.query, wh.scalar
show = Figures.to(FIGURES).show


# %% [markdown]
# ## Provinces × months

# %%
start = dt.date.fromisoformat(PERIOD_START).replace(day=1) if PERIOD_START else dt.date.min
end = dt.date.fromisoformat(PERIOD_END) if PERIOD_END else dt.date.max
monthly = query("SELECT * FROM v_province_month WHERE month BETWEEN ? AND ? ORDER BY province_code, month",
                [start, end])
if monthly.empty:
    no_data("no dated event or relevant article in the warehouse for this period")
else:
    monthly["label"] = monthly["province_code"] + " " + monthly["province_name"]
    grid = monthly.pivot(index="label", columns="month", values="events").sort_index()
    months = [f"{m:%Y-%m}" for m in grid.columns]
    period = f"{months[0]} – {months[-1]}"
    active = monthly.groupby("label")["events"].sum()
    display(Markdown(
        f"{period}: **{int(monthly['events'].sum())}** deduplicated events in **{int((active > 0).sum())}** of "
        f"{len(active)} provinces; {int((active == 0).sum())} provinces have no recorded event."))

    fig, ax = plt.subplots(figsize=(min(18, max(9, 3.5 + 0.45 * len(months))), 11))
    colours = plt.get_cmap("YlOrRd").copy()
    colours.set_bad("white")  # a silent province-month stays blank
    most = max(1, int(grid.values.max()))
    image = ax.imshow(grid.where(grid > 0).values, aspect="auto", cmap=colours, vmin=0, vmax=most)
    ax.set_yticks(range(len(grid.index)), grid.index, fontsize=8)
    step = max(1, len(months) // 24)
    ax.set_xticks(range(0, len(months), step), months[::step], rotation=90, fontsize=8)
    if grid.size <= 38 * 24:
        for (row, col), value in pd.DataFrame(grid.values).stack().items():
            if value:
                ax.text(col, row, int(value), ha="center", va="center", fontsize=7,
                        color="white" if value > most / 2 else "black")
    ax.set_xlabel("month (local calendar)")
    ax.set_title(f"LKKS/LKS events per province and month\n{period} (deduplicated; blank = none)")
    bar = fig.colorbar(image, ax=ax, label="events", shrink=0.5)
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    show(fig, "national_heatmap")

# %% [markdown]
# ## Event types by province

# %%
TYPES = ["inauguration", "coordination_meeting", "deliberation", "training", "accreditation",
         "aid_distribution", "visit", "other"]
if monthly.empty:
    no_data("no event to break down")
else:
    by_type = monthly.groupby("label")[TYPES].sum()
    by_type = by_type[by_type.sum(axis=1) > 0].sort_index(ascending=False)
    if by_type.empty:
        no_data("relevant articles exist but no event is located in a province")
    else:
        fig, ax = plt.subplots(figsize=(10, 1.5 + 0.35 * len(by_type)))
        left = pd.Series(0, index=by_type.index)
        colours = plt.get_cmap("tab10")
        for i, kind in enumerate(TYPES):
            if by_type[kind].sum():
                ax.barh(by_type.index, by_type[kind], left=left, label=kind.replace("_", " "), color=colours(i))
                left = left + by_type[kind]
        ax.set_xlabel("deduplicated events")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(f"Event types by province, {period}")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, title="event type")
        show(fig, "national_event_types")
        display(by_type.sort_index())

# %% [markdown]
# ## Silent provinces
# Provinces without any recorded event in the period.

# %%
if monthly.empty:
    no_data("no period to check")
else:
    silent = active[active == 0].index.tolist()
    display(Markdown(", ".join(silent) if silent else "Every province has at least one event."))

# %% [markdown]
# ## Source health
# Crawl state of each outlet: a failing or unhealthy source explains silence better than inactivity does.

# %%
health = query("SELECT * FROM v_source_health ORDER BY status <> 'ok', source")
if health.empty:
    no_data("no source has been registered or crawled yet")
else:
    fig, ax = plt.subplots(figsize=(10, 1.5 + 0.4 * len(health)))
    rows = range(len(health))
    ax.barh(rows, health["pages_fetched"], color="tab:green", label="pages fetched (200)")
    ax.barh(rows, health["pages_not_modified"], left=health["pages_fetched"], color="tab:blue",
            label="not modified (304)")
    ax.barh(rows, health["pages_failed"], left=health["pages_fetched"] + health["pages_not_modified"],
            color="tab:red", label="failed")
    ax.set_yticks(rows, [f"{source} ({status})" for source, status in zip(health["source"], health["status"], strict=True)])
    for label, status in zip(ax.get_yticklabels(), health["status"], strict=True):
        label.set_color("black" if status == "ok" else "tab:red")
    ax.invert_yaxis()
    ax.set_xlabel("pages, all runs (sources not ok in red)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Fetch outcomes per source")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    show(fig, "source_health")
    display(health[["source", "province", "status", "consecutive_failures", "last_success_at", "last_error",
                    "last_run_pages_fetched", "last_run_pages_failed", "urls_pending", "articles",
                    "relevant_articles", "events"]])
