package io.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service module reads from its environment in production, derived from its own files so the check
 * follows the code: its src/main/resources/application.yaml and its pom's dependencies.
 */
record ServiceSettings(String module, Map<String, String> properties, String pom) {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern LOCAL = Pattern.compile("localhost|127\\.0\\.0\\.1");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|api-key|credentials)(\\[\\d+])?$");

    /** One setting production must provide: any of its env var names, and whether it must come from a Secret. */
    record Required(String why, Set<String> envNames, boolean fromSecret) {
    }

    static ServiceSettings load(String module) {
        Path dir = Kustomize.root().resolve(module);
        Path yaml = dir.resolve("src/main/resources/application.yaml");
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new AssertionError("a Deployment is named " + module + " but no module " + module + "/ exists");
        }
        try {
            Map<String, String> properties = new LinkedHashMap<>();
            if (Files.exists(yaml)) {
                flatten("", new YAMLMapper().readTree(yaml.toFile()), properties);
            }
            return new ServiceSettings(module, properties, Files.readString(dir.resolve("pom.xml")));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + module + "'s configuration: " + e.getMessage(), e);
        }
    }

    List<Required> required() {
        Map<String, Required> required = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            Matcher placeholder = ENV_PLACEHOLDER.matcher(value);
            while (placeholder.find()) {
                required.putIfAbsent(placeholder.group(1), new Required(module + " application.yaml " + name + " reads ${"
                        + placeholder.group(1) + "}", Set.of(placeholder.group(1)), false));
            }
            if (LOCAL.matcher(value).find()) {
                required.putIfAbsent(name, new Required(module + " application.yaml " + name + "=" + value
                        + " points at the local machine", envNames(name), false));
            }
            if (SECRET_KEY.matcher(name).matches() && !value.startsWith("${")) {
                required.put(name, new Required(module + " application.yaml " + name
                        + " is a credential with a local default", envNames(name), true));
            }
        });
        // CONVENTIONS.md, "Configuration a service reads": standard Boot keys, by the starters the module uses.
        if (uses("spring-boot-starter-jdbc", "spring-boot-starter-data-jpa", "spring-boot-starter-flyway", "postgresql")) {
            standard(required, "spring.datasource.url", false);
            standard(required, "spring.datasource.username", true);
            standard(required, "spring.datasource.password", true);
        }
        if (uses("spring-boot-starter-kafka", "<artifactId>outbox</artifactId>")) {
            standard(required, "spring.kafka.bootstrap-servers", false);
        }
        if (uses("spring-cloud-stream-binder-kafka")) {
            standard(required, "spring.cloud.stream.kafka.binder.brokers", false);
        }
        if (uses("spring-boot-starter-data-elasticsearch")) {
            standard(required, "spring.elasticsearch.uris", false);
            standard(required, "spring.elasticsearch.password", true);
        }
        if (uses("spring-boot-starter-security-oauth2-resource-server")) {
            standard(required, "spring.security.oauth2.resourceserver.jwt.issuer-uri", false);
            standard(required, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", false);
            standard(required, "spring.security.oauth2.resourceserver.jwt.audiences", false);
        }
        return List.copyOf(required.values());
    }

    /** A resource server: it validates JWTs itself, so it fetches the OIDC provider's JWKS. */
    boolean validatesTokens() {
        return uses("spring-boot-starter-security-oauth2-resource-server");
    }

    /** Talks to the OIDC provider: a resource server (JWKS) or a sign-in client (authorization code, tokens, JWKS). */
    boolean talksToOidcProvider() {
        return validatesTokens() || uses("spring-boot-starter-security-oauth2-client");
    }

    /** Behind the gateway with the shared web edge: believes X-Forwarded-* from newsroom.edge.trusted-proxies only. */
    boolean usesServiceEdge() {
        return uses("<artifactId>service-edge</artifactId>");
    }

    /** Exports spans (Micrometer Tracing with a Zipkin exporter). */
    boolean traces() {
        return uses("micrometer-tracing-bridge-otel", "micrometer-tracing-bridge-brave")
                && uses("spring-boot-zipkin", "spring-boot-starter-zipkin", "opentelemetry-exporter-zipkin");
    }

    private boolean uses(String... markers) {
        for (String marker : markers) {
            if (pom.contains(marker.startsWith("<") ? marker : "<artifactId>" + marker + "</artifactId>")) {
                return true;
            }
        }
        return false;
    }

    private void standard(Map<String, Required> required, String property, boolean fromSecret) {
        Required existing = required.get(property);
        required.put(property, new Required(module + " uses " + property + " (CONVENTIONS.md)", envNames(property),
                fromSecret || existing != null && existing.fromSecret()));
    }

    /**
     * The env var names Spring Boot binds to a property: dots to underscores, and dashes either removed (canonical)
     * or turned into underscores (the form CONVENTIONS.md uses); a list element may be set whole or by index.
     */
    static Set<String> envNames(String property) {
        Set<String> names = new LinkedHashSet<>();
        String whole = property.replaceAll("\\[\\d+]$", "");
        for (String candidate : List.of(property, whole)) {
            String base = candidate.replace('[', '.').replace("]", "").replace('.', '_').toUpperCase();
            names.add(base.replace('-', '_'));
            names.add(base.replace("-", ""));
        }
        return names;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(prefix, node.asText());
        }
    }
}
