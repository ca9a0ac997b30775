package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reader site (module web) in every target: its Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler,
 * ServiceAccount and ConfigMap are rendered in the target's namespace, probed on its management port 9084; the gateway
 * routes to it and it calls the gateway through Service URLs that resolve to real ports, allowed at both ends by
 * NetworkPolicy; its public URL is the entry point's host; and in every overlay the two trust each other's pods as
 * proxies (a pod CIDR, never everyone), as the services trust the gateway's, so the gateway's per-client limits and
 * comment-service's flood limits count readers, not the site's or the gateway's pods.
 */
class WebSiteTest {

    static final String WEB = "web";
    static final int MANAGEMENT = 9084;

    /** The Service URLs a Deployment calls other workloads of the namespace by. */
    static final Map<String, Pattern> SERVICE_URLS = Map.of(
            "gateway", Pattern.compile("NEWSROOM_GATEWAY_SERVICES_[A-Z_]+"),
            WEB, Pattern.compile("NEWSROOM_SITE_GATEWAY_URL"));

    @TestFactory
    Stream<DynamicTest> theSiteIsRenderedInEveryTarget() {
        return Kustomize.eachTarget(rendered -> {
            String namespace = rendered.target().equals("base") ? "" : OverlayNamespaceTest.namespaceOf(rendered.target());
            Workloads workloads = new Workloads(rendered);
            var site = workloads.deployment(WEB);
            assertThat(site).as("%s: Deployment web", rendered).isPresent();
            Map<String, String> pods = site.get().podLabels();
            List<String> problems = new ArrayList<>();

            Container container = site.get().app();
            String configMap = Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).stream()
                    .filter(e -> e.getConfigMapRef() != null).map(e -> e.getConfigMapRef().getName()).findFirst().orElse("");
            assertThat(configMap).as("%s: web's ConfigMap (from web/config.env)", rendered).matches("web(-[a-z0-9]{10})?");
            List<Manifest> objects = new ArrayList<>(List.of(site.get().manifest()));
            for (String kind : List.of("Service", "ServiceAccount", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
                rendered.find(kind, WEB).ifPresentOrElse(objects::add,
                        () -> problems.add("[" + rendered + "] no " + kind + " web"));
            }
            rendered.find("ConfigMap", configMap).ifPresent(objects::add);
            for (Manifest object : objects) {
                String actual = object.tree().path("metadata").path("namespace").asText("");
                if (!actual.equals(namespace)) {
                    problems.add(object.where() + ": field 'metadata.namespace' is '" + actual + "', expected '" + namespace + "'");
                }
            }
            rendered.find("Service", WEB).map(m -> StrictModels.bind(m.tree(), Service.class)).ifPresent(service -> {
                if (!pods.entrySet().containsAll(service.getSpec().getSelector().entrySet())) {
                    problems.add("[" + rendered + "] Service web does not select web's pods");
                }
            });
            rendered.find("PodDisruptionBudget", WEB).map(m -> StrictModels.bind(m.tree(), PodDisruptionBudget.class))
                    .ifPresent(pdb -> {
                        if (!pods.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet())) {
                            problems.add("[" + rendered + "] PodDisruptionBudget web does not select web's pods");
                        }
                    });
            rendered.find("HorizontalPodAutoscaler", WEB).map(m -> StrictModels.bind(m.tree(), HorizontalPodAutoscaler.class))
                    .ifPresent(hpa -> {
                        var ref = hpa.getSpec().getScaleTargetRef();
                        if (!"Deployment".equals(ref.getKind()) || !WEB.equals(ref.getName())) {
                            problems.add("[" + rendered + "] HorizontalPodAutoscaler web scales " + ref.getKind() + " " + ref.getName());
                        }
                    });
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("startupProbe", container.getStartupProbe());
            probes.put("livenessProbe", container.getLivenessProbe());
            probes.put("readinessProbe", container.getReadinessProbe());
            probes.forEach((name, probe) -> {
                Integer port = probe == null || probe.getHttpGet() == null ? null
                        : containerPort(container, probe.getHttpGet().getPort()).map(ContainerPort::getContainerPort).orElse(null);
                if (port == null || port != MANAGEMENT) {
                    problems.add(site.get().manifest().where() + ": " + name + " must call the management port " + MANAGEMENT
                            + ", calls " + port);
                }
            });
            assertThat(problems).isEmpty();
        });
    }

    /**
     * The gateway's route to every backend (NEWSROOM_GATEWAY_SERVICES_*, web among them) and the site's way to the API
     * (NEWSROOM_SITE_GATEWAY_URL) name a Service of the render and one of its ports; the port leads to a container port
     * of the pods it selects, and NetworkPolicies allow that connection at both ends.
     */
    @TestFactory
    Stream<DynamicTest> theGatewayAndTheSiteReachEachOther() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            Policies policies = new Policies(rendered);
            List<String> problems = new ArrayList<>();
            Set<String> calls = new LinkedHashSet<>();
            SERVICE_URLS.forEach((client, keys) -> {
                Workloads.Workload workload = workloads.deployment(client).orElseThrow();
                Workloads.Pods from = workloads.pods(client).orElseThrow();
                workloads.environment(workload.app()).forEach((key, value) -> {
                    if (!keys.matcher(key).matches()) {
                        return;
                    }
                    String where = workload.manifest().where() + ": " + key + "=" + value;
                    URI url = URI.create(value);
                    String name = url.getHost() == null ? "" : url.getHost().split("\\.")[0];
                    int port = url.getPort() < 0 ? 80 : url.getPort();
                    var service = rendered.find("Service", name).map(m -> StrictModels.bind(m.tree(), Service.class));
                    if (service.isEmpty()) {
                        problems.add(where + ": no Service '" + name + "' in the render");
                        return;
                    }
                    Optional<ServicePort> servicePort = service.get().getSpec().getPorts().stream()
                            .filter(p -> p.getPort() == port).findFirst();
                    var to = workloads.pods().stream().filter(p -> p.labels().entrySet()
                            .containsAll(service.get().getSpec().getSelector().entrySet())).findFirst();
                    if (servicePort.isEmpty() || to.isEmpty()) {
                        problems.add(where + ": Service " + name + " has no port " + port + " or selects no pods");
                        return;
                    }
                    Optional<ContainerPort> target = to.get().containers().stream()
                            .flatMap(c -> containerPort(c, servicePort.get().getTargetPort()).stream()).findFirst();
                    if (target.isEmpty()) {
                        problems.add(where + ": Service " + name + " port " + port + " leads to no container port of " + to.get().name());
                    } else if (!policies.connects(from, to.get(), target.get())) {
                        problems.add(where + ": NetworkPolicies do not allow " + client + " -> " + to.get().name() + ":"
                                + target.get().getContainerPort() + " at both ends (egress at " + client + ": "
                                + policies.egress(from, to.get(), target.get()) + ", ingress at " + to.get().name() + ": "
                                + policies.ingress(to.get(), from, target.get()) + ")");
                    } else {
                        calls.add(client + " -> " + to.get().name() + ":" + target.get().getContainerPort());
                    }
                });
            });
            assertThat(problems).isEmpty();
            assertThat(calls).as("%s: the calls to other workloads by Service URL", rendered)
                    .contains("gateway -> web:8084", "web -> gateway:8080");
        });
    }

    /** Canonical URLs, feeds and sitemaps carry NEWSROOM_SITE_PUBLIC_URL: it must be the host readers reach. */
    @TestFactory
    Stream<DynamicTest> theSitesPublicUrlIsTheEntryPointsHost() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            String value = workloads.environment(workloads.deployment(WEB).orElseThrow().app()).get("NEWSROOM_SITE_PUBLIC_URL");
            assertThat(value).as("%s: web's NEWSROOM_SITE_PUBLIC_URL", rendered).isNotBlank();
            URI url = URI.create(value);
            Set<String> hosts = new LinkedHashSet<>();
            rendered.ofKind("Ingress").forEach(m -> StrictModels.bind(m.tree(), Ingress.class).getSpec().getRules()
                    .forEach(rule -> hosts.add(rule.getHost())));
            rendered.ofKind("HTTPRoute").forEach(m -> hosts.addAll(Optional.ofNullable(
                    StrictModels.bind(m.tree(), HTTPRoute.class).getSpec().getHostnames()).orElse(List.of())));
            assertThat(url.getScheme()).as("%s: %s is served over TLS", rendered, value).isEqualTo("https");
            assertThat(url.getPath()).as("%s: %s is an origin", rendered, value).isIn("", "/");
            assertThat(hosts).as("%s: the entry point's hosts", rendered).contains(url.getHost());
        });
    }

    /**
     * The reader's address travels ingress -> gateway -> web -> gateway -> service in X-Forwarded-For, and each hop
     * believes it only from its trusted proxies: the gateway from the ingress controller's and the site's pods, the site
     * from the gateway's, the services (service-edge) from the gateway's. All are the cluster's pod CIDR, which only an
     * overlay knows (base sets none). Never everyone (any client could name itself), never loopback only (in a cluster
     * the peers are pods).
     */
    @TestFactory
    Stream<DynamicTest> everyHopTrustsTheProxyInFrontOfIt() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            Map<String, List<String>> trusted = new LinkedHashMap<>();
            trusted.put("gateway NEWSROOM_GATEWAY_TRUSTED_PROXIES_ADDRESSES", list(
                    workloads.environment(workloads.deployment("gateway").orElseThrow().app()), "NEWSROOM_GATEWAY_TRUSTED_PROXIES_ADDRESSES"));
            trusted.put("web NEWSROOM_SITE_TRUSTED_PROXIES", list(
                    workloads.environment(workloads.deployment(WEB).orElseThrow().app()), "NEWSROOM_SITE_TRUSTED_PROXIES"));
            for (Workloads.Workload workload : workloads.deployments()) {
                if (ServiceSettings.load(workload.name()).usesServiceEdge()) {
                    trusted.put(workload.name() + " NEWSROOM_EDGE_TRUSTED_PROXIES",
                            list(workloads.environment(workload.app()), "NEWSROOM_EDGE_TRUSTED_PROXIES"));
                }
            }
            assertThat(trusted.keySet()).as("%s: hops that believe X-Forwarded-For", rendered).hasSize(5);
            if (rendered.target().equals("base")) {
                assertThat(trusted.values()).as("base knows no pod CIDR: the overlays set the trusted proxies").allMatch(List::isEmpty);
                return;
            }
            List<String> problems = new ArrayList<>();
            trusted.forEach((setting, ranges) -> {
                if (ranges.isEmpty()) {
                    problems.add("[" + rendered + "] " + setting + " is not set (the cluster's pod CIDR, in the overlay)");
                }
                for (String range : ranges) {
                    if (!range.matches("(\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]+)(/\\d{1,3})?")) {
                        problems.add("[" + rendered + "] " + setting + ": '" + range + "' is no address or CIDR");
                    } else if (range.endsWith("/0")) {
                        problems.add("[" + rendered + "] " + setting + ": '" + range + "' trusts every client");
                    }
                }
                if (!ranges.isEmpty() && ranges.stream().allMatch(r -> r.startsWith("127.") || r.equals("::1"))) {
                    problems.add("[" + rendered + "] " + setting + " " + ranges + " is loopback only; in a cluster the proxy is a pod");
                }
            });
            assertThat(problems).isEmpty();
        });
    }

    /** A list setting as Spring binds it from the environment: comma-separated, or indexed (NAME_0, NAME_1, ...). */
    private static List<String> list(Map<String, String> env, String name) {
        List<String> values = new ArrayList<>();
        Optional.ofNullable(env.get(name)).ifPresent(v -> Stream.of(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).forEach(values::add));
        env.forEach((key, value) -> {
            if (key.matches(Pattern.quote(name) + "_\\d+")) {
                values.add(value.strip());
            }
        });
        return values;
    }

    /** A named or numbered port of a container. */
    private static Optional<ContainerPort> containerPort(Container container, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                .filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : port.getIntVal().equals(p.getContainerPort()))
                .findFirst();
    }
}
