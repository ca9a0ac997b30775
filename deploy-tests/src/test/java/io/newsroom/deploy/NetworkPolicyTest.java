package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Default deny, DNS for everyone, only the gateway reachable from outside the namespace (Prometheus aside), each
 * service reaching only its own store, Kafka, and (search) Elasticsearch, the gateway also its rate-limit Redis when
 * that runs in the namespace, and the Redis reaching nothing and reached by the gateway only; the reader site (web)
 * reached by the gateway and reaching only the gateway. Between two workloads of a render, what one end's policies
 * allow the other end's allow too, and only the modules that validate tokens or sign people in may leave the cluster (the OIDC provider).
 */
class NetworkPolicyTest {

    private static final Map<String, String> GATEWAY = Map.of("app.kubernetes.io/name", "gateway");
    private static final Map<String, String> KAFKA = Map.of("strimzi.io/cluster", "newsroom", "strimzi.io/broker-role", "true");

    /**
     * In-namespace pods each workload may open connections to, by the labels of their pods. The gateway's rate-limit
     * store comes on top when the render has the Service its SPRING_DATA_REDIS_HOST names ({@link #rateLimitStore}).
     */
    private static final Map<String, Set<Map<String, String>>> EGRESS = Map.of(
            "gateway", Set.of(Map.of("app.kubernetes.io/name", "article-service"),
                    Map.of("app.kubernetes.io/name", "comment-service"),
                    Map.of("app.kubernetes.io/name", "search-service"),
                    Map.of("app.kubernetes.io/name", "web")),
            // the site reads the public API through the gateway, like any client
            "web", Set.of(GATEWAY),
            "article-service", Set.of(Map.of("cnpg.io/cluster", "articles-db"), KAFKA),
            "comment-service", Set.of(Map.of("cnpg.io/cluster", "comments-db"), KAFKA),
            "search-service", Set.of(Map.of("elasticsearch.k8s.elastic.co/cluster-name", "newsroom"), KAFKA),
            "ratelimit-redis", Set.of());

    @TestFactory
    Stream<DynamicTest> defaultDenyAndDns() {
        return Kustomize.eachTarget(rendered -> {
            List<NetworkPolicy> policies = policies(rendered);
            assertThat(policies).as("%s: a NetworkPolicy with podSelector {} denying all ingress and egress", rendered)
                    .anySatisfy(p -> {
                        assertThat(selectsAll(p.getSpec().getPodSelector())).isTrue();
                        assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                        assertThat(p.getSpec().getIngress()).isNullOrEmpty();
                        assertThat(p.getSpec().getEgress()).isNullOrEmpty();
                    });
            assertThat(policies).as("%s: DNS egress (UDP 53) for every pod", rendered).anySatisfy(p -> {
                assertThat(selectsAll(p.getSpec().getPodSelector())).isTrue();
                assertThat(p.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts())
                        .anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> eachServiceReachesOnlyWhatItOwns() {
        return Kustomize.eachTarget(rendered -> {
            Optional<Service> store = rateLimitStore(rendered);
            List<String> problems = new ArrayList<>();
            for (Workloads.Pods workload : new Workloads(rendered).pods()) {
                Map<String, String> labels = workload.labels();
                Set<Map<String, String>> egress = new LinkedHashSet<>();
                boolean reachableFromOutside = false;
                Set<String> files = new LinkedHashSet<>();
                for (Manifest manifest : rendered.ofKind("NetworkPolicy")) {
                    NetworkPolicy policy = StrictModels.bind(manifest.tree(), NetworkPolicy.class);
                    if (!selects(policy.getSpec().getPodSelector(), labels)) {
                        continue;
                    }
                    files.add(manifest.file() + " (NetworkPolicy " + manifest.name() + ")");
                    for (var rule : Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of())) {
                        for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getTo()).orElse(List.of())) {
                            if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                                egress.add(peer.getPodSelector().getMatchLabels());
                            } else if (peer.getIpBlock() != null && rule.getPorts().stream()
                                    .anyMatch(p -> p.getPort() == null || p.getPort().getIntVal() == null
                                            || p.getPort().getIntVal() != 443)) {
                                problems.add(manifest.where() + ": field 'spec.egress.to.ipBlock' may only open TCP 443 "
                                        + "(the OIDC provider) for " + workload.name());
                            }
                        }
                    }
                    for (var rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                        for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
                            boolean outside = peer.getIpBlock() != null || peer.getNamespaceSelector() != null
                                    && !"monitoring".equals(namespaceName(peer));
                            if (outside) {
                                reachableFromOutside = true;
                                if (!workload.name().equals("gateway")) {
                                    problems.add(manifest.where() + ": field 'spec.ingress.from' lets traffic from outside "
                                            + "the namespace reach " + workload.name() + "; only the gateway may be");
                                }
                            }
                        }
                    }
                }
                Set<Map<String, String>> allowed = new LinkedHashSet<>(EGRESS.getOrDefault(workload.name(), Set.of()));
                if (workload.name().equals("gateway")) {
                    store.ifPresent(redis -> allowed.add(redis.getSpec().getSelector()));
                }
                if (!egress.equals(allowed)) {
                    problems.add(workload.manifest().where() + ": NetworkPolicies let it reach " + egress + ", expected exactly "
                            + allowed + "; policies selecting it: " + files);
                }
                if (workload.name().equals("gateway") && !reachableFromOutside) {
                    problems.add(workload.manifest().where() + ": no NetworkPolicy admits the ingress controller");
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    /** Where the gateway keeps its rate-limit buckets, if it runs in the namespace: the gateway alone reaches it, on its port. */
    @TestFactory
    Stream<DynamicTest> onlyTheGatewayReachesItsRateLimitStore() {
        return Kustomize.eachTarget(rendered -> {
            Optional<Service> store = rateLimitStore(rendered);
            if (store.isEmpty()) {
                return; // a managed Redis outside the cluster (or none yet): nothing in the namespace to open
            }
            Map<String, String> storePods = store.get().getSpec().getSelector();
            // NetworkPolicy ports are the pods' ports: what the Service's targetPorts resolve to.
            var pods = new Workloads(rendered).pods().stream()
                    .filter(w -> w.labels().entrySet().containsAll(storePods.entrySet())).findFirst().orElseThrow();
            List<Integer> expected = store.get().getSpec().getPorts().stream().map(p -> p.getTargetPort())
                    .map(target -> target.getIntVal() != null ? target.getIntVal() : pods.containers().stream()
                            .flatMap(c -> c.getPorts().stream()).filter(c -> target.getStrVal().equals(c.getName()))
                            .map(c -> c.getContainerPort()).findFirst().orElse(-1))
                    .toList();
            Set<Integer> ports = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            for (Manifest manifest : rendered.ofKind("NetworkPolicy")) {
                NetworkPolicy policy = StrictModels.bind(manifest.tree(), NetworkPolicy.class);
                if (!selects(policy.getSpec().getPodSelector(), pods.labels())) {
                    continue;
                }
                for (var rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                    for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
                        if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null
                                || !GATEWAY.equals(peer.getPodSelector().getMatchLabels())) {
                            problems.add(manifest.where() + ": field 'spec.ingress.from' admits " + peer
                                    + " to the rate-limit store; only the gateway's pods may connect");
                        } else {
                            Optional.ofNullable(rule.getPorts()).orElse(List.of())
                                    .forEach(port -> ports.add(port.getPort().getIntVal()));
                        }
                    }
                }
            }
            assertThat(ports).as("%s: ports the gateway may open on its rate-limit store (Service %s)", rendered,
                    store.get().getMetadata().getName())
                    .containsExactlyElementsOf(expected);
            assertThat(problems).isEmpty();
        });
    }

    /**
     * A connection between two workloads needs both ends: an egress rule at the client and an ingress rule at the server.
     * One without the other is a connection that silently times out (or an opening nobody uses) - e.g. the gateway's
     * route to web allowed at the gateway but not admitted by web's policy.
     */
    @TestFactory
    Stream<DynamicTest> bothEndsOfEveryConnectionAgree() {
        return Kustomize.eachTarget(rendered -> {
            Policies policies = new Policies(rendered);
            List<Workloads.Pods> pods = new Workloads(rendered).pods();
            List<String> problems = new ArrayList<>();
            int connections = 0;
            for (Workloads.Pods client : pods) {
                for (Workloads.Pods server : pods) {
                    if (client == server) {
                        continue;
                    }
                    for (var port : server.containers().stream().flatMap(c -> Optional.ofNullable(c.getPorts())
                            .orElse(List.of()).stream()).toList()) {
                        boolean egress = policies.egress(client, server, port);
                        boolean ingress = policies.ingress(server, client, port);
                        String what = client.name() + " -> " + server.name() + ":" + port.getContainerPort()
                                + " (" + port.getName() + ")";
                        if (egress && !ingress) {
                            problems.add("[" + rendered + "] " + what + ": allowed out of " + client.name()
                                    + " but no NetworkPolicy of " + server.name() + " admits it");
                        } else if (ingress && !egress) {
                            problems.add("[" + rendered + "] " + what + ": admitted by " + server.name()
                                    + " but no NetworkPolicy lets " + client.name() + " open it");
                        } else if (egress) {
                            connections++;
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
            assertThat(connections).as("%s: connections between workloads allowed at both ends", rendered).isPositive();
        });
    }

    /**
     * Leaving the cluster (an ipBlock, or an egress rule without destinations) is for the JWKS of the OIDC provider, and
     * only the modules that validate tokens (a resource server in their pom) fetch it: the reader site and the
     * rate-limit Redis have no way out.
     */
    @TestFactory
    Stream<DynamicTest> exactlyTheTokenValidatorsReachTheIdentityProvider() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            List<NetworkPolicy> policies = policies(rendered);
            for (Workloads.Pods pods : new Workloads(rendered).pods()) {
                boolean external = policies.stream()
                        .filter(p -> Policies.selects(p.getSpec().getPodSelector(), pods.labels()))
                        .filter(p -> Policies.types(p).contains("Egress"))
                        .flatMap(p -> Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream())
                        .anyMatch(rule -> rule.getTo() == null || rule.getTo().isEmpty()
                                || rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null));
                boolean oidc = pods.kind().equals("Deployment") && ServiceSettings.load(pods.name()).talksToOidcProvider();
                if (external != oidc) {
                    problems.add(pods.manifest().where() + (oidc
                            ? ": validates JWTs or signs people in, but no NetworkPolicy lets it reach the OIDC provider (allow-oidc-egress)"
                            : ": talks to no OIDC provider, yet a NetworkPolicy lets it leave the cluster (allow-oidc-egress lists "
                            + "exactly the resource servers and the sign-in client)"));
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    /** The Service the gateway's SPRING_DATA_REDIS_HOST names, when it is part of this render. */
    private static Optional<Service> rateLimitStore(Rendered rendered) {
        Workloads workloads = new Workloads(rendered);
        return workloads.deployment("gateway")
                .map(gateway -> workloads.environment(gateway.app()).get("SPRING_DATA_REDIS_HOST"))
                .flatMap(host -> rendered.find("Service", host))
                .map(m -> StrictModels.bind(m.tree(), Service.class));
    }

    private static List<NetworkPolicy> policies(Rendered rendered) {
        return rendered.ofKind("NetworkPolicy").stream().map(m -> StrictModels.bind(m.tree(), NetworkPolicy.class)).toList();
    }

    private static boolean selectsAll(LabelSelector selector) {
        return selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return Policies.selects(selector, labels);
    }

    private static String namespaceName(NetworkPolicyPeer peer) {
        var labels = peer.getNamespaceSelector().getMatchLabels();
        return labels == null ? null : labels.get("kubernetes.io/metadata.name");
    }
}
