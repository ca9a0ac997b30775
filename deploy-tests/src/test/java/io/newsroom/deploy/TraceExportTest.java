package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One trace from the editor's click needs every hop to export its spans: the gateway and each service name a collector
 * ({@code <name>.<namespace>.svc:<port>}) and a sampling probability, and a NetworkPolicy lets their pods reach that
 * namespace on that port (default deny would drop the spans silently).
 */
class TraceExportTest {

    @TestFactory
    Stream<DynamicTest> everyServiceExportsSpansToAReachableCollector() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            List<NetworkPolicy> policies = rendered.ofKind("NetworkPolicy").stream()
                    .map(m -> StrictModels.bind(m.tree(), NetworkPolicy.class)).toList();
            List<String> problems = new ArrayList<>();
            for (Workloads.Workload workload : workloads.deployments()) {
                Map<String, String> env = workloads.environment(workload.app());
                String where = workload.manifest().where();
                String endpoint = env.get("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT");
                String probability = env.get("MANAGEMENT_TRACING_SAMPLING_PROBABILITY");
                if (endpoint == null || probability == null) {
                    problems.add(where + ": MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT and MANAGEMENT_TRACING_SAMPLING_PROBABILITY "
                            + "are required (the trace would break at " + workload.name() + ")");
                    continue;
                }
                double sampled = Double.parseDouble(probability);
                if (sampled <= 0 || sampled > 1) {
                    problems.add(where + ": MANAGEMENT_TRACING_SAMPLING_PROBABILITY " + probability + " is not in (0, 1]");
                }
                URI collector = URI.create(endpoint);
                String[] host = collector.getHost().split("\\.");
                if (host.length < 3 || !host[2].equals("svc")) {
                    problems.add(where + ": collector host " + collector.getHost() + " is not <service>.<namespace>.svc");
                    continue;
                }
                int port = collector.getPort() < 0 ? 80 : collector.getPort();
                boolean reachable = policies.stream()
                        .filter(p -> selects(p.getSpec().getPodSelector(), workload.podLabels()))
                        .flatMap(p -> Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream())
                        .anyMatch(rule -> rule.getTo() != null && rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() == null
                                && peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                                && host[1].equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                                && rule.getPorts() != null && rule.getPorts().stream()
                                .anyMatch(p -> p.getPort() != null && Integer.valueOf(port).equals(p.getPort().getIntVal())));
                if (!reachable) {
                    problems.add(where + ": no NetworkPolicy lets its pods reach the collector " + collector.getHost() + ":" + port);
                }
            }
            assertThat(workloads.deployments()).isNotEmpty();
            assertThat(problems).isEmpty();
        });
    }

    /** matchLabels and matchExpressions (In) against a pod's labels. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        boolean byLabels = selector.getMatchLabels() == null || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean byExpressions = selector.getMatchExpressions() == null || selector.getMatchExpressions().stream()
                .allMatch(e -> e.getOperator().equals("In") && e.getValues().contains(labels.get(e.getKey())));
        return byLabels && byExpressions;
    }
}
