package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Traffic enters only through the gateway (Ingress or HTTPRoute, exactly one of them), and the ServiceMonitor
 * finds the services and a port they expose.
 */
class EntryPointTest {

    @TestFactory
    Stream<DynamicTest> exactlyOneEntryPointAndItLeadsToTheGateway() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            List<Manifest> ingresses = rendered.ofKind("Ingress");
            List<Manifest> routes = rendered.ofKind("HTTPRoute");
            assertThat(ingresses.size() + routes.size()).as("%s: one Ingress or one HTTPRoute", rendered).isEqualTo(1);
            for (Manifest manifest : ingresses) {
                Ingress ingress = StrictModels.bind(manifest.tree(), Ingress.class);
                ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                    var backend = path.getBackend().getService();
                    check(rendered, manifest, backend.getName(), backend.getPort().getName(), backend.getPort().getNumber(),
                            problems);
                }));
            }
            for (Manifest manifest : routes) {
                HTTPRoute route = StrictModels.bind(manifest.tree(), HTTPRoute.class);
                route.getSpec().getRules().forEach(rule -> rule.getBackendRefs().forEach(ref ->
                        check(rendered, manifest, ref.getName(), null, ref.getPort(), problems)));
            }
            assertThat(problems).isEmpty();
        });
    }

    /**
     * The ServiceMonitor scrapes exactly the Services in front of the newsroom Deployments (Spring Boot, Actuator's
     * Prometheus endpoint on the management port); a store without a metrics endpoint (the rate-limit Redis) is not
     * scraped, and every scraped Service has the monitor's port.
     */
    @TestFactory
    Stream<DynamicTest> serviceMonitorScrapesEveryService() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            List<Map<String, String>> deploymentPods = new Workloads(rendered).deployments().stream()
                    .map(Workloads.Workload::podLabels).toList();
            List<Service> services = rendered.ofKind("Service").stream()
                    .map(m -> StrictModels.bind(m.tree(), Service.class))
                    .filter(s -> s.getSpec().getSelector() != null && deploymentPods.stream()
                            .anyMatch(pod -> pod.entrySet().containsAll(s.getSpec().getSelector().entrySet())))
                    .toList();
            List<Service> all = rendered.ofKind("Service").stream()
                    .map(m -> StrictModels.bind(m.tree(), Service.class)).toList();
            for (Manifest manifest : rendered.ofKind("ServiceMonitor")) {
                ServiceMonitor monitor = StrictModels.bind(manifest.tree(), ServiceMonitor.class);
                Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
                List<Service> scraped = all.stream()
                        .filter(s -> s.getMetadata().getLabels() != null
                                && s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                        .toList();
                if (!names(scraped).equals(names(services))) {
                    problems.add(manifest.where() + ": field 'spec.selector' " + selector + " scrapes "
                            + names(scraped) + ", expected the Services of the Deployments " + names(services));
                }
                monitor.getSpec().getEndpoints().forEach(endpoint -> scraped.stream()
                        .filter(s -> s.getSpec().getPorts().stream().noneMatch(p -> endpoint.getPort().equals(p.getName())))
                        .forEach(s -> problems.add(manifest.where() + ": field 'spec.endpoints.port' " + endpoint.getPort()
                                + " is no port of Service " + s.getMetadata().getName())));
            }
            assertThat(services).as("Services of the Deployments in %s", rendered).isNotEmpty();
            assertThat(rendered.ofKind("ServiceMonitor")).as("ServiceMonitors in %s", rendered).isNotEmpty();
            assertThat(problems).isEmpty();
        });
    }

    private static List<String> names(List<Service> services) {
        return services.stream().map(s -> s.getMetadata().getName()).sorted().toList();
    }

    private static void check(Rendered rendered, Manifest manifest, String service, String portName, Integer portNumber,
                              List<String> problems) {
        if (!"gateway".equals(service)) {
            problems.add(manifest.where() + ": routes to '" + service + "'; the public entry point is the gateway only");
        }
        var target = rendered.find("Service", service);
        if (target.isEmpty()) {
            problems.add(manifest.where() + ": backend Service '" + service + "' does not exist");
            return;
        }
        boolean port = StrictModels.bind(target.get().tree(), Service.class).getSpec().getPorts().stream()
                .anyMatch(p -> portName != null ? portName.equals(p.getName()) : portNumber.equals(p.getPort()));
        if (!port) {
            problems.add(manifest.where() + ": backend port " + (portName != null ? portName : portNumber)
                    + " is no port of Service " + service);
        }
    }
}
