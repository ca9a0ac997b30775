package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What every service Deployment must have: probes, resources, a locked-down container, graceful shutdown. A StatefulSet
 * of our own (the rate-limit Redis) is no Spring Boot service, but is held to the same lock-down, resources and probes.
 */
class DeploymentPolicyTest {

    @TestFactory
    Stream<DynamicTest> everyDeploymentFollowsThePolicy() {
        return Kustomize.forEachTarget(rendered -> {
            Workloads workloads = new Workloads(rendered);
            return workloads.deployments().stream().map(workload -> DynamicTest.dynamicTest(
                    rendered.target() + " " + workload.name(), () -> {
                        List<String> problems = new ArrayList<>();
                        check(workloads, workload, problems);
                        assertThat(problems).as("policy violations").isEmpty();
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyStatefulSetIsLockedDownToo() {
        return Kustomize.forEachTarget(rendered -> new Workloads(rendered).pods().stream()
                .filter(pods -> pods.kind().equals("StatefulSet"))
                .map(pods -> DynamicTest.dynamicTest(rendered.target() + " " + pods.name(), () -> {
                    List<String> problems = new ArrayList<>();
                    String where = pods.manifest().where();
                    PodSpec pod = pods.template().getSpec();
                    PodSecurityContext podSecurity = lockedDownPod(where, pod, problems);
                    for (int i = 0; i < pods.containers().size(); i++) {
                        Container container = pods.containers().get(i);
                        String path = "spec.template.spec.containers[" + i + "]";
                        if (container.getReadinessProbe() == null) {
                            problems.add(where + ": field '" + path + ".readinessProbe' is required");
                        }
                        if (container.getLivenessProbe() == null) {
                            problems.add(where + ": field '" + path + ".livenessProbe' is required");
                        }
                        resources(where, path, container, problems);
                        security(where, path, container, podSecurity, problems);
                    }
                    assertThat(problems).as("policy violations").isEmpty();
                })));
    }

    private static void check(Workloads workloads, Workloads.Workload workload, List<String> problems) {
        String where = workload.manifest().where();
        PodSpec pod = workload.deployment().getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = lockedDownPod(where, pod, problems);
        if (pod.getTopologySpreadConstraints() == null || pod.getTopologySpreadConstraints().isEmpty()) {
            problems.add(where + ": field 'spec.template.spec.topologySpreadConstraints' is required (spread replicas)");
        }
        for (int i = 0; i < workload.containers().size(); i++) {
            Container container = workload.containers().get(i);
            String path = "spec.template.spec.containers[" + i + "]";
            probes(where, path, container, problems);
            resources(where, path, container, problems);
            security(where, path, container, podSecurity, problems);
            tmp(where, path, container, pod, problems);
            Map<String, String> env = workloads.environment(container);
            if (!env.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("-XX:MaxRAMPercentage=")) {
                problems.add(where + ": field '" + path + ".env[JAVA_TOOL_OPTIONS]' must size the heap from the "
                        + "container limit (-XX:MaxRAMPercentage=...)");
            }
            if (!env.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("-XX:TrimNativeHeapInterval=")) {
                problems.add(where + ": field '" + path + ".env[JAVA_TOOL_OPTIONS]' must return freed native memory to "
                        + "the node (-XX:TrimNativeHeapInterval=...; idle RSS, issue 16)");
            }
            gracefulShutdown(where, path, container, pod, env, problems);
            boolean prod = workload.manifest().target().startsWith("prod");
            String image = container.getImage();
            if (prod && (image.endsWith(":latest") || !image.substring(image.lastIndexOf('/') + 1).contains(":"))) {
                problems.add(where + ": field '" + path + ".image' must be pinned in prod, not '" + image + "'");
            }
        }
    }

    /** Non-root, no API token; returns the pod's security context (the containers' defaults). */
    private static PodSecurityContext lockedDownPod(String where, PodSpec pod, List<String> problems) {
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        if (!Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
            problems.add(where + ": field 'spec.template.spec.securityContext.runAsNonRoot' must be true");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(where + ": field 'spec.template.spec.automountServiceAccountToken' must be false (no API access needed)");
        }
        return podSecurity;
    }

    private static void probes(String where, String path, Container container, List<String> problems) {
        probe(where, path + ".startupProbe", container.getStartupProbe(), "/actuator/health/liveness", problems);
        probe(where, path + ".livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness", problems);
        probe(where, path + ".readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness", problems);
    }

    private static void probe(String where, String path, Probe probe, String actuatorPath, List<String> problems) {
        if (probe == null) {
            problems.add(where + ": field '" + path + "' is required");
        } else if (probe.getHttpGet() == null || !actuatorPath.equals(probe.getHttpGet().getPath())) {
            problems.add(where + ": field '" + path + ".httpGet.path' must be " + actuatorPath + " (the Actuator probe group)");
        } else if (probe.getHttpGet().getPort() == null || !"management".equals(probe.getHttpGet().getPort().getStrVal())) {
            problems.add(where + ": field '" + path + ".httpGet.port' must be the named port 'management' (Actuator listens there only)");
        }
    }

    private static void resources(String where, String path, Container container, List<String> problems) {
        var resources = container.getResources();
        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> values = resources == null ? null
                    : kind.equals("requests") ? resources.getRequests() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (values == null || !values.containsKey(resource)) {
                    problems.add(where + ": field '" + path + ".resources." + kind + "." + resource + "' is required");
                }
            }
        }
        if (resources != null && resources.getRequests() != null && resources.getLimits() != null
                && resources.getRequests().get("memory") != null && resources.getLimits().get("memory") != null
                && Quantity.getAmountInBytes(resources.getRequests().get("memory"))
                .compareTo(Quantity.getAmountInBytes(resources.getLimits().get("memory"))) != 0) {
            problems.add(where + ": field '" + path + ".resources.requests.memory' must equal the limit: the heap is "
                    + "sized from the limit, so a lower request lets the node overcommit and OOM-kill the pod");
        }
    }

    private static void security(String where, String path, Container container, PodSecurityContext pod,
                                 List<String> problems) {
        SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
        String field = where + ": field '" + path + ".securityContext.";
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            problems.add(field + "allowPrivilegeEscalation' must be false");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problems.add(field + "readOnlyRootFilesystem' must be true");
        }
        if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                || !security.getCapabilities().getDrop().contains("ALL")) {
            problems.add(field + "capabilities.drop' must contain ALL");
        }
        if (Boolean.FALSE.equals(security.getRunAsNonRoot()) || Long.valueOf(0).equals(security.getRunAsUser())
                || Long.valueOf(0).equals(pod.getRunAsUser())) {
            problems.add(field + "runAsNonRoot' must not be overridden to root");
        }
        String seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                : pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            problems.add(field + "seccompProfile.type' (or the pod's) must be RuntimeDefault");
        }
    }

    private static void tmp(String where, String path, Container container, PodSpec pod, List<String> problems) {
        var mount = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                .filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
        boolean emptyDir = mount.isPresent() && Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(v -> v.getName().equals(mount.get().getName()))
                .map(Volume::getEmptyDir).anyMatch(d -> d != null);
        if (!emptyDir) {
            problems.add(where + ": field '" + path + ".volumeMounts' needs an emptyDir at /tmp (the root filesystem is read-only)");
        }
    }

    /**
     * terminationGracePeriodSeconds must cover the preStop sleep plus Spring's shutdown phase timeout, or the kubelet
     * kills the JVM while it is still finishing in-flight requests and Kafka commits.
     */
    private static void gracefulShutdown(String where, String path, Container container, PodSpec pod,
                                         Map<String, String> env, List<String> problems) {
        if (!"graceful".equals(env.get("SERVER_SHUTDOWN"))) {
            problems.add(where + ": field '" + path + ".env[SERVER_SHUTDOWN]' must be 'graceful'");
        }
        String phase = env.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
        if (phase == null) {
            problems.add(where + ": field '" + path + ".env[SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE]' is required");
            return;
        }
        long preStop = container.getLifecycle() != null && container.getLifecycle().getPreStop() != null
                && container.getLifecycle().getPreStop().getSleep() != null
                ? container.getLifecycle().getPreStop().getSleep().getSeconds() : 0;
        long needed = preStop + Duration.parse("PT" + phase.toUpperCase()).toSeconds() + 5;
        long grace = Optional.ofNullable(pod.getTerminationGracePeriodSeconds()).orElse(30L);
        if (grace < needed) {
            problems.add(where + ": field 'spec.template.spec.terminationGracePeriodSeconds' is " + grace + " s but preStop ("
                    + preStop + " s) + shutdown phase (" + phase + ") + 5 s = " + needed + " s");
        }
    }
}
