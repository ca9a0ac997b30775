package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Services and PodDisruptionBudgets select real pods (of a Deployment or a StatefulSet); every workload is reachable
 * through a Service; every replicated workload has a budget; a StatefulSet's governing Service exists and selects it.
 */
class ServiceWiringTest {

    @TestFactory
    Stream<DynamicTest> everyServiceSelectsAWorkloadAndAContainerPort() {
        return Kustomize.eachTarget(rendered -> {
            List<Workloads.Pods> workloads = new Workloads(rendered).pods();
            List<String> problems = new ArrayList<>();
            for (Manifest manifest : rendered.ofKind("Service")) {
                Service service = StrictModels.bind(manifest.tree(), Service.class);
                Map<String, String> selector = service.getSpec().getSelector();
                var target = workloads.stream()
                        .filter(w -> selector != null && !selector.isEmpty() && w.labels().entrySet().containsAll(selector.entrySet()))
                        .findFirst();
                if (target.isEmpty()) {
                    problems.add(manifest.where() + ": field 'spec.selector' " + selector
                            + " matches the pod labels of no Deployment or StatefulSet");
                    continue;
                }
                List<ContainerPort> ports = target.get().containers().stream()
                        .flatMap(c -> c.getPorts().stream()).toList();
                for (ServicePort port : service.getSpec().getPorts()) {
                    var targetPort = port.getTargetPort();
                    boolean found = ports.stream().anyMatch(p -> targetPort.getStrVal() != null
                            ? targetPort.getStrVal().equals(p.getName())
                            : targetPort.getIntVal().equals(p.getContainerPort()));
                    if (!found) {
                        problems.add(manifest.where() + ": field 'spec.ports[" + port.getName() + "].targetPort' "
                                + targetPort + " is no container port of " + target.get().kind() + " " + target.get().name());
                    }
                }
            }
            List<Map<String, String>> serviceSelectors = rendered.ofKind("Service").stream()
                    .map(m -> StrictModels.bind(m.tree(), Service.class).getSpec().getSelector()).toList();
            List<Map<String, String>> budgetSelectors = rendered.ofKind("PodDisruptionBudget").stream()
                    .map(m -> StrictModels.bind(m.tree(), PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels())
                    .toList();
            for (Workloads.Pods workload : workloads) {
                String what = workload.kind() + "'s pods";
                if (serviceSelectors.stream().noneMatch(s -> selects(s, workload))) {
                    problems.add(workload.manifest().where() + ": no Service selects this " + what);
                }
                // A Deployment always gets a budget (its replicas are what a drain must not take all at once). A
                // single-replica StatefulSet gets none: minAvailable 1 would block every node drain, maxUnavailable 1
                // protects nothing; its clients must cope with its restart (the gateway fails open without Redis).
                boolean needsBudget = workload.kind().equals("Deployment") || workload.replicas() > 1;
                if (needsBudget && budgetSelectors.stream().noneMatch(s -> selects(s, workload))) {
                    problems.add(workload.manifest().where() + ": no PodDisruptionBudget selects this " + what);
                }
            }
            for (Manifest manifest : rendered.ofKind("StatefulSet")) {
                String governing = StrictModels.bind(manifest.tree(), StatefulSet.class).getSpec().getServiceName();
                var service = rendered.find("Service", governing == null ? "" : governing);
                var pods = workloads.stream().filter(w -> w.manifest() == manifest).findFirst().orElseThrow();
                if (service.isEmpty() || !selects(StrictModels.bind(service.get().tree(), Service.class).getSpec().getSelector(), pods)) {
                    problems.add(manifest.where() + ": field 'spec.serviceName' '" + governing
                            + "' names no Service selecting its pods");
                }
            }
            assertThat(problems).as("wiring problems").isEmpty();
        });
    }

    private static boolean selects(Map<String, String> selector, Workloads.Pods workload) {
        return selector != null && !selector.isEmpty() && workload.labels().entrySet().containsAll(selector.entrySet());
    }
}
