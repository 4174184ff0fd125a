"""The operator's run report: one self-contained HTML page (no scripts, fonts or map tiles fetched).

Counts per run and stage, each source's crawls over the last runs, a map of the therapists drawn
from their own coordinates (an SVG, coloured by tier, over the US state outlines), a technique
histogram and the failing checks.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pipeline.database import Warehouse
from pipeline.errors import disk_error
from pipeline.run.history import failing_checks, recent_runs

RUNS = 10  # runs shown
MAP_POINTS = 20_000  # at most this many dots (a stable sample beyond)
TIER_COLOURS = {"high": "#1b7837", "medium": "#5aae61", "low": "#c2a5cf", "unknown": "#e0e0e0", "none": "#bbbbbb"}
RUN_COUNTS = [  # (column, counts key)
    ("listings", "scrape/listings"),
    ("new", "load/new"),
    ("changed", "load/changed"),
    ("deactivated", "load/deactivated"),
    ("active therapists", "load/active_therapists"),
    ("exported", "export/therapists"),
]
# The basemap: US state outlines from the vendored us-atlas TopoJSON (states-10m.json, the US Census
# Bureau's cartographic boundary files, public domain; packaged by us-atlas under the ISC licence, see
# the LICENSE beside it). Read from disk, never fetched; without it the map has no outlines.
ATLAS = Path(__file__).resolve().parents[1] / "publish" / "site_assets" / "vendor" / "us-atlas" / "states-10m.json"
ATLAS_CREDIT = "US states: US Census Bureau (public domain), via us-atlas"

BASEMAP_TOLERANCE = 0.4  # outline points closer than this (in SVG units, ~px) to the outline are dropped
Point = tuple[float, float]


@dataclass(frozen=True)
class ReportResult:
    path: Path
    runs: int
    therapists: int


def write_report(warehouse: Warehouse, out: Path, *, generated_at: str, source_label: str = "") -> ReportResult:
    """The report page at `out`; `source_label` names the database read (relative to the config's
    folder, so the page shows no machine paths)."""
    runs = recent_runs(warehouse, limit=RUNS)
    columns, rows = warehouse.query("report/totals.sql")
    totals = dict(zip(columns, rows[0]))
    source_runs = warehouse.run("report/source_runs.sql", {"limit": RUNS})
    points = warehouse.run("report/map_points.sql", {"limit": MAP_POINTS})
    techniques = warehouse.run("report/techniques.sql")
    checks = failing_checks(warehouse)
    page = "\n".join(
        [
            _HEAD,
            f"<h1>therapist-directory run report</h1><p class=meta>Generated {escape(generated_at)} from "
            f"{escape(source_label or warehouse.path.name)}.</p>",
            _totals(totals),
            _runs_table(runs),
            _sources_table(source_runs),
            "<h2>Therapists on the map</h2>",
            _map(points, totals["located"]),
            "<h2>Techniques</h2>",
            _histogram(techniques),
            "<h2>Failing checks (latest run)</h2>",
            _checks(checks),
            "</body></html>",
        ]
    )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.tmp")
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(out)
    except OSError as err:
        raise disk_error(err, "write the report to", out) from err
    return ReportResult(out, len(runs), totals["active_therapists"])


def _totals(totals: dict) -> str:
    cells = "".join(
        f'<div class=total data-total="{key}"><b>{value:,}</b> {escape(key.replace("_", " "))}</div>'
        for key, value in totals.items()
    )
    return f"<div class=totals>{cells}</div>"


def _runs_table(runs: list[dict]) -> str:
    head = "".join(
        f"<th>{escape(name)}</th>"
        for name in [
            "run",
            "command",
            "status",
            "started (UTC)",
            "seconds",
            "stages (s)",
            *[c for c, _ in RUN_COUNTS],
            "errors",
        ]
    )
    body = []
    for run in runs:
        counts, stages = run.get("counts") or {}, run.get("stages") or []
        seconds = (run["finished_at"] - run["started_at"]).total_seconds() if run.get("finished_at") else None
        stage_text = ", ".join(f"{s['stage']} {s['seconds']:.1f}" for s in stages)
        cells = [
            run["run_id"],
            run["command"],
            run["status"],
            f"{run['started_at']:%Y-%m-%d %H:%M:%S}",
            "" if seconds is None else f"{seconds:.1f}",
            stage_text,
            *[counts.get(key, "") for _, key in RUN_COUNTS],
            len(run.get("errors") or []),
        ]
        body.append(
            f'<tr data-run="{escape(run["run_id"])}" class="{escape(run["status"])}">'
            + "".join(f"<td>{escape(str(c))}</td>" for c in cells)
            + "</tr>"
        )
    return f"<h2>Latest runs</h2><table id=runs><tr>{head}</tr>{''.join(body)}</table>"


def _sources_table(source_runs: list[tuple]) -> str:
    runs = list(dict.fromkeys(run_id for run_id, *_ in source_runs))
    sources = sorted({source for _, source, *_ in source_runs})
    cell = {
        (run_id, source): (status, listings, failures) for run_id, source, status, listings, failures in source_runs
    }
    head = "<th>source</th>" + "".join(f"<th>{escape(run_id)}</th>" for run_id in runs)
    body = []
    for source in sources:
        tds = []
        for run_id in runs:
            status, listings, failures = cell.get((run_id, source), (None, None, None))
            text = (
                ""
                if status is None
                else f"{listings or 0} ({status}" + (f", {failures} failed" if failures else "") + ")"
            )
            tds.append(f'<td class="{escape(status or "none")}" data-listings="{listings or 0}">{escape(text)}</td>')
        body.append(f'<tr data-source="{escape(source)}"><th>{escape(source)}</th>{"".join(tds)}</tr>')
    return f"<h2>Listings per source and run</h2><table id=sources><tr>{head}</tr>{''.join(body)}</table>"


@dataclass(frozen=True)
class _Frame:
    """The map's projection, fitted to the dots: equirectangular, longitude shrunk by the cosine of
    the middle latitude, scaled to fit the box; the states are drawn through the same one."""

    west: float
    north: float
    stretch: float
    scale: float
    width: int
    height: int

    @classmethod
    def fit(cls, points: list[tuple], width: int, height: int) -> _Frame:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        south, north, west, east = min(lats) - 0.5, max(lats) + 0.5, min(lons) - 0.5, max(lons) + 0.5
        stretch = math.cos(math.radians((south + north) / 2))
        scale = min(width / ((east - west) * stretch), height / (north - south))
        return cls(west, north, stretch, scale, width, height)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self.west) * self.stretch * self.scale, (self.north - lat) * self.scale


def _map(points: list[tuple], located: int, width: int = 900, height: int = 520) -> str:
    if not points:
        return "<p>No located therapists yet.</p>"
    frame = _Frame.fit(points, width, height)
    circles = []
    for lat, lon, tier in points:
        x, y = frame.xy(lat, lon)
        colour = TIER_COLOURS.get(tier, "#999")
        circles.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}" class="{escape(tier)}"/>')
    basemap = _basemap(ATLAS, frame)
    legend = " ".join(f'<span style="color:{colour}">&#9679;</span> {tier}' for tier, colour in TIER_COLOURS.items())
    shown = (
        f"{len(points):,} of {located:,} located therapists"
        if located > len(points)
        else f"{located:,} located therapists"
    )
    credit = f" {ATLAS_CREDIT}." if basemap else ""
    return (
        f'<svg id=map xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="map of {shown}">'
        f'<rect width="100%" height="100%" fill="#f4f6f8"/>{basemap}{"".join(circles)}</svg>'
        f"<p class=legend>{legend}; {shown}, by their own coordinates (no map tiles).{credit}</p>"
    )


@functools.lru_cache(maxsize=4)  # per frame: a long-lived process may report many times
def _basemap(atlas: Path, frame: _Frame, tolerance: float = BASEMAP_TOLERANCE) -> str:
    """One <path class=state> per state with a ring in view, through the dots' projection. Each
    shared arc is projected, rounded to a tenth of a unit and thinned once (repeated points dropped,
    then Douglas-Peucker within `tolerance` units), so neighbouring states keep one border. Empty
    when the atlas is missing."""
    arcs, states = _topology(atlas)
    thinned = [_thin([_rounded(frame.xy(lat, lon)) for lon, lat in arc], tolerance) for arc in arcs]
    paths = []
    for name, rings in states:
        parts = []
        for ring in rings:
            points: list[Point] = []
            for index in ring:
                for point in thinned[index] if index >= 0 else thinned[~index][::-1]:
                    if not points or point != points[-1]:
                        points.append(point)
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            xs, ys = [x for x, _ in points], [y for _, y in points]
            if len(points) < 3 or max(xs) < 0 or min(xs) > frame.width or max(ys) < 0 or min(ys) > frame.height:
                continue  # a speck at this scale, or out of view
            parts.append("M" + " ".join(f"{_tenths(x)},{_tenths(y)}" for x, y in points) + "Z")
        if parts:
            paths.append(f'<path class="state" data-state="{escape(name)}" d="{"".join(parts)}"/>')
    if not paths:
        return ""
    return (
        '<g id="basemap" fill="#fdfdfb" fill-rule="evenodd" stroke="#aab4be" stroke-width="0.6" '
        f'stroke-linejoin="round">{"".join(paths)}</g>'
    )


def _rounded(point: Point) -> Point:
    return round(point[0], 1) + 0.0, round(point[1], 1) + 0.0  # + 0.0: no "-0.0"


def _tenths(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _thin(points: list[Point], tolerance: float) -> tuple[Point, ...]:
    """`points` without consecutive repeats, then without the points (ends kept) closer than
    `tolerance` to the line their neighbours on the kept outline make (Douglas-Peucker)."""
    line = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(line) < 3:
        return tuple(line)
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    spans = [(0, len(line) - 1)]
    while spans:
        first, last = spans.pop()
        (ax, ay), (bx, by) = line[first], line[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        far, far_at = -1.0, first
        for i in range(first + 1, last):
            px, py = line[i]
            # Distance to the chord, or to its start when the chord closes a loop.
            d = abs(dx * (py - ay) - dy * (px - ax)) / length if length else math.hypot(px - ax, py - ay)
            if d > far:
                far, far_at = d, i
        if far > tolerance:
            keep[far_at] = True
            spans += [(first, far_at), (far_at, last)]
    return tuple(p for p, kept in zip(line, keep) if kept)


@functools.cache
def _topology(atlas: Path) -> tuple[tuple[tuple[Point, ...], ...], tuple[tuple[str, tuple[tuple[int, ...], ...]], ...]]:
    """The atlas's arcs in (lon, lat), and each state's name and rings (as arc indexes; ~i, a
    negative index, is arc i reversed; consecutive arcs share an endpoint). Arcs are stored
    delta-encoded and quantized: a position is the running sum of the deltas * scale + translate.
    Nothing when the atlas is missing or unreadable."""
    try:
        topology = json.loads(atlas.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return (), ()
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        decoded = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            decoded.append((x * kx + tx, y * ky + ty))
        arcs.append(tuple(decoded))
    states = []
    for geometry in topology["objects"]["states"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"])
        rings = tuple(tuple(ring) for polygon in polygons or [] for ring in polygon)
        states.append((str(geometry.get("properties", {}).get("name", geometry.get("id", ""))), rings))
    return tuple(arcs), tuple(states)


def _histogram(techniques: list[tuple]) -> str:
    if not techniques:
        return "<p>No techniques found yet.</p>"
    top = max(count for _, count in techniques)
    rows = "".join(
        f'<tr data-technique="{escape(technique)}"><th>{escape(technique.replace("_", " "))}</th>'
        f'<td><div class=bar style="width:{count / top * 100:.1f}%"></div></td><td class=n>{count:,}</td></tr>'
        for technique, count in techniques
    )
    return f"<table id=techniques>{rows}</table>"


def _checks(checks: list[dict]) -> str:
    if not checks:
        return "<p id=checks-ok>Every check passed.</p>"
    rows = "".join(
        f'<tr class="{escape(c["severity"])}"><td>{escape(c["severity"])}</td><td>{escape(c["check_name"])}'
        f"</td><td>{c['failing_rows']:,} rows</td></tr>"
        for c in checks
    )
    return f"<table id=checks>{rows}</table>"


_HEAD = """<!doctype html>
<html lang=en><head><meta charset=utf-8><title>therapist-directory run report</title>
<meta name=viewport content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left}
tr.failed td,td.failed{background:#fde0dd}tr.partial td,td.partial{background:#fff3cd}
.totals{display:flex;gap:1.5em;margin:1em 0}.total b{font-size:1.4em}
#techniques th{font-weight:normal;width:14em}#techniques td{border:0}#techniques td:nth-child(2){width:420px}
.bar{background:#5aae61;height:12px}.n{text-align:right}.meta,.legend{color:#666}
tr.error td{background:#fde0dd}tr.warn td{background:#fff3cd}
</style></head><body>"""
