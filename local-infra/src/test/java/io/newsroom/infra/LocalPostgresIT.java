package io.newsroom.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalPostgresIT {

    private final LocalPostgres postgres = LocalPostgres.shared();

    @Test
    void aCreatedDatabaseRunsPostgreSql17() throws Exception {
        postgres.createDatabase("articles_it");
        postgres.createDatabase("articles_it"); // idempotent

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("articles_it"), postgres.username(),
                postgres.password());
                ResultSet version = connection.createStatement().executeQuery("select version(), current_database()")) {
            version.next();
            assertThat(version.getString(1)).startsWith("PostgreSQL 17.");
            assertThat(version.getString(2)).isEqualTo("articles_it");
        }
    }

    @Test
    void databasesAreIsolated() throws Exception {
        postgres.createDatabase("comments_it");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("comments_it"), postgres.username(),
                postgres.password())) {
            connection.createStatement().execute("create table if not exists flag (id int)");
        }
        postgres.createDatabase("other_it");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("other_it"), postgres.username(),
                postgres.password());
                ResultSet tables = connection.createStatement()
                        .executeQuery("select count(*) from information_schema.tables where table_name = 'flag'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void aDatabaseNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> postgres.createDatabase("x; drop database postgres"));
    }
}
