package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Actuator lives on each service's management port (gateway 9080, article 9081, comment 9082, search 9083, the reader
 * site web 9084): the
 * container declares it as the named port {@code management} and sets {@code MANAGEMENT_SERVER_PORT} to it, the
 * probes and the ServiceMonitor use it, no Ingress or HTTPRoute reaches it, and NetworkPolicies open it to the
 * monitoring namespace only.
 */
class ManagementPortTest {

    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of(
            "gateway", 9080, "article-service", 9081, "comment-service", 9082, "search-service", 9083, "web", 9084);

    @TestFactory
    Stream<DynamicTest> everyServiceDeclaresItsManagementPort() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            List<String> problems = new ArrayList<>();
            MANAGEMENT_PORTS.forEach((name, port) -> {
                var workload = workloads.deployment(name);
                if (workload.isEmpty()) {
                    problems.add("[" + rendered + "] no Deployment " + name);
                    return;
                }
                var container = workload.get().app();
                String where = workload.get().manifest().where();
                boolean declared = Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                        .anyMatch(p -> "management".equals(p.getName()) && port.equals(p.getContainerPort()));
                if (!declared) {
                    problems.add(where + ": field 'spec.template.spec.containers[0].ports' needs {name: management, containerPort: " + port + "}");
                }
                String env = workloads.environment(container).get("MANAGEMENT_SERVER_PORT");
                if (!String.valueOf(port).equals(env)) {
                    problems.add(where + ": env MANAGEMENT_SERVER_PORT is " + env + ", expected " + port);
                }
                for (var probe : new io.fabric8.kubernetes.api.model.Probe[] {container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe()}) {
                    if (probe == null || probe.getHttpGet() == null || !isManagement(probe.getHttpGet().getPort(), container.getPorts(), port)) {
                        problems.add(where + ": every probe must call the management port (" + port + ")");
                        break;
                    }
                }
            });
            assertThat(problems).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> noIngressOrHttpRouteReachesAManagementPort() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            for (Manifest manifest : rendered.ofKind("Ingress")) {
                Ingress ingress = StrictModels.bind(manifest.tree(), Ingress.class);
                Optional.ofNullable(ingress.getSpec().getDefaultBackend()).map(b -> b.getService()).ifPresent(b ->
                        check(rendered, manifest, b.getName(), b.getPort().getName(), b.getPort().getNumber(), problems));
                ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                    var backend = path.getBackend().getService();
                    check(rendered, manifest, backend.getName(), backend.getPort().getName(), backend.getPort().getNumber(), problems);
                }));
            }
            for (Manifest manifest : rendered.ofKind("HTTPRoute")) {
                HTTPRoute route = StrictModels.bind(manifest.tree(), HTTPRoute.class);
                route.getSpec().getRules().forEach(rule -> rule.getBackendRefs().forEach(ref ->
                        check(rendered, manifest, ref.getName(), null, ref.getPort(), problems)));
            }
            assertThat(problems).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> prometheusScrapesTheManagementPort() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            for (Manifest manifest : rendered.ofKind("ServiceMonitor")) {
                ServiceMonitor monitor = StrictModels.bind(manifest.tree(), ServiceMonitor.class);
                monitor.getSpec().getEndpoints().forEach(endpoint -> {
                    if (!"management".equals(endpoint.getPort()) || !"/actuator/prometheus".equals(endpoint.getPath())) {
                        problems.add(manifest.where() + ": endpoint " + endpoint.getPort() + endpoint.getPath()
                                + " must be port 'management', path /actuator/prometheus");
                    }
                });
            }
            assertThat(rendered.ofKind("ServiceMonitor")).isNotEmpty();
            assertThat(problems).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> onlyTheMonitoringNamespaceMayReachAManagementPort() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            List<Map<String, String>> servicePods = new Workloads(rendered).deployments().stream()
                    .filter(w -> MANAGEMENT_PORTS.containsKey(w.name())).map(Workloads.Workload::podLabels).toList();
            for (Manifest manifest : rendered.ofKind("NetworkPolicy")) {
                NetworkPolicy policy = StrictModels.bind(manifest.tree(), NetworkPolicy.class);
                var selector = policy.getSpec().getPodSelector();
                Map<String, String> match = selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
                if (servicePods.stream().noneMatch(labels -> labels.entrySet().containsAll(match.entrySet()))) {
                    continue; // selects no service pod (data stores, Kafka): no management port there
                }
                for (var rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                    List<NetworkPolicyPort> ports = Optional.ofNullable(rule.getPorts()).orElse(List.of());
                    boolean opensManagement = ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() == null
                            || "management".equals(p.getPort().getStrVal())
                            || p.getPort().getIntVal() != null && MANAGEMENT_PORTS.containsValue(p.getPort().getIntVal()));
                    if (!opensManagement) {
                        continue;
                    }
                    List<NetworkPolicyPeer> peers = Optional.ofNullable(rule.getFrom()).orElse(List.of());
                    boolean monitoringOnly = !peers.isEmpty() && peers.stream().allMatch(peer -> peer.getIpBlock() == null
                            && peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                            && "monitoring".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
                    if (!monitoringOnly) {
                        problems.add(manifest.where() + ": field 'spec.ingress' opens a management port"
                                + (ports.isEmpty() ? " (a rule without ports opens all)" : "") + " to " + peers
                                + "; only namespace monitoring may reach it");
                    }
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    /** And the other half: under default deny, Prometheus (namespace monitoring) must be admitted to every management port. */
    @TestFactory
    Stream<DynamicTest> prometheusMayReachEveryManagementPort() {
        return Kustomize.eachTarget(rendered -> {
            List<NetworkPolicy> policies = rendered.ofKind("NetworkPolicy").stream()
                    .map(m -> StrictModels.bind(m.tree(), NetworkPolicy.class)).toList();
            List<String> problems = new ArrayList<>();
            Workloads workloads = new Workloads(rendered);
            MANAGEMENT_PORTS.forEach((name, port) -> workloads.deployment(name).ifPresent(workload -> {
                boolean admitted = policies.stream()
                        .filter(p -> Policies.selects(p.getSpec().getPodSelector(), workload.podLabels()))
                        .filter(p -> Policies.types(p).contains("Ingress"))
                        .flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                        .anyMatch(rule -> rule.getFrom() != null && rule.getFrom().stream().anyMatch(peer ->
                                peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                                        && "monitoring".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                                && rule.getPorts() != null && rule.getPorts().stream().anyMatch(p -> p.getPort() != null
                                && ("management".equals(p.getPort().getStrVal()) || port.equals(p.getPort().getIntVal()))));
                if (!admitted) {
                    problems.add(workload.manifest().where() + ": no NetworkPolicy admits namespace monitoring to its management "
                            + "port " + port + " (allow-prometheus-scrape selects app.kubernetes.io/component=service)");
                }
            }));
            assertThat(problems).isEmpty();
        });
    }

    private static void check(Rendered rendered, Manifest manifest, String serviceName, String portName, Integer portNumber,
                              List<String> problems) {
        var target = rendered.find("Service", serviceName);
        if (target.isEmpty()) {
            return; // EntryPointTest reports a missing backend
        }
        Service service = StrictModels.bind(target.get().tree(), Service.class);
        for (ServicePort port : service.getSpec().getPorts()) {
            boolean referenced = portName != null ? portName.equals(port.getName()) : portNumber != null && portNumber.equals(port.getPort());
            if (!referenced) {
                continue;
            }
            IntOrString targetPort = port.getTargetPort();
            boolean management = "management".equals(port.getName())
                    || targetPort != null && ("management".equals(targetPort.getStrVal())
                    || targetPort.getIntVal() != null && MANAGEMENT_PORTS.containsValue(targetPort.getIntVal()))
                    || MANAGEMENT_PORTS.containsValue(port.getPort());
            if (management) {
                problems.add(manifest.where() + ": routes to Service " + serviceName + " port " + port.getName()
                        + ", a management port; the public entry point must never reach Actuator");
            }
        }
    }

    private static boolean isManagement(IntOrString port, List<ContainerPort> declared, int expected) {
        if (port == null) {
            return false;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal() == expected;
        }
        return "management".equals(port.getStrVal()) && Optional.ofNullable(declared).orElse(List.of()).stream()
                .anyMatch(p -> "management".equals(p.getName()) && p.getContainerPort() == expected);
    }
}
