/* The search page: finds therapists near a place from the static data files, with the same rules
   as the CLI's `therapists search` (pipeline/publish/search.py and sql/search/near.sql):
   bounding box, haversine distance <= radius, tier and technique filters, order by distance then
   ID (or score descending first with sort=relevance). Everything is built with createElement and
   textContent: nothing from the data is ever parsed as HTML. */
(function () {
  "use strict";

  const EARTH_RADIUS_MILES = 3958.7613;
  const MAX_RADIUS = 500;
  const MAX_SHOWN = 100;
  const LATLON = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;
  const ZIP = /^\s*(\d{5})(?:-\d{4})?\s*$/;
  const STATES = {
    ALABAMA: "AL", ALASKA: "AK", ARIZONA: "AZ", ARKANSAS: "AR", CALIFORNIA: "CA", COLORADO: "CO",
    CONNECTICUT: "CT", DELAWARE: "DE", "DISTRICT OF COLUMBIA": "DC", FLORIDA: "FL", GEORGIA: "GA",
    HAWAII: "HI", IDAHO: "ID", ILLINOIS: "IL", INDIANA: "IN", IOWA: "IA", KANSAS: "KS",
    KENTUCKY: "KY", LOUISIANA: "LA", MAINE: "ME", MARYLAND: "MD", MASSACHUSETTS: "MA",
    MICHIGAN: "MI", MINNESOTA: "MN", MISSISSIPPI: "MS", MISSOURI: "MO", MONTANA: "MT",
    NEBRASKA: "NE", NEVADA: "NV", "NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ", "NEW MEXICO": "NM",
    "NEW YORK": "NY", "NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", OHIO: "OH", OKLAHOMA: "OK",
    OREGON: "OR", PENNSYLVANIA: "PA", "RHODE ISLAND": "RI", "SOUTH CAROLINA": "SC",
    "SOUTH DAKOTA": "SD", TENNESSEE: "TN", TEXAS: "TX", UTAH: "UT", VERMONT: "VT", VIRGINIA: "VA",
    WASHINGTON: "WA", "WEST VIRGINIA": "WV", WISCONSIN: "WI", WYOMING: "WY", "PUERTO RICO": "PR",
    "VIRGIN ISLANDS": "VI", "US VIRGIN ISLANDS": "VI", GUAM: "GU", "AMERICAN SAMOA": "AS",
    "NORTHERN MARIANA ISLANDS": "MP",
  };
  const STATE_CODES = new Set(Object.values(STATES));

  const body = document.body;
  const root = (body && body.dataset.root) || "";
  const form = document.getElementById("search");
  if (!form) {
    return;
  }
  const placeInput = document.getElementById("place");
  const radiusSelect = document.getElementById("radius");
  const tierSelect = document.getElementById("min-tier");
  const sortSelect = document.getElementById("sort");
  const techniquesBox = document.getElementById("techniques");
  const locateButton = document.getElementById("locate");
  const statusLine = document.getElementById("status");
  const resultsList = document.getElementById("results");
  const mapElement = document.getElementById("map");

  let metaPromise = null;
  const cellCache = new Map(); // key -> Promise<records[]>
  const placeCache = new Map(); // file URL -> Promise<object>
  let searchSeq = 0;
  let map = null;
  let mapLayer = null;

  // ---- data ------------------------------------------------------------------------------

  function fetchJson(path) {
    return fetch(root + path, { credentials: "same-origin" }).then((response) => {
      if (!response.ok) {
        throw new Error(`${path}: HTTP ${response.status}`);
      }
      return response.json();
    });
  }

  function loadMeta() {
    if (!metaPromise) {
      metaPromise = fetchJson("data/meta.json").then((meta) => ({
        ...meta,
        cellSet: new Set(meta.cells || []),
        zipPrefixSet: new Set(meta.zip_prefixes || []),
        zipPrefixLength: meta.zip_prefix_length || 2,
        stateSet: new Set((meta.states || []).map((s) => String(s).toLowerCase())),
        techniqueNames: new Map((meta.techniques || []).map((t) => [t.slug, t.name])),
      }));
      metaPromise.catch(() => {
        metaPromise = null; // try again on the next search
      });
    }
    return metaPromise;
  }

  function loadPlaceFile(path) {
    if (!placeCache.has(path)) {
      const promise = fetchJson(path);
      placeCache.set(path, promise);
      promise.catch(() => placeCache.delete(path));
    }
    return placeCache.get(path);
  }

  function loadCell(key) {
    if (!cellCache.has(key)) {
      const promise = fetchJson(`data/cells/${key}.json`);
      cellCache.set(key, promise);
      promise.catch(() => cellCache.delete(key));
    }
    return cellCache.get(key);
  }

  // ---- the CLI's rules -------------------------------------------------------------------

  function radians(degrees) {
    return (degrees * Math.PI) / 180;
  }

  /* (south, north, west, east), erring wide: pipeline/publish/search.py bounding_box(). */
  function boundingBox(lat, lon, miles) {
    const dlat = miles / 68.7;
    const dlon = miles / (69.17 * Math.cos(radians(Math.min(Math.abs(lat) + miles / 68.7, 89.0))));
    return { south: lat - dlat, north: lat + dlat, west: lon - dlon, east: lon + dlon };
  }

  /* haversine_miles() in sql/migrations/0002_macros.sql. */
  function haversineMiles(lat1, lon1, lat2, lon2) {
    const a =
      Math.sin(radians(lat2 - lat1) / 2) ** 2 +
      Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
    return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(a));
  }

  function cellKeys(box, meta) {
    const steps = (meta.grid && meta.grid.lon_steps) || {};
    const keys = [];
    for (let band = Math.floor(box.south); band <= Math.floor(box.north); band++) {
      const step = Number(steps[String(band)]);
      if (!(step > 0)) {
        continue;
      }
      for (let index = Math.floor(box.west / step); index <= Math.floor(box.east / step); index++) {
        const key = `${band}_${index}`;
        if (meta.cellSet.has(key)) {
          keys.push(key);
        }
      }
    }
    return keys;
  }

  /* pipeline/gazetteer/reference.py city_key(), without the state. */
  function cityKey(city) {
    const folded = String(city).normalize("NFKD").replace(/\p{M}/gu, "");
    let name = folded.toUpperCase().replace(/[^A-Z0-9 ]/g, " ");
    name = name.replace(/\bSAINT\b/g, "ST");
    return name.split(" ").filter(Boolean).join(" ");
  }

  /* pipeline/gazetteer/states.py normalize_state(). */
  function normalizeState(value) {
    if (!value) {
      return null;
    }
    const upper = value.trim().toUpperCase().replace(/\./g, "").replace(/\s+/g, " ");
    if (STATE_CODES.has(upper)) {
      return upper;
    }
    return STATES[upper] || null;
  }

  function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = current;
    }
    return previous[b.length];
  }

  class PlaceError extends Error {}

  /* resolve_place(): a ZIP code, "City, ST" or "lat,lon" -> {lat, lon, label}. */
  async function resolvePlace(text, meta) {
    text = (text || "").trim();
    if (!text) {
      throw new PlaceError('Enter a place: a ZIP code, "City, ST" or "lat,lon".');
    }
    let match = LATLON.exec(text);
    if (match) {
      const lat = parseFloat(match[1]);
      const lon = parseFloat(match[2]);
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        throw new PlaceError(`"${text}" is not a valid latitude,longitude pair.`);
      }
      return { lat, lon, label: `${lat.toFixed(4)},${lon.toFixed(4)}` };
    }
    match = ZIP.exec(text);
    if (match) {
      const zip = match[1];
      const prefix = zip.slice(0, meta.zipPrefixLength);
      const entry = meta.zipPrefixSet.has(prefix) ? (await loadPlaceFile(`data/places/zip/${prefix}.json`))[zip] : null;
      if (!Array.isArray(entry) || !Number.isFinite(entry[0]) || !Number.isFinite(entry[1])) {
        throw new PlaceError(`Unknown ZIP code ${zip}. Check it, or try "City, ST".`);
      }
      // [lat, lon], [lat, lon, "City, ST"] or [lat, lon, "City", "ST"]
      let where = "";
      if (typeof entry[2] === "string" && typeof entry[3] === "string") {
        where = `${entry[2]}, ${entry[3]}`;
      } else if (typeof entry[2] === "string") {
        where = entry[2];
      }
      return { lat: entry[0], lon: entry[1], label: where ? `${zip} (${where})` : zip };
    }
    const comma = text.lastIndexOf(",");
    const city = comma >= 0 ? text.slice(0, comma) : "";
    const state = normalizeState(comma >= 0 ? text.slice(comma + 1) : text);
    if (!city.trim() || !state) {
      throw new PlaceError(`Cannot read the place "${text}". Use a ZIP code, "City, ST" or "lat,lon".`);
    }
    const key = cityKey(city);
    const code = state.toLowerCase();
    const cities = meta.stateSet.has(code) ? await loadPlaceFile(`data/places/city/${code}.json`) : {};
    const entry = Object.prototype.hasOwnProperty.call(cities, key) ? cities[key] : null;
    if (!Array.isArray(entry) || !Number.isFinite(entry[0]) || !Number.isFinite(entry[1])) {
      const close = Object.keys(cities)
        .map((k) => [editDistance(key, k), k])
        .filter(([d]) => d <= Math.max(1, Math.floor(key.length / 4)))
        .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
        .slice(0, 3)
        .map(([, k]) => `${(cities[k] && cities[k][2]) || k}, ${state}`);
      const hint = close.length ? ` Did you mean ${close.join(" or ")}?` : "";
      throw new PlaceError(`Unknown city "${city.trim()}" in ${state}.${hint}`);
    }
    const name = typeof entry[2] === "string" && entry[2] ? entry[2] : city.trim();
    return { lat: entry[0], lon: entry[1], label: `${name}, ${state}` };
  }

  function compareIds(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  /* The rows of sql/search/near.sql, in its order. */
  function filterAndSort(records, place, query, meta) {
    const ranks = meta.tier_ranks || {};
    const minRank = ranks[query.minTier];
    const box = boundingBox(place.lat, place.lon, query.radius);
    const seen = new Set();
    const rows = [];
    for (const record of records) {
      if (!record || seen.has(record.id) || !Number.isFinite(record.lat) || !Number.isFinite(record.lon)) {
        continue;
      }
      seen.add(record.id);
      if (record.lat < box.south || record.lat > box.north || record.lon < box.west || record.lon > box.east) {
        continue;
      }
      const rank = ranks[record.tier];
      if (rank === undefined || minRank === undefined || rank < minRank) {
        continue;
      }
      const techniques = Array.isArray(record.techniques) ? record.techniques : [];
      if (!query.techniques.every((t) => techniques.includes(t))) {
        continue;
      }
      const distance = haversineMiles(place.lat, place.lon, record.lat, record.lon);
      if (!(distance <= query.radius)) {
        continue;
      }
      rows.push({ record, distance });
    }
    const byDistance = (a, b) => a.distance - b.distance || compareIds(a.record, b.record);
    if (query.sort === "relevance") {
      const score = (row) => (Number.isFinite(row.record.score) ? row.record.score : null);
      rows.sort((a, b) => {
        const sa = score(a);
        const sb = score(b);
        if (sa !== sb) {
          if (sa === null) return 1; // nulls last, as DuckDB orders them
          if (sb === null) return -1;
          return sb - sa;
        }
        return byDistance(a, b);
      });
    } else {
      rows.sort(byDistance);
    }
    return rows;
  }

  // ---- the form and the URL ---------------------------------------------------------------

  function techniqueBoxes() {
    return techniquesBox ? Array.from(techniquesBox.querySelectorAll('input[type="checkbox"][name="technique"]')) : [];
  }

  function readForm() {
    return {
      place: placeInput ? placeInput.value.trim() : "",
      radiusText: radiusSelect ? radiusSelect.value : "25",
      radius: Number(radiusSelect ? radiusSelect.value : 25),
      techniques: [...new Set(techniqueBoxes().filter((box) => box.checked).map((box) => box.value))],
      minTier: tierSelect ? tierSelect.value : "low",
      sort: sortSelect && sortSelect.value === "relevance" ? "relevance" : "distance",
    };
  }

  function hasOption(select, value) {
    return Boolean(select) && Array.from(select.options).some((option) => option.value === value);
  }

  function fillForm(params) {
    if (placeInput && params.has("place")) {
      placeInput.value = params.get("place");
    }
    const radius = params.get("radius");
    if (radiusSelect && radius !== null) {
      const miles = Number(radius);
      if (hasOption(radiusSelect, radius)) {
        radiusSelect.value = radius;
      } else if (miles > 0 && miles <= MAX_RADIUS) {
        const option = document.createElement("option");
        option.value = String(miles);
        option.textContent = `${miles} miles`;
        radiusSelect.appendChild(option);
        radiusSelect.value = option.value;
      }
    }
    if (params.has("technique")) {
      const wanted = new Set(params.getAll("technique"));
      for (const box of techniqueBoxes()) {
        box.checked = wanted.has(box.value);
      }
    }
    const tier = params.get("min_tier");
    if (tier !== null && hasOption(tierSelect, tier)) {
      tierSelect.value = tier;
    }
    const sort = params.get("sort");
    if (sort !== null && hasOption(sortSelect, sort)) {
      sortSelect.value = sort;
    }
  }

  function writeUrl(query) {
    const params = new URLSearchParams();
    params.append("place", query.place);
    params.append("radius", query.radiusText);
    for (const technique of query.techniques) {
      params.append("technique", technique);
    }
    params.append("min_tier", query.minTier);
    params.append("sort", query.sort);
    try {
      history.replaceState(null, "", `${location.pathname}?${params.toString()}${location.hash}`);
    } catch (error) {
      // a file: URL or a sandboxed frame: the search still works
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /* An http(s) URL from the data, or null. */
  function safeExternalUrl(value) {
    if (typeof value !== "string" || !value) {
      return null;
    }
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  /* The record's page on this site, or null when its url is not a same-origin path. */
  function safeSiteUrl(record) {
    const path = typeof record.url === "string" && record.url ? record.url : record.slug ? `t/${record.slug}/` : "";
    if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("/") || path.includes("\\")) {
      return null;
    }
    try {
      const url = new URL(root + path, location.href);
      return url.origin === location.origin ? root + path : null;
    } catch (error) {
      return null;
    }
  }

  function externalLink(href, text, nofollow) {
    const a = el("a", null, text);
    a.href = href;
    a.rel = nofollow ? "nofollow noopener noreferrer" : "noopener noreferrer";
    return a;
  }

  function formatMiles(distance) {
    return `${(Math.round(distance * 10) / 10).toFixed(1)} mi`;
  }

  function renderResult(row, meta) {
    const { record, distance } = row;
    const li = el("li", "result");
    li.dataset.id = String(record.id);

    const heading = el("h2", "result-name");
    const href = safeSiteUrl(record);
    const name = record.name == null ? "" : String(record.name);
    if (href) {
      const link = el("a", null, name);
      link.href = href;
      heading.appendChild(link);
    } else {
      heading.textContent = name;
    }
    li.appendChild(heading);

    const facts = el("p", "result-facts");
    const tier = typeof record.tier === "string" ? record.tier : "unknown";
    const tierNames = meta.tier_names || {};
    const badge = el("span", `tier tier-${tier.replace(/[^a-z]/g, "")}`, tierNames[tier] || tier);
    badge.title = `Relevance to sciatica: ${tierNames[tier] || tier}`;
    facts.appendChild(badge);
    facts.appendChild(el("span", "distance", formatMiles(distance)));
    const where = [record.city, record.state].filter((part) => typeof part === "string" && part).join(", ");
    if (where) {
      facts.appendChild(el("span", "locality", where));
    }
    li.appendChild(facts);

    const techniques = Array.isArray(record.techniques) ? record.techniques : [];
    if (techniques.length) {
      const list = el("ul", "techniques");
      list.setAttribute("aria-label", "Techniques");
      for (const slug of techniques) {
        list.appendChild(el("li", "technique", meta.techniqueNames.get(slug) || slug));
      }
      li.appendChild(list);
    }

    const evidence = record.evidence;
    if (evidence && typeof evidence.snippet === "string" && evidence.snippet) {
      const quote = el("blockquote", "evidence");
      quote.appendChild(el("p", null, evidence.snippet));
      const source = safeExternalUrl(evidence.source_url);
      if (source) {
        quote.cite = source;
        const cite = el("cite");
        cite.appendChild(externalLink(source, "source", true));
        quote.appendChild(cite);
      }
      li.appendChild(quote);
    }

    const contact = el("p", "contact");
    if (typeof record.phone === "string" && /^\+?[0-9]{3,15}$/.test(record.phone)) {
      const tel = el("a", "phone", record.phone_display || record.phone);
      tel.href = `tel:${record.phone}`;
      contact.appendChild(tel);
    } else if (record.phone_display) {
      contact.appendChild(el("span", "phone", record.phone_display));
    }
    const website = safeExternalUrl(record.website);
    if (website) {
      const host = new URL(website).hostname.replace(/^www\./, "");
      const link = externalLink(website, host || "Website", true);
      link.className = "website";
      contact.appendChild(link);
    }
    if (contact.childNodes.length) {
      li.appendChild(contact);
    }
    return li;
  }

  function setStatus(text, state) {
    if (!statusLine) {
      return;
    }
    statusLine.textContent = text;
    statusLine.dataset.state = state || "";
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  function ensureMap() {
    if (map || !mapElement || typeof L === "undefined" || !window.SiteMap) {
      return map;
    }
    try {
      map = window.SiteMap.create(mapElement);
      mapLayer = L.layerGroup().addTo(map);
    } catch (error) {
      map = null;
    }
    return map;
  }

  function focusResult(id) {
    const item = resultsList && resultsList.querySelector(`li.result[data-id="${CSS.escape(id)}"]`);
    if (!item) {
      return;
    }
    const target = item.querySelector("a") || item;
    item.scrollIntoView({ block: "nearest", behavior: "smooth" });
    target.focus({ preventScroll: true });
  }

  function drawMap(rows, place, radius) {
    if (!ensureMap()) {
      return;
    }
    mapLayer.clearLayers();
    map.invalidateSize();
    const circle = L.circle([place.lat, place.lon], {
      radius: radius * 1609.344,
      className: "search-radius",
      color: "#0f4c5c",
      weight: 1.5,
      dashArray: "6 6",
      fill: true,
      fillColor: "#0f4c5c",
      fillOpacity: 0.04,
      interactive: false,
    }).addTo(mapLayer);
    const markers = [];
    // Nearest (or most relevant) last, so it is drawn on top.
    for (let i = rows.length - 1; i >= 0; i--) {
      const { record } = rows[i];
      const marker = window.SiteMap.marker([record.lat, record.lon], record.tier, record.name);
      marker.on("click", () => focusResult(String(record.id)));
      marker.addTo(mapLayer);
      markers.push(marker);
      const item = resultsList && resultsList.querySelector(`li.result[data-id="${CSS.escape(String(record.id))}"]`);
      if (item) {
        item.addEventListener("mouseenter", () => marker.openTooltip());
        item.addEventListener("mouseleave", () => marker.closeTooltip());
        item.addEventListener("focusin", () => marker.openTooltip());
        item.addEventListener("focusout", () => marker.closeTooltip());
      }
    }
    const bounds = markers.length ? L.featureGroup(markers).getBounds() : circle.getBounds();
    // Keep the markers clear of the attribution line along the bottom edge.
    const attribution = map.attributionControl && map.attributionControl.getContainer();
    const bottom = 20 + (attribution ? attribution.offsetHeight : 0);
    map.fitBounds(bounds, { paddingTopLeft: [24, 24], paddingBottomRight: [24, bottom], maxZoom: 13, animate: false });
  }

  function render(rows, place, query, meta) {
    const shown = rows.slice(0, MAX_SHOWN);
    const fragment = document.createDocumentFragment();
    for (const row of shown) {
      fragment.appendChild(renderResult(row, meta));
    }
    if (resultsList) {
      resultsList.replaceChildren(fragment);
      resultsList.removeAttribute("aria-busy");
    }
    const miles = `${query.radius} ${query.radius === 1 ? "mile" : "miles"}`;
    if (!rows.length) {
      const wider = query.radius < MAX_RADIUS ? "Try a wider radius" : "Try another place";
      const more = query.techniques.length || (meta.tier_ranks || {})[query.minTier] > 2
        ? `${wider}, fewer techniques or a lower minimum relevance.`
        : `${wider}.`;
      setStatus(`No therapists within ${miles} of ${place.label} match your search. ${more}`, "empty");
    } else if (rows.length > shown.length) {
      setStatus(`${rows.length} therapists within ${miles} of ${place.label}; showing the first ${shown.length}.`, "ok");
    } else {
      setStatus(`${plural(rows.length, "therapist", "therapists")} within ${miles} of ${place.label}`, "ok");
    }
    drawMap(shown, place, query.radius);
  }

  function clearResults() {
    if (resultsList) {
      resultsList.replaceChildren();
      resultsList.removeAttribute("aria-busy");
    }
    if (mapLayer) {
      mapLayer.clearLayers();
    }
  }

  async function runSearch() {
    const query = readForm();
    writeUrl(query);
    const seq = ++searchSeq;
    if (!(query.radius > 0 && query.radius <= MAX_RADIUS)) {
      clearResults();
      setStatus(`Choose a radius of more than 0 and at most ${MAX_RADIUS} miles.`, "error");
      return;
    }
    setStatus("Searching…", "busy");
    if (resultsList) {
      resultsList.setAttribute("aria-busy", "true");
    }
    try {
      const meta = await loadMeta();
      const place = await resolvePlace(query.place, meta);
      const box = boundingBox(place.lat, place.lon, query.radius);
      const cells = await Promise.all(cellKeys(box, meta).map(loadCell));
      if (seq !== searchSeq) {
        return; // a newer search has started
      }
      // The time from the files' arrival to the results on screen (bench/bench_site.py reads it).
      const arrived = performance.now();
      render(filterAndSort(cells.flat(), place, query, meta), place, query, meta);
      performance.measure("search-render", { start: arrived, end: performance.now() });
    } catch (error) {
      if (seq !== searchSeq) {
        return;
      }
      clearResults();
      if (error instanceof PlaceError) {
        setStatus(error.message, "error");
      } else {
        setStatus("The directory data could not be loaded. Check your connection and try again.", "error");
      }
    }
  }

  // ---- wiring ------------------------------------------------------------------------------

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch();
  });

  if (locateButton) {
    if (!("geolocation" in navigator) || !window.isSecureContext) {
      locateButton.hidden = true; // browsers only share a location with https pages
    } else {
      locateButton.addEventListener("click", () => {
        setStatus("Finding your location…", "busy");
        locateButton.disabled = true;
        navigator.geolocation.getCurrentPosition(
          (position) => {
            locateButton.disabled = false;
            const { latitude, longitude } = position.coords;
            placeInput.value = `${latitude.toFixed(4)},${longitude.toFixed(4)}`;
            runSearch();
          },
          (error) => {
            locateButton.disabled = false;
            setStatus(
              error && error.code === 1
                ? 'Location permission was denied. Enter a ZIP code or "City, ST" instead.'
                : 'Your location could not be found. Enter a ZIP code or "City, ST" instead.',
              "error"
            );
          },
          { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
        );
      });
    }
  }

  const initial = new URLSearchParams(location.search);
  fillForm(initial);
  ensureMap();
  if ((initial.get("place") || "").trim()) {
    runSearch();
  }

  // For tests and other scripts: the pure functions, the same as the CLI's.
  window.SiteSearch = { boundingBox, haversineMiles, cellKeys, cityKey, normalizeState, resolvePlace, filterAndSort, loadMeta, runSearch };
})();
