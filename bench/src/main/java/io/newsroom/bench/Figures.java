package io.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmark programs printed, read back from their output lines (their formats are theirs, see each program). */
final class Figures {

    private static final String N = "([0-9]+(?:[.,][0-9]+)?|NaN)";

    /** One measured request type: latency percentiles in ms (NaN where the program prints none), throughput in req/s. */
    record Latency(String group, String name, double p50, double p95, double p99, double perSecond) {
    }

    /** Publish→searchable of one run: where it was measured (service alone or whole platform), the design, ms. */
    record Freshness(String where, String design, int run, double p50, double p95, double p99, double max,
                     double within500, double searchP95, String load, boolean complete) {
    }

    /** A figure against its baseline measured in the same run. */
    record Ratio(String name, double value, String meaning) {
    }

    final List<Latency> latencies = new ArrayList<>();
    final List<Freshness> freshness = new ArrayList<>();
    final List<Ratio> ratios = new ArrayList<>();
    /** design → rows of {second, published, searchable} from the platform benchmark. */
    final Map<String, List<int[]>> perSecond = new LinkedHashMap<>();

    static Figures from(List<BenchReport.Step> steps, Path data) throws IOException {
        Figures f = new Figures();
        for (BenchReport.Step step : steps) {
            String name = step.name();
            if (name.startsWith("freshness-")) {
                f.freshness(step);
            } else if (name.equals("search-latency")) {
                find(step, "SEARCH docs=(\\d+) queries=(\\d+) p50=" + N + " ms p95=" + N + " ms p99=" + N + " ms throughput=" + N)
                        .forEach(m -> f.latencies.add(new Latency("search-service", "search, " + m.group(1) + " docs, 1 client",
                                num(m, 3), num(m, 4), num(m, 5), num(m, 6))));
            } else if (name.equals("rebuild")) {
                find(step, "REBUILD docs=(\\d+) rebuild=" + N + " docs/s raw-bulk=" + N + " docs/s ratio=" + N)
                        .forEach(m -> f.ratios.add(new Ratio("docs/s rebuild/raw bulk", num(m, 4),
                                String.format(Locale.ROOT, "%s docs: rebuild %.0f docs/s vs raw _bulk one request at a time %.0f docs/s",
                                        m.group(1), num(m, 2), num(m, 3)))));
            } else if (name.equals("article-read")) {
                boolean table = false;
                for (String line : step.output()) {
                    if (line.startsWith("scenario")) {
                        table = true;
                        continue;
                    }
                    Matcher m = Pattern.compile("^(\\S.*?)\\s+(\\d+)\\s+" + N + "\\s+" + N + "\\s+" + N + "\\s*$").matcher(line);
                    if (table && m.matches()) {
                        f.latencies.add(new Latency("article-service", m.group(1).trim(), num(m, 4), Double.NaN, num(m, 5), num(m, 3)));
                    }
                }
            } else if (name.equals("comment")) {
                find(step, "^(\\S.*?)\\s+(\\d+) req, concurrency (\\d+):\\s+" + N + " req/s, p50\\s+" + N + " ms, p99\\s+" + N + " ms")
                        .forEach(m -> f.latencies.add(new Latency("comment-service", m.group(1).trim(), num(m, 5), Double.NaN, num(m, 6), num(m, 4))));
            } else if (name.equals("gateway")) {
                f.gateway(step);
            } else if (name.equals("platform")) {
                f.platform(step, data);
            }
        }
        f.designRatios();
        return f;
    }

    private void freshness(BenchReport.Step step) {
        String[] parts = step.name().split("-");
        String design = parts[1];
        int run = Integer.parseInt(parts[2]);
        double p50 = Double.NaN, p99 = Double.NaN, max = Double.NaN, within = Double.NaN, searchP95 = Double.NaN;
        String load = "";
        for (String line : step.output()) {
            Matcher m;
            if ((m = Pattern.compile("FRESHNESS observed via /latest: p50=" + N + " ms p99=" + N + " ms max=" + N).matcher(line)).find()) {
                p50 = num(m, 1);
                p99 = num(m, 2);
                max = num(m, 3);
            } else if ((m = Pattern.compile("FRESHNESS metric publish_to_searchable: n=(\\d+).*share <= 500 ms: " + N).matcher(line)).find()
                    && Integer.parseInt(m.group(1)) > 0) {
                within = num(m, 2);
            } else if ((m = Pattern.compile("SEARCHES .* p50=" + N + " ms p95=" + N + " ms p99=" + N).matcher(line)).find()) {
                searchP95 = num(m, 2);
                latencies.add(new Latency("search-service", "search under load, " + design + " " + run,
                        num(m, 1), num(m, 2), num(m, 3), Double.NaN));
            } else if ((m = Pattern.compile("FRESHNESS load average at start of measuring: (.*)").matcher(line)).find()) {
                load = m.group(1);
            }
        }
        if (step.exit() == 0 || !Double.isNaN(p50)) {
            // a run in which not every article was seen (the program exits 1 and says so) is shown, but marked
            freshness.add(new Freshness("search-service alone", design, run, p50, Double.NaN, p99, max, within, searchP95, load,
                    step.exit() == 0));
        }
    }

    private void gateway(BenchReport.Step step) {
        boolean medians = false;
        boolean open = false;
        for (String line : step.output()) {
            if (line.startsWith("median of")) {
                medians = true;
                continue;
            }
            if (line.startsWith("open loop:")) {
                open = true;
                medians = false;
                continue;
            }
            Matcher m;
            if (medians && (m = Pattern.compile("^(\\S+)\\s+" + N + "\\s+" + N + "\\s+" + N + "\\s*$").matcher(line)).matches()) {
                latencies.add(new Latency("gateway (closed loop, wrk)", m.group(1), num(m, 3), Double.NaN, num(m, 4), num(m, 2)));
            } else if (open && (m = Pattern.compile("^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+" + N + "\\s+" + N + "\\s+" + N + "\\s+" + N).matcher(line)).find()) {
                latencies.add(new Latency("gateway (open loop, fixed rate)", m.group(1), num(m, 4), Double.NaN, num(m, 5), Double.NaN));
            } else if ((m = Pattern.compile("^ratio (\\S+) " + N).matcher(line)).find()) {
                ratios.add(new Ratio("req/s " + m.group(1), num(m, 2), "median req/s of the rounds, same wrk load"));
            } else if (line.isBlank()) {
                medians = false;
            }
        }
    }

    private void platform(BenchReport.Step step, Path data) throws IOException {
        Map<String, double[]> searches = new LinkedHashMap<>();
        Map<String, String> loads = new LinkedHashMap<>();
        Map<String, Integer> neverSeen = new LinkedHashMap<>();
        for (String line : step.output()) {
            Matcher m;
            Matcher unseen = Pattern.compile("E2E design=(\\w+) measured .* never seen (\\d+)").matcher(line);
            if (unseen.find()) {
                neverSeen.put(unseen.group(1), Integer.parseInt(unseen.group(2)));
            }
            if ((m = Pattern.compile("E2E design=(\\w+) searches n=(\\d+) failed=(\\d+) p50=" + N + " ms p95=" + N + " ms p99=" + N).matcher(line)).find()) {
                searches.put(m.group(1), new double[] {num(m, 4), num(m, 5), num(m, 6)});
                latencies.add(new Latency("platform (through the gateway)", "search during publishes (" + m.group(1) + ")",
                        num(m, 4), num(m, 5), num(m, 6), Double.NaN));
            } else if ((m = Pattern.compile("E2E design=(\\w+) publish request p50=" + N + " ms p95=" + N + " ms p99=" + N).matcher(line)).find()) {
                latencies.add(new Latency("platform (through the gateway)", "publish request (" + m.group(1) + ")",
                        num(m, 2), num(m, 3), num(m, 4), Double.NaN));
            } else if ((m = Pattern.compile("E2E design=(\\w+) load average at start of measuring: (.*)").matcher(line)).find()) {
                loads.put(m.group(1), m.group(2));
            } else if ((m = Pattern.compile("^\\s+(site page|composite API)\\s+" + N + " req/s\\s+p50\\s+" + N + " ms\\s+p99\\s+" + N).matcher(line)).find()) {
                latencies.add(new Latency("web (through the gateway)", m.group(1), num(m, 3), Double.NaN, num(m, 4), num(m, 2)));
            } else if ((m = Pattern.compile("^round (\\d+): site/composite throughput " + N).matcher(line)).find()) {
                ratios.add(new Ratio("req/s site/composite, round " + m.group(1), num(m, 2),
                        "the HTML page against the one API call it is built from"));
            }
        }
        for (String line : step.output()) {
            Matcher m = Pattern.compile("E2E design=(\\w+) publish->searchable p50=" + N + " ms p95=" + N + " ms p99=" + N
                    + " ms max=" + N + " ms within500=" + N).matcher(line);
            if (m.find()) {
                String design = m.group(1);
                double[] s = searches.getOrDefault(design, new double[] {Double.NaN, Double.NaN, Double.NaN});
                freshness.add(new Freshness("whole platform, through the gateway", design, 1, num(m, 2), num(m, 3), num(m, 4),
                        num(m, 5), num(m, 6), s[1], loads.getOrDefault(design, ""), neverSeen.getOrDefault(design, 0) == 0));
            }
        }
        for (String design : List.of("live", "stock")) {
            Path csv = data.resolve("e2e-" + design + "-per-second.csv");
            if (Files.isRegularFile(csv)) {
                List<int[]> rows = new ArrayList<>();
                for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
                    String[] v = line.split(",");
                    rows.add(new int[] {Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2])});
                }
                perSecond.put(design, rows);
            }
        }
    }

    /** Live against stock, per place measured: p99 of the live runs over p99 of the stock runs (medians of the runs). */
    private void designRatios() {
        for (String where : freshness.stream().map(Freshness::where).distinct().toList()) {
            OptionalDouble live = median(where, "live");
            OptionalDouble stock = median(where, "stock");
            if (live.isPresent() && stock.isPresent()) {
                ratios.add(new Ratio("freshness p99 live/stock, " + (where.startsWith("whole") ? "platform" : "service alone"), live.getAsDouble() / stock.getAsDouble(),
                        "publish→searchable p99 (" + where + "), median of the runs; below 1: the live design is sooner"));
            }
        }
    }

    private OptionalDouble median(String where, String design) {
        double[] values = freshness.stream().filter(f -> f.where().equals(where) && f.design().equals(design) && f.complete())
                .mapToDouble(Freshness::p99).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[values.length / 2]);
    }

    void markdown(StringBuilder md) {
        md.append("## Publish → searchable (stock and live design, same run)\n\n")
                .append("Stock: no live refresh, documents become visible with Elasticsearch's periodic 1 s refresh ")
                .append("(`newsroom.search.freshness.live-refresh=false`). Live: search-service refreshes as soon as a bulk ")
                .append("was written (`freshness.LiveRefresh`). *search-service alone*: `FreshnessBenchmark` (ES, Kafka and the ")
                .append("service in one JVM; 50 publishes/s, 20 searches/s; seen by an observer polling `/latest` every 100 ms). ")
                .append("*Whole platform*: `PublishToSearchableBenchmark` (devstack; from the editor's publish request through ")
                .append("the gateway to the first `/api/v1/latest` poll through the gateway that shows it). Objective: p99 ≤ 500 ms.\n\n")
                .append("A run marked *incomplete* did not see every article become searchable within its deadline (see its ")
                .append("log): its percentiles cover only those it saw, and the ratios below leave it out.\n\n")
                .append("| where | design | run | p50 ms | p95 ms | p99 ms | max ms | ≤ 500 ms | searches p95 ms | load at start | complete |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Freshness f : freshness) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | **%s** | %s | %s | %s | %s | %s |%n", f.where(), f.design(),
                    f.run(), fmt(f.p50()), fmt(f.p95()), fmt(f.p99()), fmt(f.max()),
                    Double.isNaN(f.within500()) ? "–" : fmt(f.within500()) + " %", fmt(f.searchP95()), f.load(),
                    f.complete() ? "yes" : "*incomplete*"));
        }
        md.append("\n## Ratios against their baselines (same run)\n\n| ratio | value | what |\n|---|---|---|\n");
        for (Ratio r : ratios) {
            md.append(String.format(Locale.ROOT, "| %s | **%.2f** | %s |%n", r.name(), r.value(), r.meaning()));
        }
        md.append("\n## Latency and throughput\n\n| part | request | p50 ms | p95 ms | p99 ms | req/s |\n|---|---|---|---|---|---|\n");
        for (Latency l : latencies) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", l.group(), l.name(), fmt(l.p50()), fmt(l.p95()),
                    fmt(l.p99()), Double.isNaN(l.perSecond()) ? "–" : String.format(Locale.ROOT, "%.0f", l.perSecond())));
        }
        md.append('\n');
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static List<Matcher> find(BenchReport.Step step, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<Matcher> found = new ArrayList<>();
        for (String line : step.output()) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                found.add(m);
            }
        }
        return found;
    }

    private static double num(Matcher m, int group) {
        String text = m.group(group);
        return text.equals("NaN") ? Double.NaN : Double.parseDouble(text.replace(',', '.'));
    }
}
