package io.newsroom.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Typed views of a rendered target's workloads: the Deployments (the newsroom services) and the StatefulSets of its own
 * stores (the gateway's rate-limit Redis; the operators' stores are custom resources), and the environment their
 * containers get.
 */
record Workloads(Rendered rendered) {

    /** Every pod controller of the render: Deployments, then StatefulSets. */
    List<Pods> pods() {
        var deployments = deployments().stream().map(w -> new Pods(w.manifest(), w.deployment().getSpec().getTemplate(),
                Optional.ofNullable(w.deployment().getSpec().getReplicas()).orElse(1)));
        var statefulSets = rendered.ofKind("StatefulSet").stream().map(m -> {
            StatefulSet set = StrictModels.bind(m.tree(), StatefulSet.class);
            return new Pods(m, set.getSpec().getTemplate(), Optional.ofNullable(set.getSpec().getReplicas()).orElse(1));
        });
        return Stream.concat(deployments, statefulSets).toList();
    }

    Optional<Pods> pods(String name) {
        return pods().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<Workload> deployments() {
        return rendered.ofKind("Deployment").stream()
                .map(m -> new Workload(m, StrictModels.bind(m.tree(), Deployment.class)))
                .toList();
    }

    Optional<Workload> deployment(String name) {
        return deployments().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /**
     * The environment of a container: its env entries plus every key of the ConfigMaps it imports with envFrom
     * (values from ConfigMaps, "secret:<name>/<key>" for Secret references). A missing ConfigMap is an error.
     */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                Manifest configMap = rendered.find("ConfigMap", name).orElseThrow(() -> new AssertionError(
                        "[" + rendered.target() + "] container " + container.getName()
                                + ": envFrom.configMapRef '" + name + "' does not exist"));
                env.putAll(StrictModels.bind(configMap.tree(), ConfigMap.class).getData());
            }
            if (source.getSecretRef() != null) {
                env.put("*secret:" + source.getSecretRef().getName(), "(all keys)");
            }
        }
        for (EnvVar var : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                env.put(var.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            } else {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    /** A Deployment's or StatefulSet's pods, as far as Services, budgets and network policies care. */
    record Pods(Manifest manifest, PodTemplateSpec template, int replicas) {

        String name() {
            return manifest.name();
        }

        String kind() {
            return manifest.kind();
        }

        Map<String, String> labels() {
            return template.getMetadata().getLabels();
        }

        List<Container> containers() {
            return template.getSpec().getContainers();
        }
    }

    record Workload(Manifest manifest, Deployment deployment) {

        String name() {
            return deployment.getMetadata().getName();
        }

        Map<String, String> podLabels() {
            return deployment.getSpec().getTemplate().getMetadata().getLabels();
        }

        List<Container> containers() {
            return deployment.getSpec().getTemplate().getSpec().getContainers();
        }

        Container app() {
            return containers().getFirst();
        }
    }
}
