package io.newsroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;

/** The report's PNG charts, drawn with XChart (org.knowm.xchart, Maven Central). */
final class Charts {

    private Charts() {
    }

    /** @return the file names written into {@code dir} */
    static List<String> draw(Figures figures, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        if (!figures.freshness.isEmpty()) {
            written.add(save(freshness(figures), dir, "freshness-percentiles"));
        }
        if (!figures.perSecond.isEmpty()) {
            written.add(save(overTime(figures), dir, "throughput-over-time"));
        }
        if (!figures.ratios.isEmpty()) {
            written.add(save(ratios(figures), dir, "ratios"));
        }
        List<Figures.Latency> latencies = figures.latencies.stream()
                .filter(l -> !Double.isNaN(l.p50()) && !Double.isNaN(l.p99())).toList();
        if (!latencies.isEmpty()) {
            written.add(save(latency(latencies), dir, "latency-percentiles"));
        }
        return written;
    }

    private static CategoryChart freshness(Figures figures) {
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(800)
                .title("Publish → searchable: stock design (1 s refresh) vs live refresh, same run")
                .xAxisTitle("where measured · design · run").yAxisTitle("milliseconds").build();
        chart.getStyler().setLabelsVisible(false);
        style(chart);
        List<String> names = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (Figures.Freshness f : figures.freshness) {
            names.add((f.where().startsWith("whole") ? "platform" : "service") + " · " + f.design()
                    + (f.where().startsWith("whole") ? "" : " · " + f.run()));
            p50.add(zero(f.p50()));
            p99.add(zero(f.p99()));
            max.add(zero(f.max()));
        }
        chart.addSeries("p50", names, p50);
        chart.addSeries("p99", names, p99);
        chart.addSeries("max", names, max);
        chart.addSeries("objective: p99 ≤ 500 ms", names, Collections.nCopies(names.size(), 500.0))
                .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        return chart;
    }

    private static XYChart overTime(Figures figures) {
        XYChart chart = new XYChartBuilder().width(1400).height(600)
                .title("Whole platform: publishes answered and articles becoming searchable, per second")
                .xAxisTitle("seconds since the design's first publish (warm-up included)").yAxisTitle("articles per second").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Map.Entry<String, List<int[]>> design : figures.perSecond.entrySet()) {
            List<int[]> rows = design.getValue().stream().filter(r -> r[1] > 0 || r[2] > 0).toList();
            if (rows.isEmpty()) {
                continue;
            }
            double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
            chart.addSeries("published (" + design.getKey() + ")", x, rows.stream().mapToDouble(r -> r[1]).toArray())
                    .setMarker(SeriesMarkers.NONE);
            chart.addSeries("searchable (" + design.getKey() + ")", x, rows.stream().mapToDouble(r -> r[2]).toArray())
                    .setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static CategoryChart ratios(Figures figures) {
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(800)
                .title("Ratios against their baselines measured in the same run (1.0 = as fast as the baseline)")
                .yAxisTitle("ratio").build();
        style(chart);
        chart.getStyler().setLabelsVisible(true);
        List<String> names = figures.ratios.stream().map(Figures.Ratio::name).map(Charts::shorten).toList();
        chart.addSeries("ratio", names, figures.ratios.stream().map(r -> Math.round(zero(r.value()) * 100) / 100.0).toList());
        chart.addSeries("baseline", names, Collections.nCopies(names.size(), 1.0))
                .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        return chart;
    }

    private static CategoryChart latency(List<Figures.Latency> latencies) {
        CategoryChart chart = new CategoryChartBuilder().width(1600).height(1000)
                .title("Latency percentiles per benchmark (log scale)").yAxisTitle("milliseconds (log)").build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(true);
        // bars start at the axis minimum, which a log axis needs above zero
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(latencies.stream()
                .mapToDouble(l -> Math.max(0.01, l.p50())).min().orElse(1)))));
        List<String> names = latencies.stream().map(l -> shorten(l.group().replace(" (closed loop, wrk)", " closed loop")
                .replace(" (open loop, fixed rate)", " open loop").replace(" (through the gateway)", "") + ": " + l.name())).toList();
        chart.addSeries("p50", names, latencies.stream().map(l -> Math.max(0.01, l.p50())).toList());
        chart.addSeries("p99", names, latencies.stream().map(l -> Math.max(0.01, l.p99())).toList());
        return chart;
    }

    private static void style(CategoryChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // upright labels sit under their bars (slanted ones drift towards the next category)
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    }

    private static String shorten(String label) {
        return label.length() <= 48 ? label : label.substring(0, 46) + "…";
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String name) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name + ".png";
    }
}
