import java.nio.file.Files;
import java.nio.file.Path;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Unions the mainland provinces (WKT from echarts-china-to-wkt.js) into one outline, fills the gaps between
 * provinces, simplifies it with a tolerance of 0.01° (about 1 km), cuts Hong Kong, Macao and Taiwan out again
 * (unsimplified), rounds to 0.001° and writes WKT. Run with jts-core on the class path:
 * java -cp jts-core-1.20.0.jar scripts/geo/MainlandBoundary.java provinces.wkt > china-mainland.wkt
 */
public class MainlandBoundary {
    public static void main(String[] args) throws Exception {
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
        java.util.List<String> lines = Files.readAllLines(Path.of(args[0]));
        WKTReader reader = new WKTReader(factory);
        Geometry union = union(factory, reader.read(lines.get(0)));
        Geometry notMainland = union(factory, reader.read(lines.get(1)));
        // The provinces were quantised separately, so their union has slivers of gap between neighbours as holes;
        // the mainland has no real hole, so every interior ring is dropped.
        java.util.List<Polygon> shells = new java.util.ArrayList<>();
        for (int i = 0; i < union.getNumGeometries(); i++) {
            shells.add(factory.createPolygon(((Polygon) union.getGeometryN(i)).getExteriorRing().getCoordinates()));
        }
        Geometry filled = factory.createMultiPolygon(shells.toArray(Polygon[]::new)).union();
        Geometry simple = TopologyPreservingSimplifier.simplify(filled, 0.01);
        // Simplifying at 1 km would swallow Macao and bits of Hong Kong: they are cut out again, unsimplified.
        Geometry cut = simple.difference(notMainland);
        Geometry rounded = GeometryPrecisionReducer.reduce(cut, new PrecisionModel(1000));
        // Keep islands of 1 km² and more (about 1e-4 square degrees); smaller ones are rounding noise.
        java.util.List<Polygon> kept = new java.util.ArrayList<>();
        for (int i = 0; i < rounded.getNumGeometries(); i++) {
            Polygon p = (Polygon) rounded.getGeometryN(i);
            if (p.getArea() >= 1e-4) {
                kept.add(p);
            }
        }
        Geometry out = factory.createMultiPolygon(kept.toArray(Polygon[]::new));
        System.err.println("polygons " + kept.size() + ", points "
                + out.getNumPoints() + ", valid " + out.isValid());
        System.out.println(new WKTWriter().write(out));
    }

    /** Zero-area slivers from the quantised source (a, b, a) are invalid rings: buffer(0) cleans each part. */
    private static Geometry union(GeometryFactory factory, Geometry collection) {
        Geometry[] parts = new Geometry[collection.getNumGeometries()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = collection.getGeometryN(i).buffer(0);
        }
        return factory.createGeometryCollection(parts).union();
    }
}
