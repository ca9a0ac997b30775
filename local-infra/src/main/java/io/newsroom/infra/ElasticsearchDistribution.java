package io.newsroom.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch integ-test-zip from the local Maven repository, unpacked once per machine into a
 * shared cache directory. Unpacking goes to a temp directory first and is renamed into place, so
 * concurrent JVMs never see half an installation.
 */
record ElasticsearchDistribution(Path home, String version) {

    static final String ZIP_PROPERTY = "newsroom.infra.elasticsearch-zip";
    private static final String DEFAULT_VERSION = "8.19.21";
    private static final Path CACHE_ROOT = Path.of("/var/tmp/newsroom");
    private static final Pattern ZIP_NAME = Pattern.compile("elasticsearch-(.+)\\.zip");

    static ElasticsearchDistribution installed() {
        Path zip = locateZip();
        Matcher name = ZIP_NAME.matcher(zip.getFileName().toString());
        String version = name.matches() ? name.group(1) : DEFAULT_VERSION;
        Path home = CACHE_ROOT.resolve("elasticsearch-" + version);
        if (!Files.isRegularFile(home.resolve("lib").resolve("elasticsearch-" + version + ".jar"))) {
            unpack(zip, home, version);
        }
        return new ElasticsearchDistribution(home, version);
    }

    Path configTemplate() {
        return home.resolve("config");
    }

    Path launcher() {
        return home.resolve("bin").resolve("elasticsearch");
    }

    private static Path locateZip() {
        String configured = System.getProperty(ZIP_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return existing(Path.of(configured), "system property " + ZIP_PROPERTY);
        }
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path zip = Path.of(repository, "org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch",
                DEFAULT_VERSION, "elasticsearch-" + DEFAULT_VERSION + ".zip");
        return existing(zip, "the local Maven repository");
    }

    private static Path existing(Path zip, String source) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Elasticsearch zip not found at " + zip + " (from " + source
                    + "); run ./mvnw -B dependency:resolve -pl local-infra to download it");
        }
        return zip;
    }

    private static void unpack(Path zip, Path home, String version) {
        try {
            Files.createDirectories(CACHE_ROOT);
            Path staging = Files.createTempDirectory(CACHE_ROOT, "elasticsearch-" + version + ".unpacking-");
            try {
                extract(zip, staging);
                Path unpacked = staging.resolve("elasticsearch-" + version);
                markLaunchersExecutable(unpacked.resolve("bin"));
                // Staging dirs are created 700; the installation must be readable by every user.
                Files.setPosixFilePermissions(unpacked, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (FileAlreadyExistsException | DirectoryNotEmptyException raceLost) {
                // Another JVM finished first; its copy is complete because it was renamed into place.
            }
            finally {
                TempDirs.delete(staging);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + home, ex);
        }
    }

    private static void extract(Path zip, Path target) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream content = archive.getInputStream(entry)) {
                    Files.copy(content, destination);
                }
            }
        }
    }

    /** java.util.zip drops the Unix mode bits, so the shell launchers lose their execute bit. */
    private static void markLaunchersExecutable(Path bin) throws IOException {
        try (Stream<Path> scripts = Files.list(bin)) {
            for (Path script : scripts.toList()) {
                script.toFile().setExecutable(true, false);
            }
        }
    }
}
