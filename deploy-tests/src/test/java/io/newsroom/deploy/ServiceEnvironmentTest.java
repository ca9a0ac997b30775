package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every setting a service reads in production is set in its ConfigMap or a Secret reference: env placeholders in
 * its application.yaml, every value there that points at localhost, every credential, and the standard keys of
 * CONVENTIONS.md for the starters it uses. Secret references point at Secrets an operator or the team creates.
 */
class ServiceEnvironmentTest {

    /** Secrets no operator generates: the operator team creates them (deploy/README.md, "Secrets"). */
    private static final Set<String> TEAM_CREATED_SECRETS = Set.of("comment-service-form-token", "web-oidc-client");

    @TestFactory
    Stream<DynamicTest> everySettingAServiceReadsIsProvided() {
        return Kustomize.forEachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            // Every Deployment is one of this repository's service modules, named alike; a missing module fails.
            return workloads.deployments().stream()
                    .map(workload -> DynamicTest.dynamicTest(rendered.target() + " " + workload.name(), () -> {
                        Container container = workload.app();
                        Map<String, String> env = workloads.environment(container);
                        List<String> problems = new ArrayList<>();
                        for (ServiceSettings.Required required : ServiceSettings.load(workload.name()).required()) {
                            var set = required.envNames().stream().filter(env::containsKey).findFirst();
                            if (set.isEmpty()) {
                                problems.add(workload.manifest().where() + ": no env var " + required.envNames()
                                        + " in its ConfigMap or env - " + required.why());
                            } else if (required.fromSecret() && !env.get(set.get()).startsWith("secret:")) {
                                problems.add(workload.manifest().where() + ": env " + set.get()
                                        + " must come from a secretKeyRef, not a literal - " + required.why());
                            }
                        }
                        assertThat(problems).as("settings missing for %s", workload.name()).isEmpty();
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> everySecretReferenceHasAKnownCreator() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            List<String> problems = new ArrayList<>();
            for (Workloads.Workload workload : workloads.deployments()) {
                workloads.environment(workload.app()).forEach((name, value) -> {
                    if (value != null && value.startsWith("secret:")) {
                        String secret = value.substring("secret:".length(), value.indexOf('/'));
                        if (!createdByOperator(rendered, secret) && !TEAM_CREATED_SECRETS.contains(secret)) {
                            problems.add(workload.manifest().where() + ": env " + name + " reads Secret '" + secret
                                    + "' that no operator object in this target creates and that README does not list");
                        }
                    }
                });
                var volumes = workload.deployment().getSpec().getTemplate().getSpec().getVolumes();
                volumes.stream().filter(v -> v.getSecret() != null).forEach(v -> {
                    if (!createdByOperator(rendered, v.getSecret().getSecretName())) {
                        problems.add(workload.manifest().where() + ": volume " + v.getName() + " mounts Secret '"
                                + v.getSecret().getSecretName() + "' that no operator object in this target creates");
                    }
                });
            }
            assertThat(problems).isEmpty();
        });
    }

    /** CloudNativePG: {cluster}-app; ECK: {name}-es-elastic-user and {name}-es-http-certs-public. */
    private static boolean createdByOperator(Rendered rendered, String secret) {
        return rendered.ofKind("Cluster").stream().anyMatch(c -> secret.equals(c.name() + "-app"))
                // Strimzi's User Operator: a Secret named after the KafkaUser (password, sasl.jaas.config).
                || rendered.ofKind("KafkaUser").stream().anyMatch(u -> secret.equals(u.name()))
                || rendered.ofKind("Elasticsearch").stream().anyMatch(es -> secret.equals(es.name() + "-es-elastic-user")
                || secret.equals(es.name() + "-es-http-certs-public"));
    }
}
