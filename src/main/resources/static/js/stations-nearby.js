// "Stations near me": asks for the phone's position, fills the list through htmx, and draws the district
// boundaries (no tile server needed) with the stations and the point searched from on a Leaflet map.
// Without this script the page is a plain form (district choice) with no status line and no map.
(function () {
  'use strict';
  var script = document.currentScript;
  var text = {
    denied: script.dataset.denied,
    unavailable: script.dataset.unavailable,
    located: script.dataset.located,
    locating: script.dataset.locating,
    wechat: script.dataset.wechat
  };
  var form = document.getElementById('finder');
  var lat = document.getElementById('f-lat');
  var lng = document.getElementById('f-lng');
  var crs = document.getElementById('f-crs');
  var district = document.getElementById('district');
  var status = document.getElementById('locate-status');
  var mapEl = document.getElementById('map');

  function showScriptParts() {
    document.querySelectorAll('.nx-js-only').forEach(function (el) { el.hidden = false; });
  }
  function say(message) {
    status.textContent = message || '';
    status.hidden = !message;
  }
  showScriptParts();
  say('');

  function refresh() {
    if (window.htmx) {
      window.htmx.trigger(form, 'change');
    } else {
      form.submit();
    }
  }

  // A district replaces the position; the server also lets a district win, for the form without this script.
  district.addEventListener('change', function () {
    lat.value = '';
    lng.value = '';
  });

  // Moves the point searched from (in the map's system) and searches again from there.
  function searchFrom(latlng) {
    lat.value = latlng.lat.toFixed(6);
    lng.value = latlng.lng.toFixed(6);
    // The map is drawn in the tile layer's system; the server converts.
    crs.value = mapEl.dataset.tileCrs || 'wgs84';
    district.value = '';
    refresh();
  }

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
    map.on('click', function (e) { searchFrom(e.latlng); });
  }

  function textNode(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }

  // A station's pin stands above its spot (its tail points at it), so the search point on the same spot stays visible.
  var PIN_RISE = 36;

  // Stations at the same spot (to about 1 m) share one marker that lists them all, so none hides another.
  function groups() {
    var byKey = {};
    var order = [];
    document.querySelectorAll('.nx-station').forEach(function (li, i) {
      var p = [parseFloat(li.dataset.lat), parseFloat(li.dataset.lng)];
      var key = p[0].toFixed(5) + ',' + p[1].toFixed(5);
      if (!byKey[key]) {
        byKey[key] = {point: p, stations: []};
        order.push(key);
      }
      byKey[key].stations.push({number: i + 1, name: li.dataset.name, id: li.id});
    });
    return order.map(function (k) { return byKey[k]; });
  }

  function stationMarker(group) {
    if (group.stations.length === 1) {
      var s = group.stations[0];
      // A string popup is parsed as HTML: pass the name as text so a name like <img ...> stays a name.
      return L.marker(group.point, {
        title: s.name,
        icon: L.divIcon({className: 'nx-pin', html: String(s.number), iconSize: [28, 28], iconAnchor: [14, PIN_RISE]})
      }).bindPopup(textNode('span', s.name));
    }
    var numbers = group.stations.map(function (s) { return s.number; }).join(',');
    var list = document.createElement('ul');
    list.className = 'nx-group-list';
    list.appendChild(textNode('li', mapEl.dataset.groupLabel.replace('{0}', group.stations.length)));
    group.stations.forEach(function (s) {
      var a = textNode('a', s.number + '. ' + s.name);
      a.href = '#' + s.id;
      var li = document.createElement('li');
      li.appendChild(a);
      list.appendChild(li);
    });
    var title = mapEl.dataset.groupLabel.replace('{0}', group.stations.length) + ': ' +
      group.stations.map(function (s) { return s.name; }).join(', ');
    return L.marker(group.point, {
      title: title,
      icon: L.divIcon({
        className: 'nx-pin nx-pin-group',
        html: numbers,
        iconSize: [20 + 7 * numbers.length, 28],
        iconAnchor: [(20 + 7 * numbers.length) / 2, PIN_RISE]
      })
    }).bindPopup(list);
  }

  function drawResults() {
    if (!map) { return; }
    layer.clearLayers();
    var data = document.getElementById('result-data');
    if (!data) { return; }
    var here = [parseFloat(data.dataset.lat), parseFloat(data.dataset.lng)];
    var bounds = [here];
    if (data.dataset.mode === 'position') {
      // The point searched from: the rider drags it (or taps the map) when the phone's position is off.
      var point = L.marker(here, {
        draggable: true,
        autoPan: true,
        title: mapEl.dataset.pointLabel,
        alt: mapEl.dataset.pointLabel,
        keyboard: true,
        icon: L.divIcon({className: 'nx-search-point', html: '', iconSize: [20, 20]}),
        // Above the stations' pins, which stand above their spot (see PIN_ANCHOR), so both stay tappable.
        zIndexOffset: 1000
      }).addTo(layer);
      point.on('dragend', function () { searchFrom(point.getLatLng()); });
    } else {
      // A district search: its label point is where distances are measured from, not the rider.
      L.circleMarker(here, {radius: 5, color: '#555', weight: 2, fillColor: '#fff', fillOpacity: 1})
        .bindTooltip(mapEl.dataset.centreLabel).addTo(layer);
    }
    groups().forEach(function (g) {
      bounds.push(g.point);
      stationMarker(g).addTo(layer);
    });
    map.fitBounds(bounds, {padding: [24, 24], maxZoom: 16});
  }
  document.body.addEventListener('htmx:afterSwap', function () {
    showScriptParts();
    say('');
    drawResults();
  });
  drawResults();

  // ---- position ----
  if (document.getElementById('result-data') || district.value || document.querySelector('#results .nx-problem')) {
    return;
  }
  if (!navigator.geolocation) {
    say(text.unavailable);
    return;
  }
  say(text.locating);
  navigator.geolocation.getCurrentPosition(function (pos) {
    lat.value = pos.coords.latitude.toFixed(6);
    lng.value = pos.coords.longitude.toFixed(6);
    // WGS-84 by the standard; WeChat's Android browser is taken to answer in GCJ-02 (the server says which).
    crs.value = script.dataset.positionCrs || 'wgs84';
    district.value = '';
    say(text.located + (text.wechat ? ' ' + text.wechat : ''));
    refresh();
  }, function (err) {
    say(err.code === 1 ? text.denied : text.unavailable);
  }, {enableHighAccuracy: true, timeout: 10000, maximumAge: 60000});
})();
