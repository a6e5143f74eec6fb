package org.tongxin.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;
import org.postgresql.util.PSQLException;

/**
 * One statement that is its own transaction: a call of a database function that does a whole
 * write (an order, a claim) and commits on its own, in one round trip. Used where a hot row would
 * otherwise stay locked across the round trips of a multi-statement transaction (see
 * docs/performance.md). Runs on the connection the request's Hibernate session holds (a second
 * connection per request could starve the pool), which outside a JTA transaction is in
 * auto-commit; inside one it refuses to run, since the function's locks would then outlive it.
 *
 * <p>The function refuses by raising SQLSTATE {@code P0001} with an error code as its message: the
 * name of one of the feature's {@link ErrorCode} constants ({@code refusals}, its enum's values), so
 * that a refusal is declared once, as that constant, and becomes its {@link ApiException}. Anything
 * else stays the SQL error it is, wrapped in a {@link PersistenceException} (so a unique violation
 * is still a 409, an unreachable database a 503). {@code SqlRefusalsTest} holds that every code a
 * migration's function raises is a constant of the enum its caller passes.
 */
public final class OwnTransaction {

    /** SQLSTATE raise_exception: what {@code RAISE EXCEPTION 'CODE'} answers. */
    static final String RAISED = "P0001";

    /** The statement, on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private OwnTransaction() {}

    public static <T, E extends Enum<E> & ErrorCode> T run(EntityManager em, E[] refusals, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            if (!c.getAutoCommit()) {
                throw new IllegalStateException("a statement meant as its own transaction ran inside another");
            }
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw refusal(e, refusals);
            }
        });
    }

    private static <E extends Enum<E> & ErrorCode> RuntimeException refusal(SQLException e, E[] refusals) {
        if (RAISED.equals(e.getSQLState()) && e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            String raised = p.getServerErrorMessage().getMessage();
            for (E code : refusals) {
                if (code.name().equals(raised)) {
                    return new ApiException(code);
                }
            }
        }
        return new PersistenceException("database function failed", e);
    }
}
