package io.newsroom.devstack;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local platform: which services run on which port with which configuration. Configuration is
 * passed as the same environment variables Kubernetes sets (see deploy/), so devstack exercises the
 * production configuration path.
 */
record PlatformPlan(List<PlatformService> services, Map<Integer, String> ports) {

    static final int GATEWAY_PORT = 8080;
    static final int ARTICLE_PORT = 8081;
    static final int COMMENT_PORT = 8082;
    static final int SEARCH_PORT = 8083;
    static final int WEB_PORT = 8084;
    static final int AUTH_PORT = 9000;
    // Actuator's own ports (management.server.port): probes and scraping only, never routed by the gateway or ingress.
    static final int GATEWAY_MANAGEMENT_PORT = 9080;
    static final int ARTICLE_MANAGEMENT_PORT = 9081;
    static final int COMMENT_MANAGEMENT_PORT = 9082;
    static final int SEARCH_MANAGEMENT_PORT = 9083;
    static final int WEB_MANAGEMENT_PORT = 9084;
    static final String READINESS = "/actuator/health/readiness";
    /** The gateways' shared rate-limit buckets. */
    static final int REDIS_PORT = 16379;
    static final String ISSUER = "http://localhost:" + AUTH_PORT;

    static PlatformPlan local(DevstackSettings settings) {
        return local(settings, Map.of());
    }

    /**
     * @param overrides extra env vars per service name, applied last (the platform tests use this to give
     *                  the gateway test-sized rate limits); empty for the interactive devstack
     */
    static PlatformPlan local(DevstackSettings settings, Map<String, Map<String, String>> overrides) {
        var auth = new PlatformService("auth-server", AUTH_PORT, AUTH_PORT, READINESS,
                infra -> Map.of("NEWSROOM_AUTH_ISSUER", ISSUER));
        var article = new PlatformService("article-service", ARTICLE_PORT, ARTICLE_MANAGEMENT_PORT, READINESS,
                infra -> with(resourceServer(infra), management(ARTICLE_MANAGEMENT_PORT), Map.of(
                        "SPRING_DATASOURCE_URL", infra.articlesJdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME", infra.databaseUser(),
                        "SPRING_DATASOURCE_PASSWORD", infra.databasePassword(),
                        "NEWSROOM_DEMO_ENABLED", "true",
                        "NEWSROOM_DEMO_FIXTURES", settings.fixtures().toString())));
        var comment = new PlatformService("comment-service", COMMENT_PORT, COMMENT_MANAGEMENT_PORT, READINESS,
                infra -> with(resourceServer(infra), management(COMMENT_MANAGEMENT_PORT), Map.of(
                        "SPRING_DATASOURCE_URL", infra.commentsJdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME", infra.databaseUser(),
                        "SPRING_DATASOURCE_PASSWORD", infra.databasePassword())));
        var search = new PlatformService("search-service", SEARCH_PORT, SEARCH_MANAGEMENT_PORT, READINESS,
                infra -> with(resourceServer(infra), management(SEARCH_MANAGEMENT_PORT), Map.of(
                        "SPRING_ELASTICSEARCH_URIS", infra.elasticsearchUri(),
                        // local ES is 8.19; the 9.x client must ask for the 8 compatibility mode
                        "NEWSROOM_SEARCH_ELASTICSEARCH_COMPATIBILITY", "8")));
        var gateway = new PlatformService("gateway", GATEWAY_PORT, GATEWAY_MANAGEMENT_PORT, READINESS,
                infra -> with(resourceServer(infra), management(GATEWAY_MANAGEMENT_PORT), Map.of(
                        "NEWSROOM_GATEWAY_SERVICES_ARTICLE", "http://localhost:" + ARTICLE_PORT,
                        "NEWSROOM_GATEWAY_SERVICES_COMMENT", "http://localhost:" + COMMENT_PORT,
                        "NEWSROOM_GATEWAY_SERVICES_SEARCH", "http://localhost:" + SEARCH_PORT,
                        "SPRING_DATA_REDIS_HOST", "127.0.0.1",
                        "SPRING_DATA_REDIS_PORT", String.valueOf(REDIS_PORT),
                        "NEWSROOM_GATEWAY_SERVICES_WEB", "http://localhost:" + WEB_PORT,
                        // the site calls the API through the gateway on behalf of readers, naming each in
                        // X-Forwarded-For: the gateway believes that header from loopback (where web runs) only
                        "NEWSROOM_GATEWAY_TRUSTED_PROXIES_ADDRESSES_0", "127.0.0.1",
                        "NEWSROOM_GATEWAY_TRUSTED_PROXIES_ADDRESSES_1", "::1")));
        // The reader site: a client of the public API through the gateway, like a mobile app.
        var web = new PlatformService("web", WEB_PORT, WEB_MANAGEMENT_PORT, READINESS,
                infra -> with(management(WEB_MANAGEMENT_PORT), Map.of(
                        "NEWSROOM_SITE_GATEWAY_URL", "http://localhost:" + GATEWAY_PORT,
                        "NEWSROOM_SITE_PUBLIC_URL", "http://localhost:" + GATEWAY_PORT)));
        var services = Stream.of(auth, article, comment, search, gateway, web)
                .map(service -> withOverrides(service, overrides.getOrDefault(service.name(), Map.of())))
                .toList();

        var ports = new LinkedHashMap<Integer, String>();
        services.forEach(s -> {
            ports.put(s.port(), s.name());
            if (s.hasManagementPort()) {
                ports.put(s.managementPort(), s.name() + " management");
            }
        });
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.kafkaPort() + 1, "Kafka controller");
        ports.put(settings.postgresPort(), "PostgreSQL");
        ports.put(settings.elasticsearchPort(), "Elasticsearch");
        ports.put(REDIS_PORT, "Redis");
        return new PlatformPlan(services, ports);
    }

    private static Map<String, String> resourceServer(InfraEndpoints infra) {
        return Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", infra.kafkaBootstrapServers(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", ISSUER,
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", ISSUER + "/oauth2/jwks",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "newsroom");
    }

    private static Map<String, String> management(int port) {
        return Map.of("MANAGEMENT_SERVER_PORT", String.valueOf(port));
    }

    private static PlatformService withOverrides(PlatformService service, Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return service;
        }
        return new PlatformService(service.name(), service.port(), service.managementPort(), service.readinessPath(),
                infra -> with(service.environment(infra), overrides));
    }

    @SafeVarargs
    private static Map<String, String> with(Map<String, String>... parts) {
        var env = new HashMap<String, String>();
        Stream.of(parts).forEach(env::putAll);
        return env;
    }

    PlatformService service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
