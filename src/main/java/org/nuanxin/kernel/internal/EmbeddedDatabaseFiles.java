package org.nuanxin.kernel.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the embedded H2 database readable by the application's user only: before the database is
 * opened, its directory (e.g. {@code ./data}) is created or changed to {@code rwx------}, the files
 * already in it to {@code rw-------}, and the store file ({@code nuanxin.mv.db}) is created empty with
 * {@code rw-------} when it does not exist yet: H2 would create it with the process umask (usually
 * {@code rw-r--r--}), and Java cannot change the umask; an empty store file is a new database to H2.
 * Does nothing for other databases or file systems without POSIX permissions.
 */
final class EmbeddedDatabaseFiles {

    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:(?:file:)?([^;:][^;]*)(;.*)?$");
    private static final String STORE_SUFFIX = ".mv.db";

    private EmbeddedDatabaseFiles() {}

    /** @return the directory of an H2 file database URL, or null for anything else (mem:, tcp:, PostgreSQL) */
    static @Nullable Path directoryOf(@Nullable String url) {
        if (url == null
                || url.startsWith("jdbc:h2:mem:")
                || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        Matcher m = H2_FILE.matcher(url);
        if (!m.matches()) {
            return null;
        }
        Path parent = databasePath(m).getParent();
        return parent;
    }

    private static Path databasePath(Matcher m) {
        String file = m.group(1).replaceFirst("^~", System.getProperty("user.home"));
        return Path.of(file).toAbsolutePath().normalize();
    }

    /** Creates or restricts the directory of an H2 file database. */
    static void restrict(@Nullable String url) {
        Path directory = directoryOf(url);
        if (directory == null
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            Matcher m = H2_FILE.matcher(url);
            if (m.matches()) {
                Path store = databasePath(m).resolveSibling(databasePath(m).getFileName() + STORE_SUFFIX);
                if (Files.notExists(store)) {
                    Files.createFile(store, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                }
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, OWNER_FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + directory, e);
        }
    }
}
