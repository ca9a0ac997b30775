package io.newsroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./mvnw -Pbench}: runs every benchmark the repository has, one after the other on this machine, each as
 * its own JVM (search-service freshness in both designs, search latency, rebuild; article-service reads;
 * comment-service posting and reads; the gateway's read route; publish→searchable end to end and the site's
 * article page on the running platform), keeps each program's output under {@code logs/}, and writes
 * {@code bench-results/<date>/report.md} with PNG charts ({@link Charts}). Figures are what the programs print;
 * nothing here measures anything itself except the machine (cores, load average, JDK) around each step.
 */
public final class BenchReport {

    private final Path root;
    private final Path out;
    private final Path logs;
    private final Set<String> only;
    private final List<Step> steps = new ArrayList<>();

    /** One benchmark program's run: its output, exit code, time and the load average around it. */
    record Step(String name, String title, List<String> output, int exit, Duration took, String loadBefore, String loadAfter,
                double cpuPressure) {
    }

    private BenchReport(Path root) throws IOException {
        this.root = root;
        this.out = root.resolve("bench-results").resolve(LocalDate.now(ZoneOffset.UTC).toString());
        this.logs = out.resolve("logs");
        this.only = Set.of(System.getProperty("bench.only", "freshness,search,rebuild,article,comment,gateway,platform").split(","));
        Files.createDirectories(logs);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        BenchReport report = new BenchReport(root);
        report.runAll();
        Path written = report.write();
        System.out.println("bench: report written to " + written);
    }

    private void runAll() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (only.contains("freshness")) {
            int runs = Integer.parseInt(System.getProperty("bench.freshness.runs", "3"));
            List<String> args = words(System.getProperty("bench.freshness.args", "60 20 20"));
            // stock and live alternate, so both see the same machine over the same minutes
            for (int run = 1; run <= runs; run++) {
                for (String design : List.of("stock", "live")) {
                    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dbench.refresh=" + design,
                            "-cp", classpath("search-service"), "io.newsroom.search.bench.FreshnessBenchmark"));
                    command.addAll(args);
                    run("freshness-" + design + "-" + run, "search-service FreshnessBenchmark, " + design + " design, run " + run, command, Map.of());
                }
            }
        }
        if (only.contains("search")) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classpath("search-service"),
                    "io.newsroom.search.bench.SearchLatencyBenchmark"));
            command.addAll(words(System.getProperty("bench.search.args", "100000 1500")));
            run("search-latency", "search-service SearchLatencyBenchmark", command, Map.of());
        }
        if (only.contains("rebuild")) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classpath("search-service"),
                    "io.newsroom.search.bench.RebuildBenchmark"));
            command.addAll(words(System.getProperty("bench.rebuild.args", "20000")));
            run("rebuild", "search-service RebuildBenchmark", command, Map.of());
        }
        if (only.contains("article")) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx2g"));
            command.addAll(words(System.getProperty("bench.article.args", "")));
            command.addAll(List.of("-cp", classpath("article-service"), "io.newsroom.article.bench.ReadBenchmark"));
            run("article-read", "article-service ReadBenchmark", command, Map.of());
        }
        if (only.contains("comment")) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classpath("comment-service"),
                    "io.newsroom.comment.bench.CommentBenchmark"));
            command.addAll(words(System.getProperty("bench.comment.args", "5000 10000 8")));
            run("comment", "comment-service CommentBenchmark", command, Map.of());
        }
        if (only.contains("gateway")) {
            // The gateway's own script: it builds what it needs and installs wrk/nginx/redis-server when missing.
            List<String> command = new ArrayList<>(List.of("bash", root.resolve("gateway/bench/run-benchmark.sh").toString()));
            command.addAll(words(System.getProperty("bench.gateway.args", "")));
            run("gateway", "gateway ReadRouteBenchmark (gateway/bench/run-benchmark.sh)", command,
                    Map.of("JAVA_HOME", System.getProperty("java.home")));
        }
        if (only.contains("platform")) {
            List<String> command = new ArrayList<>();
            String lock = System.getProperty("bench.platform-lock", "");
            if (!lock.isBlank()) {
                command.addAll(List.of("flock", lock));
            }
            command.addAll(List.of(java, "-Xmx1g", "-Dnewsroom.devstack.root=" + root, "-Dbench.out=" + out.resolve("data"),
                    "-Dbench.web-classpath=" + classpath("web")));
            command.addAll(words(System.getProperty("bench.platform.args", "")));
            command.addAll(List.of("-cp", classpath("devstack"), "io.newsroom.devstack.PublishToSearchableBenchmark"));
            run("platform", "devstack PublishToSearchableBenchmark (+ web ArticlePageBenchmark), the whole platform", command, Map.of());
        }
    }

    /** A module's test classpath, as the bench profile wrote it at package time (target/bench.classpath). */
    private String classpath(String module) throws IOException {
        Path dir = root.resolve(module).resolve("target");
        Path file = dir.resolve("bench.classpath");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": run ./mvnw -Pbench from the repository root");
        }
        return dir.resolve("test-classes") + ":" + dir.resolve("classes") + ":" + Files.readString(file).trim();
    }

    private void run(String name, String title, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        System.out.printf("%nbench: %s (%s)%n", title, String.join(" ", command.subList(0, Math.min(3, command.size()))));
        String before = Machine.loadAverage();
        long stalledBefore = Machine.cpuStalledMicros();
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logs.resolve(name + ".log"))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("  " + line);
                output.add(line);
                log.write(line);
                log.write('\n');
            }
        }
        int exit = process.waitFor();
        long took = System.nanoTime() - started;
        long stalled = Machine.cpuStalledMicros() - stalledBefore;
        steps.add(new Step(name, title, output, exit, Duration.ofNanos(took), before, Machine.loadAverage(),
                stalledBefore < 0 ? Double.NaN : 100.0 * stalled * 1000 / took));
        System.out.printf("bench: %s exited %d after %d s%n", name, exit, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private Path write() throws IOException {
        Figures figures = Figures.from(steps, out.resolve("data"));
        List<String> charts = Charts.draw(figures, out);
        Path report = out.resolve("report.md");
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report ").append(out.getFileName()).append("\n\n");
        md.append("Written by `./mvnw -Pbench` (module `bench`, `io.newsroom.bench.BenchReport`) at ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).withNano(0)).append(". Every figure below is printed by a benchmark ")
                .append("program of this repository; the whole output of each is in [`logs/`](logs). Each program ran alone, one ")
                .append("after the other, on this machine (load from other work on it is shown per step).\n\n");
        md.append("Settings of this run (`bench/pom.xml` properties, overridable with `-D`):\n\n");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.") && !k.equals("bench.root"))
                .sorted().forEach(k -> md.append("- `").append(k).append("`: `").append(System.getProperty(k)).append("`\n"));
        md.append("\n## Machine\n\n");
        Machine.describe().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\nCPU pressure is Linux's PSI (`/proc/pressure/cpu`, `some`): the share of the step's wall time in which at ")
                .append("least one runnable task waited for a CPU — how starved the machine was while the figures were taken.\n");
        md.append("\n| step | exit | took | load average before → after | CPU pressure |\n|---|---|---|---|---|\n");
        for (Step step : steps) {
            md.append("| [").append(step.title()).append("](logs/").append(step.name()).append(".log) | ")
                    .append(step.exit() == 0 ? "0" : "**" + step.exit() + "**").append(" | ")
                    .append(step.took().toSeconds()).append(" s | ").append(step.loadBefore()).append(" → ")
                    .append(step.loadAfter()).append(" | ")
                    .append(Double.isNaN(step.cpuPressure()) ? "–" : String.format(Locale.ROOT, "%.0f %%", step.cpuPressure()))
                    .append(" |\n");
        }
        md.append('\n');
        figures.markdown(md);
        md.append("## Charts\n\n");
        for (String chart : charts) {
            md.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        Files.writeString(report, md.toString());
        return report;
    }

    static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    /** Cores, load average, JDK, CPU model. */
    static final class Machine {

        private Machine() {
        }

        static String loadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException e) {
                return "unknown";
            }
        }

        /** Total µs some task waited for a CPU since boot (PSI), or -1 without PSI. */
        static long cpuStalledMicros() {
            try {
                String some = Files.readAllLines(Path.of("/proc/pressure/cpu")).getFirst();
                return Long.parseLong(some.substring(some.indexOf("total=") + 6).trim());
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        static Map<String, String> describe() {
            Map<String, String> machine = new LinkedHashMap<>();
            machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
            machine.put("CPU", cpuModel());
            machine.put("memory", memory());
            machine.put("load average (1, 5, 15 min) when the report was written", loadAverage());
            machine.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                    + " (" + System.getProperty("java.home") + ")");
            machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
            return machine;
        }

        private static String cpuModel() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
            } catch (IOException | UncheckedIOException e) {
                return "unknown";
            }
        }

        private static String memory() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .map(l -> String.format(Locale.ROOT, "%.1f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                        .findFirst().orElse("unknown");
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
    }
}
