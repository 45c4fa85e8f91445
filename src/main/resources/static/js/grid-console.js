// Grid console maps: a report's location, the map of reports (GeoJSON layer of the same filters as the list), a
// block's area, and drawing a block's area by clicking its corners (written as GeoJSON into the area field, which
// also takes pasted GeoJSON or WKT without this script). District boundaries are the base layer (works offline).
// Every text from the server is put in with textContent, never parsed as HTML.
(function () {
  'use strict';
  document.querySelectorAll('.nx-js-only').forEach(function (el) { el.hidden = false; });

  // District layers of each base map by code, so a form can zoom to the district chosen.
  var districtLayers = {};

  function baseMap(el, zoom) {
    var map = L.map(el, {maxZoom: 19}).setView([29.56, 106.55], zoom || 9);
    fetch(el.dataset.boundaries, {headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (geo) {
        L.geoJSON(geo, {style: {color: '#666', weight: 1, fillColor: '#f4efe6', fillOpacity: 0.5},
          onEachFeature: function (f, l) {
            l.bindTooltip(f.properties.name);
            if (f.properties.code) { districtLayers[f.properties.code] = {map: map, layer: l}; }
          }}).addTo(map).bringToBack();
        if (el.id === 'draw-map' && district && district.value && !document.getElementById('area').value) {
          zoomToDistrict(district.value);
        }
      })
      .catch(function () { /* the page works without the base layer */ });
    return map;
  }

  function zoomToDistrict(code) {
    var d = districtLayers[code];
    if (d) { d.map.fitBounds(d.layer.getBounds(), {animate: false}); }
  }

  // ---- the township select follows the district (without this script it lists every district's townships)
  var district = document.getElementById('districtCode');
  var township = document.getElementById('townshipCode');
  if (district && township) {
    var follow = function () {
      township.querySelectorAll('optgroup').forEach(function (g) {
        var mine = !district.value || g.dataset.district === district.value;
        g.hidden = !mine;
        g.disabled = !mine;
        if (!mine && g.contains(township.selectedOptions[0])) { township.value = ''; }
      });
    };
    district.addEventListener('change', follow);
    district.addEventListener('change', function () { zoomToDistrict(district.value); });
    follow();
  }

  if (!window.L) { return; }

  // ---- one report's location
  var reportEl = document.getElementById('report-map');
  if (reportEl) {
    var at = [parseFloat(reportEl.dataset.lat), parseFloat(reportEl.dataset.lng)];
    var m = baseMap(reportEl, 15);
    m.setView(at, 16);
    L.marker(at).addTo(m);
    L.circle(at, {radius: 250, weight: 1, fill: false, dashArray: '4'}).addTo(m);
  }

  // ---- the map of reports
  var reportsEl = document.getElementById('reports-map');
  if (reportsEl) {
    var map = baseMap(reportsEl, 9);
    var cluster = window.L.markerClusterGroup ? L.markerClusterGroup({chunkedLoading: true}) : L.layerGroup();
    map.addLayer(cluster);
    fetch(reportsEl.dataset.layer, {headers: {'Accept': 'application/geo+json'}})
      .then(function (r) { return r.json(); })
      .then(function (fc) {
        if (!fc.features) { return; }
        var markers = fc.features.map(function (f) {
          var c = f.geometry.coordinates;
          var p = f.properties;
          var box = document.createElement('div');
          var a = document.createElement('a');
          a.href = p.url;
          a.textContent = '#' + p.id + ' ' + p.categoryLabel;
          box.appendChild(a);
          var line = document.createElement('div');
          line.textContent = p.stateLabel + (p.overdue ? ' · ' + reportsEl.dataset.overdueLabel : '') + ' · ' + p.submitted;
          box.appendChild(line);
          return L.marker([c[1], c[0]], {title: '#' + p.id + ' ' + p.categoryLabel,
            icon: L.divIcon({className: 'nx-report-pin' + (p.overdue ? ' nx-report-pin-overdue' : ''),
              html: '', iconSize: [16, 16]})}).bindPopup(box);
        });
        if (cluster.addLayers) { cluster.addLayers(markers); } else { markers.forEach(function (mk) { cluster.addLayer(mk); }); }
        if (markers.length > 0) {
          map.fitBounds(L.latLngBounds(fc.features.map(function (f) {
            return [f.geometry.coordinates[1], f.geometry.coordinates[0]];
          })), {padding: [24, 24], maxZoom: 16, animate: false});
        }
      });
  }

  // ---- a block's area
  var blockEl = document.getElementById('block-map');
  var areaText = document.getElementById('area');
  if (blockEl && areaText && areaText.tagName === 'PRE') {
    var bm = baseMap(blockEl, 12);
    try {
      var shape = L.geoJSON(JSON.parse(areaText.textContent), {style: {color: '#C8102E', weight: 2}}).addTo(bm);
      bm.fitBounds(shape.getBounds(), {padding: [16, 16], animate: false});
    } catch (e) { /* the text below still shows it */ }
  }

  // ---- drawing a block's area: each click adds a corner; the polygon is written to the area field as GeoJSON
  var drawEl = document.getElementById('draw-map');
  if (drawEl && areaText) {
    var dm = baseMap(drawEl, 12);
    var points = [];
    var drawn = L.layerGroup().addTo(dm);
    var redraw = function () {
      drawn.clearLayers();
      if (points.length >= 3) {
        L.polygon(points, {color: '#C8102E', weight: 2}).addTo(drawn);
      } else if (points.length > 0) {
        L.polyline(points, {color: '#C8102E', weight: 2}).addTo(drawn);
      }
      points.forEach(function (p) { L.circleMarker(p, {radius: 4, color: '#C8102E'}).addTo(drawn); });
    };
    var write = function () {
      if (points.length < 3) { areaText.value = ''; return; }
      var ring = points.map(function (p) { return [+p.lng.toFixed(7), +p.lat.toFixed(7)]; });
      ring.push(ring[0]);
      areaText.value = JSON.stringify({type: 'Polygon', coordinates: [ring]});
    };
    // An area already in the field (editing, or a form sent back with a problem) is drawn and can be redrawn.
    try {
      var existing = JSON.parse(areaText.value);
      var shown = L.geoJSON(existing, {style: {color: '#888', weight: 2, dashArray: '4'}}).addTo(dm);
      dm.fitBounds(shown.getBounds(), {padding: [16, 16], animate: false});
      if (existing.type === 'Polygon' && existing.coordinates[0].length > 3) {
        points = existing.coordinates[0].slice(0, -1).map(function (c) { return L.latLng(c[1], c[0]); });
        dm.removeLayer(shown);
        redraw();
      }
    } catch (e) { /* WKT or empty: drawing starts afresh when the map is clicked */ }
    dm.on('click', function (e) { points.push(e.latlng); redraw(); write(); });
    document.getElementById('draw-undo').addEventListener('click', function () { points.pop(); redraw(); write(); });
    document.getElementById('draw-clear').addEventListener('click', function () { points = []; redraw(); write(); });
  }
})();
