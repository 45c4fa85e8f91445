// "Stations near me": asks for the phone's position, fills the list through htmx, and draws the
// district boundaries (no tile server needed) with the stations and the rider on a Leaflet map.
(function () {
  'use strict';
  var script = document.currentScript;
  var text = {
    denied: script.dataset.denied,
    unavailable: script.dataset.unavailable,
    located: script.dataset.located
  };
  var form = document.getElementById('finder');
  var lat = document.getElementById('f-lat');
  var lng = document.getElementById('f-lng');
  var crs = document.getElementById('f-crs');
  var district = document.getElementById('district');
  var status = document.getElementById('locate-status');
  var mapEl = document.getElementById('map');

  function refresh() {
    if (window.htmx) {
      window.htmx.trigger(form, 'change');
    } else {
      form.submit();
    }
  }

  district.addEventListener('change', function () {
    lat.value = '';
    lng.value = '';
  });

  // ---- map ----
  var map = null;
  var layer = null;
  if (window.L && mapEl) {
    map = L.map(mapEl, {zoomControl: true, attributionControl: !!mapEl.dataset.tileUrl}).setView([29.56, 106.55], 9);
    if (mapEl.dataset.tileUrl) {
      L.tileLayer(mapEl.dataset.tileUrl, {maxZoom: 18, attribution: mapEl.dataset.tileAttribution || ''}).addTo(map);
    }
    fetch(mapEl.dataset.boundaries, {headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (geo) {
        L.geoJSON(geo, {
          style: {color: '#7a7a7a', weight: 1, fillColor: '#f4efe6', fillOpacity: 0.6},
          onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); }
        }).addTo(map).bringToBack();
      })
      .catch(function () { /* the list works without the map */ });
    layer = L.layerGroup().addTo(map);
    map.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lng.value = e.latlng.lng.toFixed(6);
      // The map is drawn in the tile layer's system; the server converts.
      crs.value = mapEl.dataset.tileCrs || 'wgs84';
      district.value = '';
      refresh();
    });
  }

  function drawResults() {
    if (!map) { return; }
    layer.clearLayers();
    var data = document.getElementById('result-data');
    if (!data) { return; }
    var here = [parseFloat(data.dataset.lat), parseFloat(data.dataset.lng)];
    var bounds = [here];
    L.circleMarker(here, {radius: 9, color: '#fff', weight: 3, fillColor: '#1565c0', fillOpacity: 1}).addTo(layer);
    document.querySelectorAll('.nx-station').forEach(function (li, i) {
      var p = [parseFloat(li.dataset.lat), parseFloat(li.dataset.lng)];
      bounds.push(p);
      // A string popup is parsed as HTML: pass the name as text so a name like <img ...> stays a name.
      var label = document.createElement('span');
      label.textContent = li.dataset.name;
      L.marker(p, {title: li.dataset.name, icon: L.divIcon({className: 'nx-pin', html: String(i + 1), iconSize: [28, 28]})})
        .bindPopup(label).addTo(layer);
    });
    map.fitBounds(bounds, {padding: [24, 24], maxZoom: 16});
  }
  document.body.addEventListener('htmx:afterSwap', function () {
    status.textContent = '';
    drawResults();
  });
  drawResults();

  // ---- position ----
  if (document.getElementById('result-data') || district.value) {
    status.textContent = '';
    return;
  }
  if (!navigator.geolocation) {
    status.textContent = text.unavailable;
    return;
  }
  navigator.geolocation.getCurrentPosition(function (pos) {
    lat.value = pos.coords.latitude.toFixed(6);
    lng.value = pos.coords.longitude.toFixed(6);
    crs.value = 'wgs84';
    district.value = '';
    status.textContent = text.located;
    refresh();
  }, function (err) {
    status.textContent = err.code === 1 ? text.denied : text.unavailable;
  }, {enableHighAccuracy: true, timeout: 10000, maximumAge: 60000});
})();
