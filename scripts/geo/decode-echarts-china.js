// Decodes ECharts 4.9.0's map/json/china.json (quantised, "UTF8Encoding") into plain GeoJSON on stdout.
// The decoder is ECharts' own (src/coord/geo/parseGeoJson.js, Apache-2.0), copied here unchanged in logic.
// Usage: node scripts/geo/decode-echarts-china.js package/map/json/china.json > china-decoded.geojson
'use strict';
var json = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
var scale = json.UTF8Scale == null ? 1024 : json.UTF8Scale;
function decodePolygon(coordinate, offsets) {
  var result = [];
  var prevX = offsets[0];
  var prevY = offsets[1];
  for (var i = 0; i < coordinate.length; i += 2) {
    var x = coordinate.charCodeAt(i) - 64;
    var y = coordinate.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ (-(x & 1));
    y = (y >> 1) ^ (-(y & 1));
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    result.push([x / scale, y / scale]);
  }
  return result;
}
json.features.forEach(function (f) {
  var g = f.geometry;
  g.coordinates = g.coordinates.map(function (c, i) {
    return g.type === 'Polygon'
      ? decodePolygon(c, g.encodeOffsets[i])
      : c.map(function (ring, j) { return decodePolygon(ring, g.encodeOffsets[i][j]); });
  });
  delete g.encodeOffsets;
});
delete json.UTF8Encoding;
process.stdout.write(JSON.stringify(json));
