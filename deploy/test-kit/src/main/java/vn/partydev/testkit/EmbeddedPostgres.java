package vn.partydev.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL 17 server per test JVM (zonky's binaries, started as {@code nobody} when run as root),
 * with a database per name asked for. Data lives under {@code target/embedded-pg} and is thrown away.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                File work = new File("target/embedded-pg");
                work.mkdirs();
                var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
                // Opt-in, for profiling runs only (e.g. -Dtestkit.pg.preload=pg_stat_statements): off by default.
                String preload = System.getProperty("testkit.pg.preload", "");
                if (!preload.isBlank()) {
                    builder.setServerConfig("shared_preload_libraries", preload);
                }
                server = builder
                        .setOverrideWorkingDirectory(work)
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stop));
        }
        return server;
    }

    /** Creates the database if missing and answers its JDBC URL. */
    public static String jdbcUrl(String database) {
        var pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + database + "\" TEMPLATE template0 ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return pg.getJdbcUrl("postgres", database);
    }

    public static int port() {
        return server().getPort();
    }

    static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
            server = null;
        }
    }
}
