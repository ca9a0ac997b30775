package io.newsroom.article.editorial;

import io.newsroom.events.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Revision history and audit trail: who did what to an article, when, and the state it left. */
@Repository
public class Revisions {

    private final JdbcClient jdbc;

    Revisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Article after, String action, String editor, String note) {
        jdbc.sql("""
                        insert into article_revision (article_id, version, action, editor, changed_at, note, state)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(after.id(), after.version(), action, editor, Timestamp.from(after.updatedAt()), note,
                        Articles.json(after))
                .update();
    }

    /** Oldest first; each revision names the fields it changed compared with the one before. */
    public List<Revision> history(UUID articleId) {
        var rows = jdbc.sql("""
                        select r.version, r.action, r.editor, n.display_name, r.changed_at, r.note, r.state::text as state
                        from article_revision r left join editor_name n on n.editor = r.editor
                        where r.article_id = ? order by r.version""")
                .param(articleId)
                .query((rs, n) -> new Row(rs.getLong("version"), rs.getString("action"), rs.getString("editor"),
                        rs.getString("display_name"), Articles.instant(rs, "changed_at"), rs.getString("note"),
                        EventJson.mapper().readTree(rs.getString("state"))))
                .list();
        var history = new ArrayList<Revision>(rows.size());
        JsonNode previous = null;
        for (Row row : rows) {
            history.add(new Revision(row.version, row.action, row.editor, row.editorName, row.changedAt, row.note,
                    changed(previous, row.state)));
            previous = row.state;
        }
        return history;
    }

    private static List<String> changed(JsonNode before, JsonNode after) {
        var fields = new ArrayList<String>();
        for (String name : after.propertyNames()) {
            if (name.equals("version") || name.equals("updatedAt")) {
                continue;
            }
            if (before == null ? !after.get(name).isNull() : !after.get(name).equals(before.get(name))) {
                fields.add(name);
            }
        }
        return fields;
    }

    private record Row(long version, String action, String editor, String editorName, Instant changedAt, String note,
                       JsonNode state) {
    }

    /**
     * @param editor     JWT subject of the editor, or {@code scheduler} / {@code demo-loader}
     * @param editorName the person's display name as their token last gave it ({@code name} claim); null for
     *                   machine clients and the service's own changes
     * @param changed    names of the fields this revision changed
     */
    public record Revision(long version, String action, String editor, String editorName, Instant changedAt, String note,
                           List<String> changed) {
    }
}
