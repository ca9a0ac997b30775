package io.newsroom.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One platform for every platform test class in the test JVM: the first class that needs it starts devstack
 * (fresh data, the jars this build made), the JUnit root store stops it when the run ends. Each start costs
 * about a minute, so PlatformIT, ApiContractIT and ApiFuzzIT share one.
 *
 * <p>The only difference from the interactive devstack is the gateway's rate limits, raised by configuration
 * (the same env vars an operator would set): the contract and fuzz tests send thousands of requests from one
 * address within two minutes, and what they test is the API's answers, not the limiter. The limiter keeps its
 * own tests in the gateway module, and its 429s, where they still happen, must be problem+json like every other
 * 4xx. comment-service's per-address flood limit and report threshold are raised for the same reason: every test
 * reader arrives with the gateway's address.
 */
final class RunningPlatform implements BeforeAllCallback {

    static final String GATEWAY = "http://localhost:" + PlatformPlan.GATEWAY_PORT;
    static final String AUTH = "http://localhost:" + PlatformPlan.AUTH_PORT;

    static final Map<String, Map<String, String>> TEST_OVERRIDES = Map.of("gateway", Map.of(
            "NEWSROOM_GATEWAY_RATE_LIMITS_FALLBACK_CAPACITY", "1000000",
            // a list bound from the environment replaces the whole list, so the one policy is restated in full
            "NEWSROOM_GATEWAY_RATE_LIMITS_POLICIES_0_NAME", "comment-posting",
            "NEWSROOM_GATEWAY_RATE_LIMITS_POLICIES_0_METHODS_0", "POST",
            "NEWSROOM_GATEWAY_RATE_LIMITS_POLICIES_0_PATHS_0", "/api/v1/articles/*/comments",
            "NEWSROOM_GATEWAY_RATE_LIMITS_POLICIES_0_PATHS_1", "/api/v1/comments/*/reports",
            "NEWSROOM_GATEWAY_RATE_LIMITS_POLICIES_0_CAPACITY", "100000",
            "NEWSROOM_GATEWAY_RATE_LIMITS_POLICIES_0_PERIOD", "1m"),
            // every test reader comes from one address (the gateway's): per-address limits would count them as one
            "comment-service", Map.of(
                    "NEWSROOM_COMMENTS_POSTING_FLOOD_PERADDRESSPERMINUTE", "100000",
                    "NEWSROOM_COMMENTS_MODERATION_REPORTTHRESHOLD", "1"));

    private static volatile Devstack running;

    /** The started platform, for the fault drills that stop and restart one part of it. */
    static Devstack devstack() {
        return java.util.Objects.requireNonNull(running, "the platform is not started");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class);
    }

    /** Closed by JUnit at the end of the run (AutoCloseable values in the root store are closed). */
    record Started(Devstack devstack, Path home) implements AutoCloseable {

        static Started start() {
            try {
                Path home = Files.createTempDirectory(Path.of("/var/tmp"), "newsroom-platform-it-");
                Path root = Path.of(System.getProperty("newsroom.devstack.root", "..")).toAbsolutePath().normalize();
                // the infrastructure ports can be moved (-Dnewsroom.platform.postgres-port=...) when a shared machine has
                // them taken, e.g. by a server another checkout's devstack left running
                var devstack = new Devstack(new DevstackSettings(home, root, true,
                        Integer.getInteger("newsroom.platform.kafka-port", 19092),
                        Integer.getInteger("newsroom.platform.postgres-port", 15432),
                        Integer.getInteger("newsroom.platform.elasticsearch-port", 19200)), TEST_OVERRIDES);
                try {
                    devstack.start();
                } catch (RuntimeException e) {
                    devstack.stop();
                    throw e;
                }
                running = devstack;
                return new Started(devstack, home);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Stops the platform, keeps the services' logs in target/platform-logs, removes the data. */
        @Override
        public void close() throws java.io.IOException {
            devstack.stop();
            Path logs = home.resolve("logs");
            Path kept = Path.of("target", "platform-logs");
            if (Files.isDirectory(logs)) {
                Files.createDirectories(kept);
                try (var files = Files.list(logs)) {
                    for (Path log : files.toList()) {
                        Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (!Boolean.getBoolean("newsroom.platform.keep-data")) {
                try (var paths = Files.walk(home)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            System.out.println("platform: logs in " + kept.toAbsolutePath() + (Boolean.getBoolean("newsroom.platform.keep-data") ? ", data in " + home : ""));
        }
    }
}
