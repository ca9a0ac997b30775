package io.newsroom.search.bench;

import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.http.HttpTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What Elasticsearch itself spent during a run ({@code _nodes/stats}): refreshes, queries, fetches,
 * merges, bulk indexing. Printed next to the end-to-end figures, so a slow run can be attributed to
 * the node or to everything around it.
 */
record NodeStats(long refreshes, long refreshMillis, long queries, long queryMillis, long fetches, long fetchMillis,
                 long merges, long mergeMillis, long indexed, long indexMillis, long cpuMillis,
                 long globalOrdinalsMillis) {

    static NodeStats now() {
        try {
            JsonNode node = HttpTestClient.to(LocalElasticsearch.shared().httpUri().toString())
                    .get("/_nodes/_local/stats/indices,process").json().path("nodes").values().iterator().next();
            JsonNode indices = node.path("indices");
            return new NodeStats(
                    indices.path("refresh").path("total").asLong(), indices.path("refresh").path("total_time_in_millis").asLong(),
                    indices.path("search").path("query_total").asLong(), indices.path("search").path("query_time_in_millis").asLong(),
                    indices.path("search").path("fetch_total").asLong(), indices.path("search").path("fetch_time_in_millis").asLong(),
                    indices.path("merges").path("total").asLong(), indices.path("merges").path("total_time_in_millis").asLong(),
                    indices.path("indexing").path("index_total").asLong(), indices.path("indexing").path("index_time_in_millis").asLong(),
                    node.path("process").path("cpu").path("total_in_millis").asLong(),
                    // Built again after every refresh by the first terms aggregation (the facets) that needs them.
                    indices.path("fielddata").path("global_ordinals").path("build_time_in_millis").asLong());
        } catch (Exception e) {
            throw new IllegalStateException("Could not read Elasticsearch node stats", e);
        }
    }

    /** One line of what happened between {@code before} and this snapshot, over {@code seconds}. */
    String since(NodeStats before, double seconds) {
        return String.format("ES node: cpu %.0f %% of one core; %d refreshes (avg %.1f ms); %d shard queries (avg %.1f ms);"
                        + " %d fetches (avg %.1f ms); %d merges (%.1f s); %d docs indexed (avg %.2f ms); global ordinals built in %.1f s",
                (cpuMillis - before.cpuMillis) / seconds / 10.0,
                refreshes - before.refreshes, avg(refreshMillis - before.refreshMillis, refreshes - before.refreshes),
                queries - before.queries, avg(queryMillis - before.queryMillis, queries - before.queries),
                fetches - before.fetches, avg(fetchMillis - before.fetchMillis, fetches - before.fetches),
                merges - before.merges, (mergeMillis - before.mergeMillis) / 1000.0,
                indexed - before.indexed, avg(indexMillis - before.indexMillis, indexed - before.indexed),
                (globalOrdinalsMillis - before.globalOrdinalsMillis) / 1000.0);
    }

    private static double avg(long millis, long count) {
        return count == 0 ? 0 : millis / (double) count;
    }
}
