// Writes the provinces of the decoded ECharts china.json as WKT GEOMETRYCOLLECTIONs on stdout, one line each: first
// the mainland's provinces, then Taiwan (710000), Hong Kong (810000) and Macao (820000), where GCJ-02 does not apply.
// Usage: node scripts/geo/echarts-china-to-wkt.js china-decoded.geojson > provinces.wkt
'use strict';
var json = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
var outside = {'710000': true, '810000': true, '820000': true};
// Rings are closed here (the source leaves some open); rings of fewer than three distinct points are dropped.
function close(r) {
  var a = r[0], b = r[r.length - 1];
  return a[0] === b[0] && a[1] === b[1] ? r : r.concat([a]);
}
function ring(r) { return '(' + r.map(function (p) { return p[0] + ' ' + p[1]; }).join(', ') + ')'; }
function polygon(rings) {
  var closed = rings.map(close).filter(function (r) { return r.length >= 4; });
  return closed.length === 0 ? null : 'POLYGON (' + closed.map(ring).join(', ') + ')';
}
var parts = [];
var outsideParts = [];
json.features.forEach(function (f) {
  var into = outside[f.properties.id] ? outsideParts : parts;
  var g = f.geometry;
  var polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  polys.forEach(function (p) {
    var wkt = polygon(p);
    if (wkt) { into.push(wkt); }
  });
});
process.stdout.write('GEOMETRYCOLLECTION (' + parts.join(', ') + ')\n');
process.stdout.write('GEOMETRYCOLLECTION (' + outsideParts.join(', ') + ')\n');
