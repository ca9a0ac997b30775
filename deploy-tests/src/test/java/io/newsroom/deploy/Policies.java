package io.newsroom.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a render's NetworkPolicies allow between the pods of two of its workloads (same namespace). Under default deny
 * every pod is isolated both ways, so a connection needs an egress rule at the client AND an ingress rule at the
 * server: the union of the rules of every policy that selects the pod for that direction (the Kubernetes semantics).
 */
final class Policies {

    private final List<NetworkPolicy> policies;

    Policies(Rendered rendered) {
        this.policies = rendered.ofKind("NetworkPolicy").stream()
                .map(m -> StrictModels.bind(m.tree(), NetworkPolicy.class)).toList();
    }

    /** The client side: may {@code from}'s pods open a connection to {@code to}'s container port? */
    boolean egress(Workloads.Pods from, Workloads.Pods to, ContainerPort port) {
        return allows("Egress", from, to, port);
    }

    /** The server side: do {@code to}'s pods admit a connection from {@code from}'s pods on that container port? */
    boolean ingress(Workloads.Pods to, Workloads.Pods from, ContainerPort port) {
        return allows("Ingress", to, from, port);
    }

    /** Both ends. */
    boolean connects(Workloads.Pods from, Workloads.Pods to, ContainerPort port) {
        return egress(from, to, port) && ingress(to, from, port);
    }

    private boolean allows(String direction, Workloads.Pods subject, Workloads.Pods peer, ContainerPort port) {
        for (NetworkPolicy policy : policies) {
            var spec = policy.getSpec();
            if (!selects(spec.getPodSelector(), subject.labels()) || !types(policy).contains(direction)) {
                continue;
            }
            boolean ingress = direction.equals("Ingress");
            var rules = ingress ? Optional.ofNullable(spec.getIngress()).orElse(List.of()).stream()
                    .map(r -> new Rule(r.getFrom(), r.getPorts())).toList()
                    : Optional.ofNullable(spec.getEgress()).orElse(List.of()).stream()
                    .map(r -> new Rule(r.getTo(), r.getPorts())).toList();
            for (Rule rule : rules) {
                if (admitsPeer(rule.peers(), peer.labels()) && admitsPort(rule.ports(), port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    /** Pods of this namespace are admitted by a podSelector without namespaceSelector (ipBlocks exclude the pod CIDR). */
    private static boolean admitsPeer(List<NetworkPolicyPeer> peers, Map<String, String> labels) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(p -> p.getPodSelector() != null
                && p.getNamespaceSelector() == null && p.getIpBlock() == null && selects(p.getPodSelector(), labels));
    }

    private static boolean admitsPort(List<NetworkPolicyPort> ports, ContainerPort port) {
        String protocol = Optional.ofNullable(port.getProtocol()).orElse("TCP");
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p ->
                Optional.ofNullable(p.getProtocol()).orElse("TCP").equals(protocol) && (p.getPort() == null
                        || p.getPort().getIntVal() != null && p.getPort().getIntVal().equals(port.getContainerPort())
                        || p.getPort().getStrVal() != null && p.getPort().getStrVal().equals(port.getName())));
    }

    /** policyTypes, or what Kubernetes assumes without them: Ingress, plus Egress when there are egress rules. */
    static List<String> types(NetworkPolicy policy) {
        var types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress() == null ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    /** A label selector against a pod's labels: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        boolean byLabels = selector.getMatchLabels() == null || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        return byLabels && Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream()
                .allMatch(e -> matches(e, labels));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = Optional.ofNullable(requirement.getValues()).orElse(List.of());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("unknown label selector operator " + requirement.getOperator());
        };
    }
}
