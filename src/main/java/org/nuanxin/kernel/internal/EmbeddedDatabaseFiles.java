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
 * opened, its directory (e.g. {@code ./data}) is created or changed to {@code rwx------} and the files
 * already in it to {@code rw-------}. Files H2 creates later inherit the process umask, but nobody else
 * can enter the directory. Does nothing for other databases or file systems without POSIX permissions.
 */
final class EmbeddedDatabaseFiles {

    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:(?:file:)?([^;:][^;]*)(;.*)?$");

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
        String file = m.group(1).replaceFirst("^~", System.getProperty("user.home"));
        Path parent = Path.of(file).toAbsolutePath().normalize().getParent();
        return parent;
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
