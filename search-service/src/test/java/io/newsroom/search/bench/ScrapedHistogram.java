package io.newsroom.search.bench;

import io.newsroom.infra.http.HttpTestClient;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prometheus histogram as scraped from {@code /actuator/prometheus}: cumulative bucket counts by
 * upper bound, plus sum. Two scrapes give the histogram of what happened between them, and
 * {@link #quantile} estimates like PromQL's {@code histogram_quantile} — so the benchmark reads the
 * figures exactly the way an operator's dashboard would, and warm-up is left out.
 */
record ScrapedHistogram(TreeMap<Double, Long> buckets, double sum) {

    static ScrapedHistogram scrape(int port, String name) {
        try {
            String text = HttpTestClient.loopback(port).get("/actuator/prometheus", "Accept", "text/plain").body();
            TreeMap<Double, Long> buckets = new TreeMap<>();
            Matcher bucket = Pattern.compile("(?m)^" + name + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} (\\S+)$").matcher(text);
            while (bucket.find()) {
                double le = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
                buckets.merge(le, (long) Double.parseDouble(bucket.group(2)), Long::sum);
            }
            Matcher sum = Pattern.compile("(?m)^" + name + "_sum\\{[^}]*} (\\S+)$").matcher(text);
            if (buckets.isEmpty() || !sum.find()) {
                throw new IllegalStateException("No histogram " + name + " in the scrape");
            }
            return new ScrapedHistogram(buckets, Double.parseDouble(sum.group(1)));
        } catch (Exception e) {
            throw new IllegalStateException("Could not scrape " + name, e);
        }
    }

    ScrapedHistogram minus(ScrapedHistogram earlier) {
        TreeMap<Double, Long> delta = new TreeMap<>();
        buckets.forEach((le, count) -> delta.put(le, count - earlier.buckets.getOrDefault(le, 0L)));
        return new ScrapedHistogram(delta, sum - earlier.sum);
    }

    long count() {
        return buckets.lastEntry().getValue();
    }

    /** Share of observations at most {@code seconds}, which must be a bucket bound (an SLO bucket). */
    double shareAtMost(double seconds) {
        return count() == 0 ? Double.NaN : buckets.get(seconds) / (double) count();
    }

    /** Linear interpolation inside the bucket holding the q-quantile, as {@code histogram_quantile} does. */
    double quantileMillis(double q) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        long below = 0;
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lower * 1000;
                }
                long inBucket = bucket.getValue() - below;
                double within = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return (lower + (bucket.getKey() - lower) * within) * 1000;
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        return lower * 1000;
    }

    String summary() {
        return String.format("n=%d mean=%.0f ms p50=%.0f ms p99=%.0f ms", count(),
                count() == 0 ? Double.NaN : sum / count() * 1000, quantileMillis(0.5), quantileMillis(0.99));
    }
}
