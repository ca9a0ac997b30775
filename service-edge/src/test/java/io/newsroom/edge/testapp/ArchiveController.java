package io.newsroom.edge.testapp;

import io.newsroom.infra.LocalPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/** Notes kept in a real PostgreSQL database that is down: nothing listens on its port. */
@RestController
class ArchiveController {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ArchiveController() {
        var database = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + closedPort() + "/archive",
                "postgres", "postgres");
        this.jdbc = JdbcClient.create(database);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(database));
    }

    @GetMapping("/notes/archive")
    List<String> archived() {
        return jdbc.sql("select headline from notes").query(String.class).list();
    }

    @PostMapping("/notes/archive")
    void archive() {
        transactions.executeWithoutResult(status -> jdbc.sql("insert into notes values ('Floods')").update());
    }

    /**
     * A real PostgreSQL that cuts the session in the middle of the transaction (as a restarting server does): the
     * statement fails, then so does the rollback on the dead connection, and Spring throws TransactionSystemException.
     */
    @PostMapping("/notes/cut")
    void cut() {
        var postgres = LocalPostgres.shared();
        var database = new DriverManagerDataSource(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status ->
                JdbcClient.create(database).sql("select pg_terminate_backend(pg_backend_pid())").query().singleValue());
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
