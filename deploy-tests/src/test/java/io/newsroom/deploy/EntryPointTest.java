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

    @TestFactory
    Stream<DynamicTest> serviceMonitorScrapesEveryService() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            List<Service> services = rendered.ofKind("Service").stream()
                    .map(m -> StrictModels.bind(m.tree(), Service.class)).toList();
            for (Manifest manifest : rendered.ofKind("ServiceMonitor")) {
                ServiceMonitor monitor = StrictModels.bind(manifest.tree(), ServiceMonitor.class);
                Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
                List<Service> scraped = services.stream()
                        .filter(s -> s.getMetadata().getLabels() != null
                                && s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                        .toList();
                if (scraped.size() != services.size()) {
                    problems.add(manifest.where() + ": field 'spec.selector' " + selector + " scrapes "
                            + scraped.stream().map(s -> s.getMetadata().getName()).toList() + " of "
                            + services.stream().map(s -> s.getMetadata().getName()).toList());
                }
                monitor.getSpec().getEndpoints().forEach(endpoint -> scraped.stream()
                        .filter(s -> s.getSpec().getPorts().stream().noneMatch(p -> endpoint.getPort().equals(p.getName())))
                        .forEach(s -> problems.add(manifest.where() + ": field 'spec.endpoints.port' " + endpoint.getPort()
                                + " is no port of Service " + s.getMetadata().getName())));
            }
            assertThat(rendered.ofKind("ServiceMonitor")).as("ServiceMonitors in %s", rendered).isNotEmpty();
            assertThat(problems).isEmpty();
        });
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
