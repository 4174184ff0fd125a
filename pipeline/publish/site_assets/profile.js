/* A therapist's page: a small map of the practice from <div id="map" class="profile-map"
   data-lat data-lon data-name [data-tier] [data-zoom]>, drawn with SiteMap (basemap.js). */
(function () {
  "use strict";

  const element = document.getElementById("map");
  if (!element || !element.classList.contains("profile-map") || typeof L === "undefined" || !window.SiteMap) {
    return;
  }
  const lat = parseFloat(element.dataset.lat);
  const lon = parseFloat(element.dataset.lon);
  if (!(Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
    return;
  }
  const zoom = Number.isFinite(parseFloat(element.dataset.zoom)) ? parseFloat(element.dataset.zoom) : 11;
  const map = window.SiteMap.create(element, { center: [lat, lon], zoom });
  const name = element.dataset.name || "";
  window.SiteMap.marker([lat, lon], element.dataset.tier || null, name, { permanentTooltip: Boolean(name) }).addTo(map);
})();
