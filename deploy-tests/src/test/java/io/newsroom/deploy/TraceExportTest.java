package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One trace from the editor's click needs every hop to export its spans: the gateway and each service that traces (a
 * Micrometer Tracing bridge and a Zipkin exporter in its pom) name a collector ({@code <name>.<namespace>.svc:<port>})
 * and a sampling probability, and a NetworkPolicy lets their pods reach that namespace on that port (default deny would
 * drop the spans silently). A Deployment that exports no spans gets neither the settings nor the way to the
 * collector.
 */
class TraceExportTest {

    @TestFactory
    Stream<DynamicTest> everyServiceExportsSpansToAReachableCollector() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            List<NetworkPolicy> policies = rendered.ofKind("NetworkPolicy").stream()
                    .map(m -> StrictModels.bind(m.tree(), NetworkPolicy.class)).toList();
            List<String> problems = new ArrayList<>();
            List<String> collectors = new ArrayList<>();
            List<Workloads.Workload> silent = new ArrayList<>();
            for (Workloads.Workload workload : workloads.deployments()) {
                Map<String, String> env = workloads.environment(workload.app());
                String where = workload.manifest().where();
                String endpoint = env.get("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT");
                String probability = env.get("MANAGEMENT_TRACING_SAMPLING_PROBABILITY");
                if (!ServiceSettings.load(workload.name()).traces()) {
                    silent.add(workload);
                    if (endpoint != null || probability != null) {
                        problems.add(where + ": sets MANAGEMENT_TRACING_* but " + workload.name() + " has no tracing in its "
                                + "pom: the setting promises a hop of the trace that does not exist");
                    }
                    continue;
                }
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
                collectors.add(host[1] + ":" + port);
                if (!reachesCollector(policies, workload, host[1], port)) {
                    problems.add(where + ": no NetworkPolicy lets its pods reach the collector " + collector.getHost() + ":" + port);
                }
            }
            for (Workloads.Workload workload : silent) {
                for (String collector : collectors) {
                    String[] at = collector.split(":");
                    if (reachesCollector(policies, workload, at[0], Integer.parseInt(at[1]))) {
                        problems.add(workload.manifest().where() + ": exports no spans, yet a NetworkPolicy lets its pods "
                                + "reach the collector (namespace " + at[0] + ", TCP " + at[1] + "; allow-trace-export "
                                + "lists the services that trace)");
                    }
                }
            }
            assertThat(workloads.deployments()).isNotEmpty();
            assertThat(collectors).as("%s: collectors the tracing services export to", rendered).isNotEmpty();
            assertThat(problems).isEmpty();
        });
    }

    private static boolean reachesCollector(List<NetworkPolicy> policies, Workloads.Workload workload, String namespace,
                                            int port) {
        return policies.stream()
                .filter(p -> Policies.selects(p.getSpec().getPodSelector(), workload.podLabels()))
                .filter(p -> Policies.types(p).contains("Egress"))
                .flatMap(p -> Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream())
                .anyMatch(rule -> rule.getTo() != null && rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() == null
                        && peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                        && namespace.equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                        && rule.getPorts() != null && rule.getPorts().stream()
                        .anyMatch(p -> p.getPort() != null && Integer.valueOf(port).equals(p.getPort().getIntVal())));
    }
}
