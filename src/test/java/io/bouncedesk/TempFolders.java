package io.bouncedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary folders for tests that share a workspace across a test class (where JUnit's
 * {@code @TempDir} does not reach static set-up): created on demand and deleted, with
 * everything in them, when the test JVM exits, so a build leaves nothing in the system's
 * temporary folder.
 */
public final class TempFolders {

    private static final List<Path> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::deleteAll, "temp-folders-cleanup"));
    }

    private TempFolders() {
    }

    /** A new empty folder whose name starts with {@code prefix}. */
    public static synchronized Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            CREATED.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void deleteAll() {
        for (Path dir : CREATED) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // already gone, or unreadable: nothing more to do at exit
            }
        }
    }
}
