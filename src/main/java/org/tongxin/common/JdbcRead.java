package org.tongxin.common;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * A read in plain SQL through JDBC, on the connection of the request's Hibernate session, each row
 * mapped by the caller. For the queries that the first requests of a burst run on a replica that
 * has just started: the claim gate's rebuild.
 *
 * <p>Neither form of HQL suits them. A query in HQL is parsed by ANTLR on its first use, and a
 * burst's concurrent first requests each parse it at once: in a roster opening their working state
 * filled the 128 MiB heap. As a named query it is parsed at boot instead, on the start's critical
 * path: the persistence unit's start waited about 0.2 s for three of them, and the compilers spent
 * the start's CPU on the parser. SQL given to JDBC is parsed by PostgreSQL alone, and pgjdbc
 * prepares it once per connection (docs/performance.md, "A cold parse").
 *
 * <p>Hibernate does not flush the session before such a read: use it outside a transaction, or
 * where the session holds no pending change to the rows it reads. An SQL error becomes Hibernate's
 * {@code JDBCException}, a {@code PersistenceException}, as from any other query.
 */
public final class JdbcRead {

    /** One row of the result, read by column name. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private JdbcRead() {}

    /** The rows of {@code sql}, its {@code ?} parameters bound in order. */
    public static <T> List<T> list(EntityManager em, String sql, Row<T> row, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(row.map(rows));
                    }
                    return found;
                }
            }
        });
    }
}
