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
    static final int AUTH_PORT = 9000;
    static final String ISSUER = "http://localhost:" + AUTH_PORT;

    static PlatformPlan local(DevstackSettings settings) {
        var auth = new PlatformService("auth-server", AUTH_PORT, "/actuator/health/readiness",
                infra -> Map.of("NEWSROOM_AUTH_ISSUER", ISSUER));
        var article = new PlatformService("article-service", ARTICLE_PORT, "/actuator/health/readiness",
                infra -> with(resourceServer(infra), Map.of(
                        "SPRING_DATASOURCE_URL", infra.articlesJdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME", infra.databaseUser(),
                        "SPRING_DATASOURCE_PASSWORD", infra.databasePassword(),
                        "NEWSROOM_DEMO_ENABLED", "true",
                        "NEWSROOM_DEMO_FIXTURES", settings.fixtures().toString())));
        var comment = new PlatformService("comment-service", COMMENT_PORT, "/actuator/health/readiness",
                infra -> with(resourceServer(infra), Map.of(
                        "SPRING_DATASOURCE_URL", infra.commentsJdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME", infra.databaseUser(),
                        "SPRING_DATASOURCE_PASSWORD", infra.databasePassword())));
        var search = new PlatformService("search-service", SEARCH_PORT, "/actuator/health/readiness",
                infra -> with(resourceServer(infra), Map.of(
                        "SPRING_ELASTICSEARCH_URIS", infra.elasticsearchUri(),
                        // local ES is 8.19; the 9.x client must ask for the 8 compatibility mode
                        "NEWSROOM_SEARCH_ELASTICSEARCH_COMPATIBILITY", "8")));
        var gateway = new PlatformService("gateway", GATEWAY_PORT, "/actuator/health/readiness",
                infra -> with(resourceServer(infra), Map.of(
                        "NEWSROOM_GATEWAY_SERVICES_ARTICLE", "http://localhost:" + ARTICLE_PORT,
                        "NEWSROOM_GATEWAY_SERVICES_COMMENT", "http://localhost:" + COMMENT_PORT,
                        "NEWSROOM_GATEWAY_SERVICES_SEARCH", "http://localhost:" + SEARCH_PORT)));
        var services = List.of(auth, article, comment, search, gateway);

        var ports = new LinkedHashMap<Integer, String>();
        services.forEach(s -> ports.put(s.port(), s.name()));
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.kafkaPort() + 1, "Kafka controller");
        ports.put(settings.postgresPort(), "PostgreSQL");
        ports.put(settings.elasticsearchPort(), "Elasticsearch");
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
