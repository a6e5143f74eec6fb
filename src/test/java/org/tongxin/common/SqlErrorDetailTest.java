package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A constraint error names the constraint but not the row's values, so the logs that carry it leak none. */
@QuarkusTest
class SqlErrorDetailTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aUniqueViolationKeepsItsStateButNotTheValues() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE detail_probe (secret text CONSTRAINT detail_probe_once UNIQUE)");
            s.execute("INSERT INTO detail_probe VALUES ('13812345678')");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO detail_probe VALUES ('13812345678')"));
            assertEquals(SqlErrors.UNIQUE, e.getSQLState());
            assertFalse(String.valueOf(e.getMessage()).contains("13812345678"), e.getMessage());
            s.execute("DROP TABLE detail_probe");
        }
    }
}
