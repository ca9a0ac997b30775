package io.newsroom.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed views of a rendered target's Deployments and the environment their containers get. */
record Workloads(Rendered rendered) {

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
