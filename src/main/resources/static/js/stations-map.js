// Console map of the station roster: district boundaries as the base layer (offline) and every
// station as a clustered marker linking to its edit page.
(function () {
  'use strict';
  var el = document.getElementById('console-map');
  if (!el || !window.L) { return; }
  // Without a tile layer nothing gives the map a maxZoom, and the cluster layer refuses to be added
  // to a map without one ("Map has no maxZoom specified"): no marker would be drawn.
  var map = L.map(el, {maxZoom: 18}).setView([29.9, 107.8], 7);
  fetch(el.dataset.boundaries).then(function (r) { return r.json(); }).then(function (geo) {
    var boundaries = L.geoJSON(geo, {style: {color: '#666', weight: 1, fillColor: '#f4efe6', fillOpacity: 0.5},
      onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); }}).addTo(map);
    boundaries.bringToBack();
    if (el.dataset.filtered !== 'true') {
      map.fitBounds(boundaries.getBounds(), {padding: [8, 8]});
    }
  });
  var cluster = L.markerClusterGroup({chunkedLoading: true});
  fetch(el.dataset.stations, {headers: {'Accept': 'application/geo+json'}}).then(function (r) { return r.json(); })
    .then(function (fc) {
      fc.features.forEach(function (f) {
        var c = f.geometry.coordinates;
        var a = document.createElement('a');
        a.href = el.dataset.stationUrl + encodeURIComponent(f.properties.code);
        a.textContent = f.properties.name + ' (' + f.properties.code + ')';
        cluster.addLayer(L.marker([c[1], c[0]], {title: f.properties.name}).bindPopup(a));
      });
      map.addLayer(cluster);
      // A filtered map (one district, one amenity...) zooms to what it shows.
      if (el.dataset.filtered === 'true' && fc.features.length > 0) {
        map.fitBounds(cluster.getBounds(), {padding: [24, 24], maxZoom: 15});
      }
    });
})();
