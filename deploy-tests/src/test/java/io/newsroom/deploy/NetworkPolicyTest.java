package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
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
 * Default deny, DNS for everyone, only the gateway reachable from outside the namespace (Prometheus aside), and each
 * service reaching only its own store, Kafka, and (search) Elasticsearch.
 */
class NetworkPolicyTest {

    private static final Map<String, String> KAFKA = Map.of("strimzi.io/cluster", "newsroom", "strimzi.io/broker-role", "true");

    /** In-namespace pods each service may open connections to, by the labels of their pods. */
    private static final Map<String, Set<Map<String, String>>> EGRESS = Map.of(
            "gateway", Set.of(Map.of("app.kubernetes.io/name", "article-service"),
                    Map.of("app.kubernetes.io/name", "comment-service"),
                    Map.of("app.kubernetes.io/name", "search-service")),
            "article-service", Set.of(Map.of("cnpg.io/cluster", "articles-db"), KAFKA),
            "comment-service", Set.of(Map.of("cnpg.io/cluster", "comments-db"), KAFKA),
            "search-service", Set.of(Map.of("elasticsearch.k8s.elastic.co/cluster-name", "newsroom"), KAFKA));

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
            Workloads workloads = new Workloads(rendered);
            List<String> problems = new ArrayList<>();
            for (Workloads.Workload workload : workloads.deployments()) {
                Map<String, String> labels = workload.podLabels();
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
                Set<Map<String, String>> allowed = EGRESS.getOrDefault(workload.name(), Set.of());
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

    private static List<NetworkPolicy> policies(Rendered rendered) {
        return rendered.ofKind("NetworkPolicy").stream().map(m -> StrictModels.bind(m.tree(), NetworkPolicy.class)).toList();
    }

    private static boolean selectsAll(LabelSelector selector) {
        return selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selectsAll(selector) || selector.getMatchLabels() != null
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static String namespaceName(NetworkPolicyPeer peer) {
        var labels = peer.getNamespaceSelector().getMatchLabels();
        return labels == null ? null : labels.get("kubernetes.io/metadata.name");
    }
}
