package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rendered object of every target: the operators' objects against their real CRD schemas ({@link CrdSchemas}:
 * Strimzi, KEDA, Gateway API, Prometheus Operator), and the built-in kinds (and Strimzi's again) bound to their typed
 * models with unknown fields rejected; CloudNativePG's against its API types ({@link CloudNativePgSchemas}: types,
 * enums, required fields) and, for unknown fields, the structural checks of {@link CustomResourceShapes}, which are all
 * ECK gets (no reachable registry ships its CRDs).
 */
class ManifestSchemaTest {

    @TestFactory
    Stream<DynamicTest> everyObjectMatchesItsSchema() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            problems.addAll(CloudNativePgSchemas.problems(rendered.manifests().stream()
                    .filter(m -> m.group().equals(CloudNativePgSchemas.GROUP)).toList()));
            for (Manifest manifest : rendered.manifests()) {
                var model = StrictModels.modelFor(manifest);
                var crd = CrdSchemas.forManifest(manifest);
                crd.ifPresent(schema -> problems.addAll(CrdSchemas.problems(manifest, schema)));
                if (crd.isPresent() && model.isEmpty()) {
                    continue;
                }
                if (model.isPresent()) {
                    StrictModels.violation(manifest, model.get()).ifPresent(problems::add);
                } else if (CustomResourceShapes.covers(manifest)) {
                    problems.addAll(CustomResourceShapes.problems(manifest));
                } else {
                    problems.add(manifest.where() + ": no schema for apiVersion '" + manifest.apiVersion()
                            + "' kind '" + manifest.kind() + "' (add a typed model or a structural check)");
                }
            }
            assertThat(rendered.manifests()).as("objects rendered for %s", rendered).isNotEmpty();
            assertThat(problems).as("schema violations in %s", rendered).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> noSecretValuesAreCommitted() {
        return Kustomize.eachTarget(rendered ->
                assertThat(rendered.ofKind("Secret"))
                        .as("Secrets come from the operators (CloudNativePG, ECK) or the operator team, never from git")
                        .extracting(Manifest::where)
                        .isEmpty());
    }
}
