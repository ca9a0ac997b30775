package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Services and PodDisruptionBudgets select real pods; every Deployment is reachable through a Service. */
class ServiceWiringTest {

    @TestFactory
    Stream<DynamicTest> everyServiceSelectsADeploymentAndAContainerPort() {
        return Kustomize.eachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            List<String> problems = new ArrayList<>();
            for (Manifest manifest : rendered.ofKind("Service")) {
                Service service = StrictModels.bind(manifest.tree(), Service.class);
                Map<String, String> selector = service.getSpec().getSelector();
                var target = workloads.deployments().stream()
                        .filter(w -> selector != null && !selector.isEmpty()
                                && w.podLabels().entrySet().containsAll(selector.entrySet()))
                        .findFirst();
                if (target.isEmpty()) {
                    problems.add(manifest.where() + ": field 'spec.selector' " + selector
                            + " matches the pod labels of no Deployment");
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
                                + targetPort + " is no container port of Deployment " + target.get().name());
                    }
                }
            }
            for (Workloads.Workload workload : workloads.deployments()) {
                boolean served = rendered.ofKind("Service").stream()
                        .map(m -> StrictModels.bind(m.tree(), Service.class).getSpec().getSelector())
                        .anyMatch(s -> s != null && workload.podLabels().entrySet().containsAll(s.entrySet()));
                if (!served) {
                    problems.add(workload.manifest().where() + ": no Service selects this Deployment's pods");
                }
                boolean budgeted = rendered.ofKind("PodDisruptionBudget").stream()
                        .map(m -> StrictModels.bind(m.tree(), PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels())
                        .anyMatch(s -> s != null && workload.podLabels().entrySet().containsAll(s.entrySet()));
                if (!budgeted) {
                    problems.add(workload.manifest().where() + ": no PodDisruptionBudget selects this Deployment's pods");
                }
            }
            assertThat(problems).as("wiring problems").isEmpty();
        });
    }
}
