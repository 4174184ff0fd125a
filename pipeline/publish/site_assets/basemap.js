/* The site's maps: Leaflet with US state outlines drawn from the vendored us-atlas file, an
   optional street tile layer (body data-tiles-url / data-tiles-attribution) and no marker images.
   window.SiteMap = {create(element, options) -> L.Map, marker(latlng, tier, name) -> L.CircleMarker,
   tierColor(tier), STATES_ATTRIBUTION}. Nothing here uses innerHTML with data. */
(function () {
  "use strict";

  const STATES_ATTRIBUTION = "US states: US Census Bureau (public domain) via us-atlas";
  const US_BOUNDS = [[24.3, -125.0], [49.5, -66.8]]; // the lower 48
  const TIER_COLORS = {
    high: "#1e6b3a",
    medium: "#b36200",
    low: "#2f63a8",
    unknown: "#6b6b6b",
    none: "#9a9a9a",
  };
  const DEFAULT_COLOR = "#0f4c5c"; // no tier given (a profile page without data-tier)
  let statesPromise = null; // one fetch per page, shared by every map

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({
      "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    })[c]);
  }

  function siteRoot() {
    return (document.body && document.body.dataset.root) || "";
  }

  function reducedMotion() {
    return Boolean(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function loadStates() {
    if (!statesPromise) {
      const url = siteRoot() + "assets/vendor/us-atlas/states-10m.json";
      statesPromise = fetch(url, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : null))
        .then((topo) => {
          if (!topo || !topo.objects || !topo.objects.states || typeof topojson === "undefined") {
            return null;
          }
          return topojson.feature(topo, topo.objects.states);
        })
        .catch(() => null); // the markers matter more than the outlines
    }
    return statesPromise;
  }

  function tierColor(tier) {
    return Object.hasOwn(TIER_COLORS, tier) ? TIER_COLORS[tier] : DEFAULT_COLOR;
  }

  function tooltipContent(name) {
    const span = document.createElement("span");
    span.className = "map-tooltip";
    span.textContent = name == null ? "" : String(name);
    return span;
  }

  /* A circle marker (no image) with class "result-marker" and the name as a text tooltip. */
  function marker(latlng, tier, name, options) {
    const opts = options || {};
    const color = tierColor(tier);
    const layer = L.circleMarker(latlng, {
      className: Object.hasOwn(TIER_COLORS, tier) ? "result-marker result-marker-" + tier : "result-marker",
      radius: opts.radius || 8,
      color: "#ffffff",
      weight: 2,
      opacity: 1,
      fillColor: color,
      fillOpacity: 0.95,
      bubblingMouseEvents: false,
    });
    if (name != null && name !== "") {
      layer.bindTooltip(tooltipContent(name), {
        direction: "top",
        offset: [0, -8],
        permanent: Boolean(opts.permanentTooltip),
      });
    }
    return layer;
  }

  function create(element, options) {
    if (typeof L === "undefined") {
      throw new Error("Leaflet is not loaded");
    }
    const opts = options || {};
    const body = document.body;
    const tilesUrl = ((body && body.dataset.tilesUrl) || "").trim();
    const tilesAttribution = ((body && body.dataset.tilesAttribution) || "").trim();
    const still = reducedMotion();

    const map = L.map(element, {
      attributionControl: false,
      preferCanvas: false, // SVG paths, so markers carry their class names
      scrollWheelZoom: false, // enabled while the map has focus, so the page scrolls past it
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      zoomSnap: tilesUrl ? 1 : 0.25, // no tiles to blur: fit the outlines snugly
      minZoom: 2,
      maxZoom: tilesUrl ? 19 : 14,
      worldCopyJump: false,
    });
    map.on("focus", () => map.scrollWheelZoom.enable());
    map.on("blur", () => map.scrollWheelZoom.disable());

    L.control
      .attribution({ prefix: '<a href="https://leafletjs.com" rel="noopener noreferrer">Leaflet</a>' })
      .addAttribution(escapeHtml(STATES_ATTRIBUTION))
      .addTo(map);

    if (opts.center && Number.isFinite(opts.zoom)) {
      map.setView(opts.center, opts.zoom);
    } else if (opts.bounds) {
      map.fitBounds(opts.bounds);
    } else {
      map.fitBounds(US_BOUNDS);
    }

    if (tilesUrl) {
      L.tileLayer(tilesUrl, {
        attribution: escapeHtml(tilesAttribution),
        maxZoom: 19,
        referrerPolicy: "strict-origin-when-cross-origin",
      }).addTo(map);
    }

    // The outlines sit between the tiles (200) and the overlays (400), and take no events.
    const pane = map.createPane("states");
    pane.style.zIndex = "350";
    pane.style.pointerEvents = "none";
    loadStates().then((states) => {
      if (!states) {
        element.classList.add("basemap-unavailable");
        return;
      }
      L.geoJSON(states, {
        pane: "states",
        interactive: false,
        style: {
          color: "#7d8b99",
          weight: 1,
          opacity: 0.9,
          fillColor: "#f7f5ef",
          fillOpacity: tilesUrl ? 0 : 1,
        },
      }).addTo(map);
    });
    return map;
  }

  window.SiteMap = {
    create,
    marker,
    tierColor,
    tooltipContent,
    STATES_ATTRIBUTION,
  };
})();
