package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What production needs beyond running: PostgreSQL backups with a schedule and a written restore drill, images by
 * digest, and one ServiceAccount per service without an API token.
 */
class ProductionReadinessTest {

    static final String BARMAN = "barman-cloud.cloudnative-pg.io";

    static boolean prod(Rendered rendered) {
        return rendered.target().startsWith("prod");
    }

    @TestFactory
    Stream<DynamicTest> prodBacksUpEveryDatabase() {
        return Kustomize.eachTarget(rendered -> {
            if (!prod(rendered)) {
                return;
            }
            List<String> problems = new ArrayList<>();
            for (Manifest cluster : rendered.where(m -> m.is("Cluster") && m.group().equals("postgresql.cnpg.io"))) {
                String store = null;
                for (JsonNode plugin : cluster.tree().path("spec").path("plugins")) {
                    if (plugin.path("name").asText().equals(BARMAN) && plugin.path("isWALArchiver").asBoolean()) {
                        store = plugin.path("parameters").path("barmanObjectName").asText();
                    }
                }
                if (store == null) {
                    problems.add(cluster.where() + ": field 'spec.plugins' needs the " + BARMAN + " WAL archiver");
                } else if (rendered.find("ObjectStore", store).isEmpty()) {
                    problems.add(cluster.where() + ": ObjectStore '" + store + "' is not in the render");
                }
                String name = cluster.name();
                boolean scheduled = rendered.ofKind("ScheduledBackup").stream().anyMatch(b -> {
                    JsonNode spec = b.tree().path("spec");
                    return spec.path("cluster").path("name").asText().equals(name) && spec.path("method").asText().equals("plugin")
                            && spec.path("pluginConfiguration").path("name").asText().equals(BARMAN);
                });
                if (!scheduled) {
                    problems.add(cluster.where() + ": no ScheduledBackup (method plugin, " + BARMAN + ") for it");
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    @Test
    void theRestoreDrillIsWrittenDown() throws Exception {
        String readme = Files.readString(Kustomize.root().resolve("deploy/README.md"));
        assertThat(readme).contains("## Backups and the restore drill");
        String drill = readme.substring(readme.indexOf("## Backups and the restore drill"));
        drill = drill.substring(0, Math.max(drill.indexOf("\n## ", 5), 0) > 0 ? drill.indexOf("\n## ", 5) : drill.length());
        assertThat(drill).contains("bootstrap:", "recovery:", "externalClusters:", "barmanObjectName", "recoveryTarget",
                "SELECT count(*)");
    }

    @TestFactory
    Stream<DynamicTest> prodRunsImagesByDigest() {
        return Kustomize.eachTarget(rendered -> {
            if (!prod(rendered)) {
                return;
            }
            List<String> problems = new ArrayList<>();
            for (Manifest deployment : rendered.where(m -> m.is("Deployment") || m.is("StatefulSet"))) {
                JsonNode pod = deployment.tree().path("spec").path("template").path("spec");
                for (String list : List.of("initContainers", "containers")) {
                    for (JsonNode container : pod.path(list)) {
                        String image = container.path("image").asText();
                        if (!image.matches("[^@\\s]+@sha256:[0-9a-f]{64}")) {
                            problems.add(deployment.where() + ": image '" + image + "' of " + list + " "
                                    + container.path("name").asText() + " is not pinned by digest (name@sha256:...)");
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> eachServiceHasItsOwnServiceAccountWithoutToken() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            for (Manifest deployment : rendered.ofKind("Deployment")) {
                JsonNode pod = deployment.tree().path("spec").path("template").path("spec");
                String account = pod.path("serviceAccountName").asText("");
                if (!account.equals(deployment.name())) {
                    problems.add(deployment.where() + ": field 'spec.template.spec.serviceAccountName' is '" + account
                            + "', expected its own ServiceAccount '" + deployment.name() + "'");
                    continue;
                }
                var sa = rendered.find("ServiceAccount", account);
                if (sa.isEmpty()) {
                    problems.add(deployment.where() + ": ServiceAccount '" + account + "' is not in the render");
                } else if (sa.get().tree().path("automountServiceAccountToken").asBoolean(true)) {
                    problems.add(sa.get().where() + ": field 'automountServiceAccountToken' must be false");
                }
            }
            long shared = rendered.ofKind("Deployment").stream()
                    .map(d -> d.tree().path("spec").path("template").path("spec").path("serviceAccountName").asText())
                    .distinct().count();
            assertThat(shared).as("%s: ServiceAccounts are not shared", rendered).isEqualTo(rendered.ofKind("Deployment").size());
            assertThat(problems).isEmpty();
        });
    }
}
