package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * cert-manager answers an ACME HTTP-01 challenge with a solver pod in this namespace (label
 * acme.cert-manager.io/http01-solver=true, port 8089) that the ingress controller must reach; under default deny it
 * cannot, so the certificate is never issued. The policy must admit the same peers that reach the gateway.
 */
class CertificateIssuanceTest {

    static final Map<String, String> SOLVER = Map.of("acme.cert-manager.io/http01-solver", "true");

    @TestFactory
    Stream<DynamicTest> theHttp01SolverIsReachableFromTheEntryPoint() {
        return Kustomize.eachTarget(rendered -> {
            List<NetworkPolicy> policies = rendered.ofKind("NetworkPolicy").stream()
                    .map(m -> StrictModels.bind(m.tree(), NetworkPolicy.class)).toList();
            List<NetworkPolicyPeer> entry = policies.stream()
                    .filter(p -> "gateway".equals(p.getMetadata().getName()))
                    .flatMap(p -> p.getSpec().getIngress().stream()).flatMap(r -> r.getFrom().stream()).toList();
            assertThat(entry).as("%s: peers admitted to the gateway", rendered).isNotEmpty();
            assertThat(policies).as("%s: a NetworkPolicy admitting %s to the HTTP-01 solver pods on TCP 8089", rendered, entry)
                    .anySatisfy(policy -> {
                        Map<String, String> selector = Optional.ofNullable(policy.getSpec().getPodSelector().getMatchLabels())
                                .orElse(Map.of());
                        assertThat(SOLVER.entrySet()).containsAll(selector.entrySet());
                        assertThat(selector).isNotEmpty();
                        assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
                        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
                            assertThat(rule.getFrom()).containsAll(entry);
                            assertThat(rule.getPorts()).anySatisfy(port -> {
                                assertThat(port.getPort().getIntVal()).isEqualTo(8089);
                                assertThat(port.getProtocol()).isEqualTo("TCP");
                            });
                        });
                    });
        });
    }
}
