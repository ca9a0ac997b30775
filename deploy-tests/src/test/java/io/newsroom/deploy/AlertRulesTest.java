package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The PrometheusRule: the alerts the operators rely on exist, promtool accepts the rules, and every rule passes its
 * unit test with synthetic series (src/test/resources/alerts/alerts-test.yaml). Every alert must have a test.
 */
class AlertRulesTest {

    static final Set<String> REQUIRED = Set.of("NewsroomPublishToSearchableSlow", "NewsroomOutboxStuck",
            "NewsroomConsumerLagHigh", "NewsroomDeadLetters", "NewsroomGatewayRoute5xx", "NewsroomGateway5xx",
            "NewsroomCircuitBreakerOpen", "NewsroomModerationBacklog", "NewsroomSite5xx", "NewsroomSiteDown");

    @Test
    void promtoolChecksTheRulesAndTheirUnitTestsPass() throws Exception {
        Rendered prod = Kustomize.all().get("prod");
        List<Manifest> rules = prod.ofKind("PrometheusRule");
        assertThat(rules).as("PrometheusRules in prod").hasSize(1);
        JsonNode spec = rules.getFirst().tree().path("spec");

        Set<String> alerts = new TreeSet<>();
        spec.path("groups").forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
        assertThat(alerts).containsAll(REQUIRED);

        Path work = Kustomize.root().resolve("deploy-tests/target/promtool-rules");
        Files.createDirectories(work);
        YAMLMapper yaml = new YAMLMapper();
        Files.writeString(work.resolve("rules.yaml"), yaml.writeValueAsString(spec));
        Path tests = Path.of(AlertRulesTest.class.getResource("/alerts/alerts-test.yaml").toURI());
        Files.copy(tests, work.resolve("alerts-test.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Set<String> tested = new TreeSet<>();
        yaml.readTree(tests.toFile()).path("tests").forEach(t -> t.path("alert_rule_test").forEach(a -> {
            if (!a.path("exp_alerts").isEmpty()) {
                tested.add(a.path("alertname").asText());
            }
        }));
        assertThat(tested).as("alerts with a unit test that makes them fire").containsAll(alerts);

        String promtool = Promtool.get().toString();
        List<String> log = new ArrayList<>();
        assertThat(Promtool.run(work, log, promtool, "check", "rules", "rules.yaml")).as("promtool check rules:\n%s", log).isTrue();
        assertThat(Promtool.run(work, log, promtool, "test", "rules", "alerts-test.yaml")).as("promtool test rules:\n%s", log).isTrue();
        System.out.println(String.join("\n", log));
    }
}
