package org.nuanxin.station.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import javax.management.ObjectName;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationSummary;

/**
 * Retained heap of N generated stations and their {@link StationIndex} (no JMH): used heap after
 * full collections, before and after, then the live-object class histogram of what is left.
 *
 * <p>Run: {@code ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.nuanxin.station.internal.BenchHeap -Djmh.args=180000}
 * (append {@code canonical} to the arguments to see the effect of sharing district codes and amenity sets).
 */
public final class BenchHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private BenchHeap() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 180_000;
        // Load what the generator itself keeps (district polygons, census table) before the baseline.
        BenchStations.stations(100);
        BenchStations.queries(10);

        long base = usedAfterGc();
        // The finder keeps one StationSummary per station (no audit fields), as it does when it loads rows.
        List<StationSummary> stations =
                BenchStations.stations(n).stream().map(Station::summary).toList();
        long withStations = usedAfterGc();
        StationIndex index = StationIndex.of(stations);
        long withIndex = usedAfterGc();
        stations = null; // the app keeps only the snapshot; the list it was built from is garbage
        long indexOnly = usedAfterGc();

        System.out.printf("stations: %,d%n", index.size());
        System.out.printf(
                "java: %s %s, GC: %s, max heap %d MB%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                gcNames(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("baseline used heap              %8.1f MB%n", mb(base));
        System.out.printf(
                "+ station summaries (in a list) %8.1f MB  (%d bytes/station)%n",
                mb(withStations - base), (withStations - base) / n);
        System.out.printf(
                "+ StationIndex (STRtree)        %8.1f MB  (%d bytes/station)%n",
                mb(withIndex - withStations), (withIndex - withStations) / n);
        System.out.printf(
                "= stations + index, list dropped %7.1f MB  (%d bytes/station)  <- retained by the app%n",
                mb(indexOnly - base), (indexOnly - base) / n);
        System.out.println();
        System.out.println("Live objects (GC.class_histogram, top 25):");
        String histogram = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {null},
                        new String[] {String[].class.getName()});
        histogram.lines().limit(28).forEach(System.out::println);
        histogram.lines().filter(l -> l.startsWith("Total")).forEach(System.out::println);
        Reference.reachabilityFence(index);
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static String gcNames() {
        return String.join(
                ", ",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .toList());
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
