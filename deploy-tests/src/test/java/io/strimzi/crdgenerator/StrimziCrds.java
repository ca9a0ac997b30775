package io.strimzi.crdgenerator;

import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Strimzi's CrdGenerator is package-private; this test-only class in its package lets deploy-tests generate the CRD of an
 * io.strimzi:api class exactly as Strimzi's build does (api version v1 served and stored, Kubernetes 1.16+).
 */
public final class StrimziCrds {

    private StrimziCrds() {
    }

    public static String crdYaml(Class<? extends CustomResource<?, ?>> type) throws IOException {
        StringWriter out = new StringWriter();
        CrdGenerator generator = new CrdGenerator(KubeVersion.V1_16_PLUS, ApiVersion.V1, CrdGenerator.YAML_MAPPER,
                Map.of(), new CrdGenerator.DefaultReporter(), List.of(ApiVersion.V1), ApiVersion.V1,
                ApiVersion.parseRange("v1+"), new CrdGenerator.NoneConversionStrategy(), ApiVersion.parseRange("v1+"));
        int errors = generator.generate(type, out);
        if (errors != 0) {
            throw new IOException("Strimzi's CrdGenerator reported " + errors + " errors for " + type.getName());
        }
        return out.toString();
    }
}
