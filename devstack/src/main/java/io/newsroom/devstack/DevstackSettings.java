package io.newsroom.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where devstack keeps its data and which ports it uses. Every value can be overridden by a system
 * property or an environment variable (NEWSROOM_HOME, NEWSROOM_FRESH ...).
 *
 * @param home  data directory kept between runs; under /var/tmp by default because Elasticsearch
 *              runs as an unprivileged user and must be able to reach its data directory
 * @param root  the repository checkout (service jars and fixtures are found there)
 * @param fresh wipe the data directory before starting
 */
record DevstackSettings(Path home, Path root, boolean fresh, int kafkaPort, int postgresPort, int elasticsearchPort) {

    static DevstackSettings fromSystemProperties() {
        Path root = Path.of(setting("newsroom.devstack.root", "NEWSROOM_ROOT", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path home = Path.of(setting("newsroom.devstack.home", "NEWSROOM_HOME", "/var/tmp/newsroom/devstack"));
        boolean fresh = isTrue(setting("newsroom.devstack.fresh", "NEWSROOM_FRESH", "false"));
        return new DevstackSettings(home, root, fresh,
                Integer.parseInt(setting("newsroom.devstack.kafka-port", "NEWSROOM_KAFKA_PORT", "19092")),
                Integer.parseInt(setting("newsroom.devstack.postgres-port", "NEWSROOM_POSTGRES_PORT", "15432")),
                Integer.parseInt(setting("newsroom.devstack.elasticsearch-port", "NEWSROOM_ELASTICSEARCH_PORT", "19200")));
    }

    /** `-Dfresh` on the Maven command line arrives as an empty string: that means yes. */
    private static boolean isTrue(String value) {
        return value.isEmpty() || value.equalsIgnoreCase("true");
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.equals("${fresh}")) {
            value = System.getenv(env);
        }
        return value == null ? fallback : value;
    }

    Path dataDir(String name) {
        return home.resolve(name);
    }

    Path logFile(String service) {
        return home.resolve("logs").resolve(service + ".log");
    }

    Path serviceJar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new DevstackException("no jar for " + module + " at " + jar + ": build it first (`./mvnw -Pdevstack` builds everything)");
        }
        return jar;
    }

    Path fixtures() {
        return root.resolve("fixtures");
    }

    void prepareHome() {
        try {
            if (fresh && Files.exists(home)) {
                try (Stream<Path> paths = Files.walk(home)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(home.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
    }
}
