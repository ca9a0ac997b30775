package io.newsroom.devstack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The AOT cache of every service image, made as {@code deploy/images/Dockerfile} makes it ({@link ImageAotCache}: the
 * image's layout, {@code deploy/images/aot-training.sh}, no data store reachable). The training must succeed and
 * write a cache, and the JVM must accept that cache on the image's class path ({@code -XX:AOTMode=on} fails the
 * start otherwise). Before search-service set up its indices at start instead of at bean creation, its training run
 * failed (Elasticsearch unreachable) and its image build would have failed with it.
 */
class ImageAotTrainingIT {

    @ParameterizedTest
    @ValueSource(strings = {"auth-server", "article-service", "comment-service", "search-service", "gateway", "web"})
    void theImageBuildTrainsACacheWithoutDataStores(String module) throws Exception {
        String java = ServiceProcess.javaExecutable();
        assumeThat(AotCache.supported(java)).as("JDK 25 (the one-step AOT cache)").isTrue();
        Path root = Path.of(System.getProperty("newsroom.devstack.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(Path.of("target", "image-aot-it", module).toAbsolutePath());
        Path log = work.resolve("training.log");
        Files.deleteIfExists(log);

        long t0 = System.nanoTime();
        var image = ImageAotCache.build(root, module, work, java, log);
        System.out.printf("image-aot: %s trained in %.1f s, %d MB%n", module, (System.nanoTime() - t0) / 1e9,
                Files.size(image.cache()) >> 20);
        assertThat(Files.readString(log)).contains("AOTCache creation is complete");

        // the image's entry point with the cache required: the JVM refuses to start if it cannot use it
        Path startLog = work.resolve("start.log");
        Files.deleteIfExists(startLog);
        var command = new ArrayList<>(List.of(java));
        command.addAll(image.launchArguments(List.of("-XX:AOTMode=on", "-Xlog:aot=info", "-Dspring.context.exit=onRefresh")));
        command.add("--spring.flyway.enabled=false");
        AotCache.run(command, ImageAotCache.noDataStores(), startLog, Duration.ofMinutes(5), module + " from its image's AOT cache");
        assertThat(Files.readString(startLog)).contains("Opened AOT cache").contains("Using AOT-linked classes: true")
                .doesNotContain("[error");
    }
}
