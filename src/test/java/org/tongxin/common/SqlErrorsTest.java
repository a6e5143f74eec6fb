package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is not there right now" (503) rather than a bug (500). */
@Tag("fast")
class SqlErrorsTest {

    @Test
    void connectionFailuresAreRecognisedWhereverTheyHide() {
        assertTrue(SqlErrors.databaseUnavailable(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(SqlErrors.databaseUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(SqlErrors.databaseUnavailable(new IllegalStateException(new ConnectException("Connection refused"))));
        assertTrue(SqlErrors.databaseUnavailable(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(SqlErrors.databaseUnavailable(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        IllegalStateException failedRollback = new IllegalStateException("rollback failed");
        XAException xa = new XAException("Error trying to transactionRollback local transaction");
        xa.initCause(new SQLException("This connection has been closed.", "08003"));
        failedRollback.addSuppressed(xa);
        assertTrue(SqlErrors.databaseUnavailable(failedRollback));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(SqlErrors.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(SqlErrors.databaseUnavailable(new IllegalStateException("a bug")));
    }
}
