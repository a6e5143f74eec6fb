package org.tongxin.common;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

/** Reads what the database said when it refused a write, whatever the persistence layer wrapped it in. */
public final class SqlErrors {

    /** unique_violation */
    public static final String UNIQUE = "23505";
    /** exclusion_violation */
    public static final String EXCLUSION = "23P01";

    private SqlErrors() {}

    /** The SQLSTATE of the first {@link SQLException} in the cause chain. */
    public static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /**
     * Runs an insert whose unique key may refuse it, and answers a lost race the way the check
     * before it would have: with {@code taken} (NAME_TAKEN, ROOM_TAKEN...) instead of a bare 409.
     */
    public static void insertUnique(ErrorCode taken, Runnable insert) {
        try {
            insert.run();
        } catch (PersistenceException e) {
            if (sqlState(e).filter(UNIQUE::equals).isPresent()) {
                throw new ApiException(taken);
            }
            throw e;
        }
    }

    /**
     * True when the database could not be reached or went away mid-request: a connection
     * exception (SQLSTATE class 08), an administrator or crash shutdown (57P01-57P03), no
     * connection to be had from the pool in time, or a transaction the database cancelled to break
     * a deadlock or a serialization conflict (40P01, 40001). The client may simply try again.
     */
    public static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, 0);
    }

    /** Looks through causes and suppressed exceptions (a failed rollback carries the closed connection there). */
    private static boolean databaseUnavailable(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return false;
        }
        if (e instanceof ConnectException) {
            return true;
        }
        if (e instanceof SQLException sql) {
            String state = String.valueOf(sql.getSQLState());
            // 40001/40P01: the database gave up on this transaction to let another one through; trying again works.
            if (state.startsWith("08") || state.startsWith("57P0") || state.equals("40001") || state.equals("40P01")
                    || String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                return true;
            }
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (databaseUnavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && databaseUnavailable(e.getCause(), depth + 1);
    }

    /** True for any integrity-constraint violation (SQLSTATE class 23). */
    public static boolean isConstraintViolation(Throwable e) {
        return sqlState(e).filter(s -> s.startsWith("23")).isPresent();
    }
}
