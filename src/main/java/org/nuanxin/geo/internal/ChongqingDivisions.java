package org.nuanxin.geo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chongqing's divisions and district boundaries, loaded once from {@code classpath:geo/} (see
 * {@code geo/PROVENANCE.md}) and held immutable in memory: about 0.5 MB of polygons, so a lookup
 * is an in-process index probe of a few microseconds rather than a database query.
 */
@Component
public class ChongqingDivisions implements Divisions {

    /** The data set is the 2023 vintage of the NBS codes; we know nothing earlier about validity. */
    static final LocalDate VINTAGE = LocalDate.of(2023, 1, 1);

    static final String DIVISIONS_CSV = "geo/chongqing-divisions-2023.csv";
    static final String DISTRICTS_GEOJSON = "geo/chongqing-districts.geojson";

    private static final String PROVINCE_CODE = "500000";
    private static final Pattern DISTRICT_CODE = Pattern.compile("5001\\d\\d|5002\\d\\d");
    /** Longest suffixes first, so 石柱土家族自治县 loses the whole 土家族自治县 and not just 县. */
    private static final Pattern NAME_SUFFIX = Pattern.compile("((土家族|苗族)+自治县|自治县|区|县)$");
    /**
     * Former names that the suffix rules do not reach and that old rosters still carry: 开县 became
     * 开州区 in 2016 (梁平县, 武隆县 and the other 县→区 renamings are covered by the short name + 县).
     */
    private static final Map<String, String> FORMER_NAMES = Map.of("开县", "500154");
    /** A point usually lands inside after a few tries; the cap turns a broken polygon into an error. */
    private static final int MAX_SAMPLING_ATTEMPTS = 100_000;
    /**
     * How far outside every district polygon a point may be and still be attributed to the nearest
     * district: the boundaries (about 100 m resolution) leave gaps of up to a few hundred metres between
     * neighbours. A point further from every district is not in Chongqing.
     */
    static final double GAP_TOLERANCE_METRES = 500;

    private static final GeometryFactory GEOMETRY_FACTORY = new GeometryFactory();

    private final Map<String, Division> byCode;
    private final List<Division> districts;
    private final Map<String, List<Division>> townshipsByDistrict;
    private final Map<String, Division> districtsByAlias;
    private final Map<String, DistrictShape> shapes;
    private final List<DistrictShape> shapesInCodeOrder;
    private final STRtree envelopeIndex;
    private final String boundariesGeoJson;
    private final Map<String, GeoPoint> labelPoints;
    private final Map<String, String> romanNames;
    private final JsonNode boundaries;
    private final Map<CoordinateSystem, String> boundariesByCrs = new java.util.concurrent.ConcurrentHashMap<>();

    /** Loads the bundled reference data. */
    public ChongqingDivisions() {
        this(DIVISIONS_CSV, DISTRICTS_GEOJSON);
    }

    ChongqingDivisions(String csvResource, String geoJsonResource) {
        this.byCode = Map.copyOf(readDivisions(csvResource));
        this.districts = byCode.values().stream()
                .filter(d -> d.level() == Division.Level.DISTRICT)
                .sorted(Comparator.comparing(Division::code))
                .toList();
        Map<String, List<Division>> townships = new TreeMap<>();
        byCode.values().stream()
                .filter(d -> d.level() == Division.Level.TOWNSHIP)
                .sorted(Comparator.comparing(Division::code))
                .forEach(t -> townships
                        .computeIfAbsent(t.parentCode(), k -> new ArrayList<>())
                        .add(t));
        for (Map.Entry<String, List<Division>> e : townships.entrySet()) {
            if (!byCode.containsKey(e.getKey())) {
                throw new IllegalStateException(csvResource + ": townships refer to unknown district " + e.getKey());
            }
            e.setValue(List.copyOf(e.getValue()));
        }
        this.townshipsByDistrict = Map.copyOf(townships);
        this.districtsByAlias = Map.copyOf(aliases(districts));
        var hanLatin = PlaceNamePinyin.transliterator();
        this.romanNames = districts.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        Division::code, d -> PlaceNamePinyin.of(d.name(), hanLatin)));

        ObjectMapper mapper = JsonMapper.builder().build();
        JsonNode collection = readJson(mapper, geoJsonResource);
        Map<String, DistrictShape> loaded = new TreeMap<>();
        Map<String, JsonNode> geometryNodes = new TreeMap<>();
        Map<String, GeoPoint> labels = new HashMap<>();
        for (JsonNode feature : collection.path("features")) {
            JsonNode properties = feature.path("properties");
            String code = properties.path("code").asString("");
            Division district = byCode.get(code);
            if (district == null || district.level() != Division.Level.DISTRICT) {
                throw new IllegalStateException(
                        geoJsonResource + ": boundary for unknown district code '" + code + "'");
            }
            Geometry geometry = GeoJsonGeometries.read(feature.path("geometry"));
            if (loaded.put(code, new DistrictShape(district, geometry)) != null) {
                throw new IllegalStateException(geoJsonResource + ": two boundaries for district " + code);
            }
            geometryNodes.put(code, feature.path("geometry"));
            JsonNode label = properties.path("label_point");
            GeoPoint labelPoint = label.isArray() && label.size() == 2
                    ? new GeoPoint(label.get(0).asDouble(), label.get(1).asDouble())
                    : interior(geometry);
            // A label outside its own district would send riders to the neighbour's stations.
            if (!code.equals(shapeAtIn(loaded, labelPoint))) {
                labelPoint = interior(geometry);
            }
            labels.put(code, labelPoint);
        }
        if (loaded.size() != districts.size()) {
            List<String> missing = districts.stream()
                    .map(Division::code)
                    .filter(c -> !loaded.containsKey(c))
                    .toList();
            throw new IllegalStateException(geoJsonResource + ": no boundary for districts " + missing);
        }
        this.shapes = Map.copyOf(loaded);
        this.shapesInCodeOrder = List.copyOf(loaded.values());
        this.envelopeIndex = new STRtree();
        for (DistrictShape shape : shapesInCodeOrder) {
            envelopeIndex.insert(shape.envelope(), shape);
        }
        envelopeIndex.build();

        ArrayNode compactFeatures = mapper.createArrayNode();
        geometryNodes.forEach((code, geometry) -> {
            ObjectNode compact = compactFeatures.addObject();
            compact.put("type", "Feature");
            compact.putObject("properties")
                    .put("code", code)
                    .put("name", byCode.get(code).name());
            compact.set("geometry", geometry);
        });
        ObjectNode fc = mapper.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.set("features", compactFeatures);
        this.boundariesGeoJson = mapper.writeValueAsString(fc);
        this.boundaries = fc;
        this.labelPoints = Map.copyOf(labels);
    }

    @Override
    public List<Division> districts() {
        return districts;
    }

    @Override
    public Optional<Division> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /**
     * Also accepts the name with a 重庆/重庆市 prefix, a county's short name with 县, 区 or 自治县
     * (石柱, 石柱县, 石柱自治县 for 石柱土家族自治县), and the former 县 names of districts
     * (梁平县, 武隆县, 开县...).
     */
    @Override
    public Optional<Division> districtByName(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String key = normalise(nameOrCode);
        if (DISTRICT_CODE.matcher(key).matches()) {
            return byCode(key).filter(d -> d.level() == Division.Level.DISTRICT);
        }
        return Optional.ofNullable(districtsByAlias.get(key));
    }

    @Override
    public List<Division> townships(String districtCode) {
        return districtCode == null ? List.of() : townshipsByDistrict.getOrDefault(districtCode.strip(), List.of());
    }

    /**
     * Near a shared border (within about 100 m, the data's resolution) the answer may be either
     * neighbour; where two simplified polygons overlap, the lower code wins so the answer is stable. A
     * point in a gap between the simplified polygons, or just outside the city's edge, within {@value
     * #GAP_TOLERANCE_METRES} m of a district belongs to the nearest one.
     */
    @Override
    public Optional<Division> locateDistrict(GeoPoint wgs84) {
        Objects.requireNonNull(wgs84, "wgs84");
        return shapeAt(wgs84.longitude(), wgs84.latitude()).map(DistrictShape::district);
    }

    @Override
    public String boundariesGeoJson() {
        return boundariesGeoJson;
    }

    @Override
    public String boundariesGeoJson(CoordinateSystem crs) {
        if (crs == CoordinateSystem.WGS84) {
            return boundariesGeoJson;
        }
        return boundariesByCrs.computeIfAbsent(crs, c -> {
            JsonNode copy = boundaries.deepCopy();
            for (JsonNode feature : copy.path("features")) {
                convertCoordinates(feature.path("geometry").path("coordinates"), c);
            }
            return copy.toString();
        });
    }

    /** Walks nested GeoJSON coordinate arrays and converts each [lng, lat] pair in place. */
    private static void convertCoordinates(JsonNode node, CoordinateSystem to) {
        if (!node.isArray() || node.isEmpty()) {
            return;
        }
        if (node.get(0).isNumber()) {
            double[] p = CoordinateTransform.convert(
                    node.get(0).asDouble(), node.get(1).asDouble(), CoordinateSystem.WGS84, to);
            ArrayNode pair = (ArrayNode) node;
            pair.set(0, Math.round(p[0] * 1e6) / 1e6);
            pair.set(1, Math.round(p[1] * 1e6) / 1e6);
            return;
        }
        for (JsonNode child : node) {
            convertCoordinates(child, to);
        }
    }

    @Override
    public String romanName(String districtCode) {
        String name = districtCode == null ? null : romanNames.get(districtCode.strip());
        if (name == null) {
            throw new IllegalArgumentException("unknown district code '" + districtCode + "'");
        }
        return name;
    }

    @Override
    public GeoPoint labelPoint(String districtCode) {
        GeoPoint p = districtCode == null ? null : labelPoints.get(districtCode.strip());
        if (p == null) {
            throw new IllegalArgumentException("unknown district code '" + districtCode + "'");
        }
        return p;
    }

    private static GeoPoint interior(Geometry geometry) {
        Coordinate c = geometry.getInteriorPoint().getCoordinate();
        return new GeoPoint(c.x, c.y);
    }

    private static String shapeAtIn(Map<String, DistrictShape> loaded, GeoPoint p) {
        for (DistrictShape shape : loaded.values()) {
            if (shape.locate(p.longitude(), p.latitude()) != Location.EXTERIOR) {
                return shape.district().code();
            }
        }
        return null;
    }

    /**
     * Samples uniformly by area: longitude uniformly, latitude uniformly in sin(latitude) (equal
     * areas on the sphere), rejecting points outside the district. A point is kept only when
     * {@link #locateDistrict} answers this district, so callers can rely on the round trip even
     * where neighbouring polygons overlap.
     */
    @Override
    public GeoPoint randomPointIn(String districtCode, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        DistrictShape shape = districtCode == null ? null : shapes.get(districtCode.strip());
        if (shape == null) {
            throw new IllegalArgumentException("unknown district code '" + districtCode + "'");
        }
        Envelope env = shape.envelope();
        double sinMin = Math.sin(Math.toRadians(env.getMinY()));
        double sinMax = Math.sin(Math.toRadians(env.getMaxY()));
        for (int i = 0; i < MAX_SAMPLING_ATTEMPTS; i++) {
            double lng = random.nextDouble(env.getMinX(), env.getMaxX());
            double lat = Math.toDegrees(Math.asin(random.nextDouble(sinMin, sinMax)));
            if (shape.locate(lng, lat) == Location.INTERIOR && shapeAt(lng, lat).orElse(null) == shape) {
                return new GeoPoint(lng, lat);
            }
        }
        throw new IllegalStateException("no point found inside district " + districtCode + " after "
                + MAX_SAMPLING_ATTEMPTS + " attempts; is its boundary broken?");
    }

    private Optional<DistrictShape> shapeAt(double lng, double lat) {
        Optional<DistrictShape> inside = shapeInside(lng, lat);
        return inside.isPresent() ? inside : nearestWithin(lng, lat, GAP_TOLERANCE_METRES);
    }

    /**
     * The district whose polygon is nearest to a point outside every polygon, if it is within {@code
     * toleranceMetres}: the simplified boundaries leave gaps of up to a few hundred metres between
     * neighbours, and a rider standing in one is in Chongqing all the same. Ties go to the lower code.
     */
    private Optional<DistrictShape> nearestWithin(double lng, double lat, double toleranceMetres) {
        double dLat = Math.toDegrees(toleranceMetres / Distances.EARTH_RADIUS_METRES);
        double cosLat = Math.cos(Math.toRadians(lat));
        if (cosLat < 1e-6) {
            return Optional.empty();
        }
        double dLng = dLat / cosLat;
        @SuppressWarnings("unchecked")
        List<DistrictShape> candidates =
                envelopeIndex.query(new Envelope(lng - dLng, lng + dLng, lat - dLat, lat + dLat));
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Geometry point = GEOMETRY_FACTORY.createPoint(new Coordinate(lng, lat));
        DistrictShape best = null;
        double bestMetres = toleranceMetres;
        for (DistrictShape s : candidates) {
            Coordinate nearest = DistanceOp.nearestPoints(s.geometry(), point)[0];
            double metres = Distances.metres(lng, lat, nearest.x, nearest.y);
            if (metres < bestMetres
                    || (metres == bestMetres
                            && best != null
                            && s.district().code().compareTo(best.district().code()) < 0)) {
                best = s;
                bestMetres = metres;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<DistrictShape> shapeInside(double lng, double lat) {
        Coordinate c = new Coordinate(lng, lat);
        @SuppressWarnings("unchecked")
        List<DistrictShape> candidates = envelopeIndex.query(new Envelope(c));
        DistrictShape found = null;
        for (DistrictShape s : candidates) {
            if ((found == null || s.district().code().compareTo(found.district().code()) < 0)
                    && s.locate(lng, lat) != Location.EXTERIOR) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String normalise(String text) {
        String t = text.strip().replace(" ", "").replace("\u3000", "").toLowerCase(Locale.ROOT);
        if (t.startsWith("重庆市")) {
            t = t.substring(3);
        } else if (t.startsWith("重庆")) {
            t = t.substring(2);
        }
        return t;
    }

    private static Map<String, Division> aliases(List<Division> districts) {
        Map<String, Division> aliases = new HashMap<>();
        Map<String, Division> ambiguous = new HashMap<>();
        for (Division d : districts) {
            String shortName = NAME_SUFFIX.matcher(d.name()).replaceFirst("");
            for (String alias : List.of(d.name(), shortName, shortName + "区", shortName + "县", shortName + "自治县")) {
                Division previous = aliases.putIfAbsent(alias, d);
                if (previous != null && previous != d) {
                    ambiguous.put(alias, d);
                }
            }
        }
        // A full official name always wins; any other alias shared by two districts names neither.
        ambiguous.keySet().forEach(aliases::remove);
        districts.forEach(d -> aliases.put(d.name(), d));
        Map<String, Division> byCode = new HashMap<>();
        districts.forEach(d -> byCode.put(d.code(), d));
        FORMER_NAMES.forEach((name, code) -> {
            if (byCode.containsKey(code)) {
                aliases.putIfAbsent(name, byCode.get(code));
            }
        });
        return aliases;
    }

    private static Map<String, Division> readDivisions(String resource) {
        Map<String, Division> result = new LinkedHashMap<>();
        try (InputStream in = open(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals("code,name,level,parent_code")) {
                throw new IllegalStateException(
                        resource + ": expected header code,name,level,parent_code, got " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": expected 4 fields, got " + line);
                }
                Division.Level level = switch (f[2].strip()) {
                    case "province" -> Division.Level.PROVINCE;
                    // 县 and 区 are the same county level; the data set names them apart.
                    case "district", "county" -> Division.Level.DISTRICT;
                    case "township" -> Division.Level.TOWNSHIP;
                    default -> throw new IllegalStateException(resource + ":" + lineNo + ": unknown level " + f[2]);
                };
                String code = f[0].strip();
                String parent = level == Division.Level.PROVINCE ? "" : f[3].strip();
                Division d = new Division(code, f[1].strip(), level, parent, VINTAGE, Optional.empty());
                if (result.put(code, d) != null) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": duplicate code " + code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        if (!result.containsKey(PROVINCE_CODE)) {
            throw new IllegalStateException(resource + ": no row for 500000 重庆市");
        }
        return result;
    }

    private static JsonNode readJson(ObjectMapper mapper, String resource) {
        try (InputStream in = open(resource)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ChongqingDivisions.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference data missing from the classpath: " + resource);
        }
        return in;
    }

    /** One district's boundary with its point locator; the locator is thread-safe once built. */
    record DistrictShape(Division district, Geometry geometry, Envelope envelope, IndexedPointInAreaLocator locator) {

        DistrictShape(Division district, Geometry geometry) {
            this(district, geometry, geometry.getEnvelopeInternal(), new IndexedPointInAreaLocator(geometry));
            // Build the index now, at startup, rather than on the first request.
            locator.locate(new Coordinate(envelope.getMinX(), envelope.getMinY()));
        }

        int locate(double lng, double lat) {
            if (!envelope.contains(lng, lat)) {
                return Location.EXTERIOR;
            }
            return locator.locate(new Coordinate(lng, lat));
        }
    }
}
