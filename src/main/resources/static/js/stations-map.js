// Console map of the station roster: district boundaries as the base layer (offline) and the stations of the
// visible area, fetched again whenever the map moves or zooms. The server answers clusters per H3 cell when the
// map is zoomed out or too many stations are in view (each drawn as a circle with its count; a click zooms in),
// and single stations (clustered on the client, linking to their edit pages) otherwise.
(function () {
  'use strict';
  var el = document.getElementById('console-map');
  if (!el || !window.L) { return; }
  // Without a tile layer nothing gives the map a maxZoom, and the cluster layer refuses to be added
  // to a map without one ("Map has no maxZoom specified"): no marker would be drawn.
  var map = L.map(el, {maxZoom: 18}).setView([29.9, 107.8], 7);
  var filtered = el.dataset.filtered === 'true';
  var stations = L.markerClusterGroup({chunkedLoading: true});
  var clusters = L.layerGroup();
  map.addLayer(stations);
  map.addLayer(clusters);
  var request = 0;

  function clusterIcon(count) {
    var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
    var span = document.createElement('span');
    span.textContent = String(count);
    var div = document.createElement('div');
    div.appendChild(span);
    return L.divIcon({html: div, className: 'marker-cluster marker-cluster-' + size, iconSize: L.point(40, 40)});
  }

  function show(fc) {
    stations.clearLayers();
    clusters.clearLayers();
    var markers = [];
    fc.features.forEach(function (f) {
      var c = f.geometry.coordinates;
      var p = f.properties;
      if (p.cluster) {
        var m = L.marker([c[1], c[0]], {icon: clusterIcon(p.count)});
        m.on('click', function () { map.setView([c[1], c[0]], Math.min(map.getZoom() + 2, map.getMaxZoom())); });
        clusters.addLayer(m);
      } else {
        var a = document.createElement('a');
        a.href = el.dataset.stationUrl + encodeURIComponent(p.code);
        a.textContent = p.name + ' (' + p.code + ')';
        markers.push(L.marker([c[1], c[0]], {title: p.name}).bindPopup(a));
      }
    });
    stations.addLayers(markers);
  }

  function load(then) {
    var b = map.getBounds();
    var url = new URL(el.dataset.stations, window.location.href);
    url.searchParams.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map(function (v, i) { return Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)).toFixed(5); })
      .join(','));
    url.searchParams.set('zoom', String(Math.round(map.getZoom())));
    var mine = ++request;
    fetch(url, {headers: {'Accept': 'application/geo+json'}}).then(function (r) { return r.json(); })
      .then(function (fc) {
        if (mine !== request) { return; } // a later move already asked again
        show(fc);
        if (then) { then(fc); }
      });
  }

  var timer = null;
  function followTheView() {
    map.on('moveend', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(); }, 150);
    });
  }

  fetch(el.dataset.boundaries).then(function (r) { return r.json(); }).then(function (geo) {
    var boundaries = L.geoJSON(geo, {style: {color: '#666', weight: 1, fillColor: '#f4efe6', fillOpacity: 0.5},
      onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); }}).addTo(map);
    boundaries.bringToBack();
    if (!filtered) {
      map.fitBounds(boundaries.getBounds(), {padding: [8, 8], animate: false});
      load();
      followTheView();
    }
  });
  if (filtered) {
    // A filtered map (one district, one amenity...) zooms once to what it shows, then follows the view.
    load(function (fc) {
      if (fc.features.length > 0) {
        var bounds = L.latLngBounds(fc.features.map(function (f) {
          return [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        }));
        map.fitBounds(bounds, {padding: [24, 24], maxZoom: 15, animate: false});
      }
      followTheView();
      load();
    });
  }
})();
