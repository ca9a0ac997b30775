package io.newsroom.events;

import io.newsroom.infra.node.NodeTools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * asyncapi.yaml passes the reference AsyncAPI parser (@asyncapi/parser, pinned in src/test/node/package-lock.json,
 * with its built-in rule set): no error-severity diagnostic. Warnings and hints are printed, not failed.
 * Needs Node 20+ and npm; the package is installed with {@code npm ci} under target/ (an IT because of that).
 */
class AsyncApiParserIT {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml").toAbsolutePath();

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void asyncApiDocumentHasNoErrorDiagnostics() throws Exception {
        assertThat(DOCUMENT).isRegularFile();
        Path tool = NodeTools.install(Path.of("src/test/node"), Path.of("target/node-tools/asyncapi"));
        var result = NodeTools.run(tool, Duration.ofMinutes(2), "node", "lint-asyncapi.mjs", DOCUMENT.toString());
        assertThat(result.exitCode()).as("the parser ran:\n%s%s", result.stdout(), result.stderr()).isZero();

        List<String> errors = new ArrayList<>();
        boolean parsed = false;
        for (String line : NodeTools.lines(result.stdout())) {
            JsonNode diagnostic = json.readTree(line);
            if (diagnostic.has("parsed")) {
                parsed = diagnostic.get("parsed").asBoolean();
                continue;
            }
            String text = "%s %s at %s (line %s): %s".formatted(diagnostic.get("severity").asString(), diagnostic.get("code").asString(),
                    diagnostic.get("path").asString(), diagnostic.get("line"), diagnostic.get("message").asString());
            System.out.println("asyncapi parser: " + text);
            if (diagnostic.get("severity").asString().equals("error")) {
                errors.add(text);
            }
        }
        Files.writeString(Path.of("target/asyncapi-diagnostics.jsonl"), result.stdout());
        assertThat(errors).as("error diagnostics of %s", DOCUMENT).isEmpty();
        assertThat(parsed).as("the parser produced a document").isTrue();
    }
}
