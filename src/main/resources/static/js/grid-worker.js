// Grid worker pages (report a hazard, add to one, grid worker). Progressive enhancement only: without this script
// every page is a plain form (a district choice, typed coordinates, a submit button).
// - "Use my position": the phone's position (WGS-84 by the standard; WeChat's Android browser is taken to answer in
//   GCJ-02, the server says which in data-position-crs) fills the form's lat/lng/crs.
// - The report map: a point picked on the map is sent in the tile layer's system (data-tile-crs); the server converts.
// - As the rider picks a category and a location, the open reports of that category nearby are fetched ("is it this
//   one?") and shown in place.
// - Description counters (characters as the server counts them: code points).
(function () {
  'use strict';
  var script = document.currentScript;
  var data = (script && script.dataset) || {};

  document.querySelectorAll('.nx-js-only').forEach(function (el) { el.hidden = false; });

  // ---- counters ----
  document.querySelectorAll('textarea[data-max]').forEach(function (area) {
    var counter = document.getElementById(area.id + '-counter');
    if (!counter) { return; }
    var max = parseInt(area.dataset.max, 10);
    function update() {
      var n = Array.from(area.value).length;
      counter.textContent = (area.dataset.counter || '{0} / {1}').replace('{0}', n).replace('{1}', max);
      counter.classList.toggle('nx-over', n > max);
    }
    area.addEventListener('input', update);
    update();
  });

  var lat = document.getElementById('lat');
  var lng = document.getElementById('lng');
  var crs = document.getElementById('crs');
  var district = document.getElementById('district');
  var status = document.getElementById('locate-status');
  var locate = document.getElementById('locate');

  function say(message) {
    if (!status) { return; }
    status.textContent = message || '';
    status.hidden = !message;
  }

  function setPoint(latitude, longitude, system) {
    lat.value = latitude.toFixed(6);
    lng.value = longitude.toFixed(6);
    crs.value = system;
    if (district) { district.value = ''; }
  }

  // ---- the report's first step: map and nearby reports ----
  var start = document.getElementById('report-start');
  var mapEl = document.getElementById('report-map');
  var map = null;
  var here = null;
  var others = null;

  function category() {
    var checked = start && start.querySelector('input[name=category]:checked');
    return checked ? checked.value : '';
  }

  function drawHere(point) {
    if (!map || !point) { return; }
    if (!here) {
      here = L.marker(point, {
        draggable: true, autoPan: true, keyboard: true, zIndexOffset: 1000,
        title: mapEl.dataset.pointLabel, alt: mapEl.dataset.pointLabel,
        icon: L.divIcon({className: 'nx-here', html: '', iconSize: [20, 20]})
      }).addTo(map);
      here.on('dragend', function () { picked(here.getLatLng()); });
    } else {
      here.setLatLng(point);
    }
  }

  function drawOthers() {
    if (!map) { return; }
    others.clearLayers();
    var bounds = here ? [here.getLatLng()] : [];
    document.querySelectorAll('.nx-nearby-report').forEach(function (li) {
      var p = [parseFloat(li.dataset.lat), parseFloat(li.dataset.lng)];
      bounds.push(p);
      L.circleMarker(p, {radius: 8, color: '#C8102E', weight: 3, fillColor: '#fff', fillOpacity: 1}).addTo(others);
    });
    if (bounds.length > 1) {
      map.fitBounds(bounds, {padding: [24, 24], maxZoom: 17});
    } else if (bounds.length === 1) {
      map.setView(bounds[0], Math.max(map.getZoom(), 16));
    }
  }

  function refreshNearby() {
    if (!start) { return; }
    var params = new URLSearchParams();
    params.set('category', category());
    params.set('lat', lat.value);
    params.set('lng', lng.value);
    params.set('crs', crs.value);
    params.set('district', district.value);
    if (!lat.value && !district.value) { return; }
    fetch(start.dataset.nearby + '?' + params.toString(), {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var box = document.getElementById('nearby');
        // The server's fragment: every value in it is escaped by the template (th:text/th:attr).
        box.innerHTML = html;
        var d = document.getElementById('nearby-data');
        if (d && d.dataset.lat) { drawHere([parseFloat(d.dataset.lat), parseFloat(d.dataset.lng)]); }
        drawOthers();
      })
      .catch(function () { /* the second step shows them too */ });
  }

  function picked(latlng) {
    setPoint(latlng.lat, latlng.lng, mapEl.dataset.tileCrs || 'wgs84');
    refreshNearby();
  }

  if (start && mapEl && window.L) {
    map = L.map(mapEl, {attributionControl: !!mapEl.dataset.tileUrl}).setView([29.56, 106.55], 9);
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
      .catch(function () { /* the form works without the map */ });
    others = L.layerGroup().addTo(map);
    map.on('click', function (e) { drawHere(e.latlng); picked(e.latlng); });
    if (mapEl.dataset.hereLat) {
      drawHere([parseFloat(mapEl.dataset.hereLat), parseFloat(mapEl.dataset.hereLng)]);
      drawOthers();
    }
  }
  if (start) {
    start.querySelectorAll('input[name=category]').forEach(function (r) {
      r.addEventListener('change', refreshNearby);
    });
    district.addEventListener('change', function () {
      lat.value = '';
      lng.value = '';
      refreshNearby();
    });
  }

  // ---- "use my position" ----
  if (locate) {
    if (!navigator.geolocation) {
      locate.hidden = true;
    }
    locate.addEventListener('click', function () {
      say(data.locating);
      navigator.geolocation.getCurrentPosition(function (pos) {
        setPoint(pos.coords.latitude, pos.coords.longitude, data.positionCrs || 'wgs84');
        say(data.located);
        if (start) {
          refreshNearby();
        } else if (lat.form) {
          lat.form.submit();
        }
      }, function (err) {
        say(err.code === 1 ? data.denied : data.unavailable);
      }, {enableHighAccuracy: true, timeout: 10000, maximumAge: 60000});
    });
  }
})();
