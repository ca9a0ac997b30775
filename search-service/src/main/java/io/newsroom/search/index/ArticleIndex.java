package io.newsroom.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.transport.endpoints.BooleanResponse;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The article index behind its alias: {@code articles} points at exactly one {@code articles-vN}.
 * Readers and the live indexer only ever name the alias, so a rebuild can fill {@code articles-vN+1}
 * and swap the alias in one atomic step.
 */
@Component
public class ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    private final ElasticsearchClient client;
    private final IndexProperties properties;
    private final Pattern generation;
    private volatile boolean setUp;

    public ArticleIndex(ElasticsearchClient client, IndexProperties properties) {
        this.client = client;
        this.properties = properties;
        this.generation = Pattern.compile(Pattern.quote(properties.alias()) + "-v(\\d+)");
    }

    public String alias() {
        return properties.alias();
    }

    /**
     * Creates {@code articles-v1} behind the alias on first start, so the consumers have somewhere to write;
     * an existing index gets the configured replica count. Called by {@link IndexSetup} as the service starts.
     */
    void setUp() throws IOException {
        if (currentIndex().isEmpty()) {
            String first = indexName(1);
            create(first);
            client.indices().updateAliases(a -> a.actions(act -> act.add(add -> add.index(first).alias(alias()))));
            log.info("Created {} behind alias {}", first, alias());
        } else {
            currentIndex().ifPresent(this::applyReplicas);
        }
        setUp = true;
    }

    /**
     * Refuses a write before {@link #setUp()} has run: Elasticsearch would create an index named like the alias,
     * with guessed mappings, and the alias could never be added. The consumers retry until it has run.
     */
    public void requireSetUp(String what) {
        if (!setUp) {
            throw ElasticsearchUnavailable.notSetUp(what);
        }
    }

    /** {@code index.number_of_replicas} of one concrete index, as Elasticsearch reports it. */
    static String replicasOf(ElasticsearchClient client, String index) throws IOException {
        var settings = client.indices().getSettings(g -> g.index(index)).get(index).settings();
        if (settings == null) {
            return null;
        }
        if (settings.index() != null && settings.index().numberOfReplicas() != null) {
            return settings.index().numberOfReplicas();
        }
        return settings.numberOfReplicas();
    }

    /** Brings an index made before the replica setting changed (e.g. 0 from an older release) to the configured count. */
    void applyReplicas(String index) {
        try {
            String current = replicasOf(client, index);
            if (!Integer.toString(properties.replicas()).equals(current)) {
                client.indices().putSettings(p -> p.index(index).settings(s -> s.numberOfReplicas(
                        Integer.toString(properties.replicas()))));
                log.info("Set number_of_replicas of {} from {} to {}", index, current, properties.replicas());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The concrete index the alias points at now. */
    public Optional<String> currentIndex() {
        try {
            BooleanResponse exists = client.indices().existsAlias(e -> e.name(alias()));
            if (!exists.value()) {
                return Optional.empty();
            }
            GetAliasResponse response = client.indices().getAlias(g -> g.name(alias()));
            return response.aliases().keySet().stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name for the next generation: one above the highest {@code articles-vN} that exists. */
    public String nextIndexName() {
        try {
            List<String> names = List.copyOf(client.indices().get(g -> g.index(alias() + "-v*")).indices().keySet());
            int highest = names.stream().map(this::generationOf).max(Comparator.naturalOrder()).orElse(0);
            return indexName(highest + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an index with the current settings and mappings, not yet behind the alias. */
    public void create(String index) {
        IndexDefinition definition = IndexDefinition.load(IndexDefinition.ARTICLES, properties.analyzer(), properties.replicas());
        try {
            client.indices().create(c -> c.index(index)
                    .settings(s -> s.withJson(new StringReader(definition.settingsJson())))
                    .mappings(m -> m.withJson(new StringReader(definition.mappingsJson()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the alias from {@code previous} to {@code next} in one cluster-state update: no moment without it. */
    public void switchAlias(String previous, String next) {
        try {
            client.indices().updateAliases(a -> a
                    .actions(act -> act.remove(r -> r.index(previous).alias(alias())))
                    .actions(act -> act.add(add -> add.index(next).alias(alias()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "-1" turns refreshing off, e.g. while a rebuild bulk-loads a new generation. */
    public void refreshInterval(String index, String interval) {
        try {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time(interval))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Older generations than {@code keep}: candidates for clean-up after a successful rebuild. */
    public List<String> generationsBefore(String keep) {
        try {
            int kept = generationOf(keep);
            return client.indices().get(g -> g.index(alias() + "-v*")).indices().keySet().stream()
                    .filter(name -> generationOf(name) < kept)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String indexName(int generation) {
        return alias() + "-v" + generation;
    }

    private int generationOf(String index) {
        Matcher matcher = generation.matcher(index);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
