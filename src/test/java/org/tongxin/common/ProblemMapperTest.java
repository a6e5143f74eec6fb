package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What an unexpected failure leaves in the log and in the answer. */
@Tag("fast")
class ProblemMapperTest {

    @Test
    void anIncidentIsLoggedWithItsReferenceButNeverItsSqlOrMessage() {
        var sql = new SQLException("ERROR: syntax error at or near \"13812345678\" in INSERT INTO app_user (phone) VALUES ('13812345678')", "42601");
        var failure = new PersistenceException("could not execute statement [INSERT INTO app_user ...]", sql);
        String line = ProblemMapper.incidentLine(failure, CommonError.INTERNAL_ERROR, "ref-1");
        assertEquals("incident ref-1 code=INTERNAL_ERROR type=jakarta.persistence.PersistenceException"
                + " cause=java.sql.SQLException sqlstate=42601", line);
        assertFalse(line.contains("13812345678"));
        assertFalse(line.contains("INSERT"));
    }

    @Test
    void theClientGetsTheReferenceAndNothingElse() {
        var answer = new ProblemMapper().unexpected(new IllegalStateException("secret detail"), null);
        Problem problem = (Problem) answer.getEntity();
        assertEquals(500, answer.getStatus());
        assertEquals("INTERNAL_ERROR", problem.code());
        assertTrue(problem.instance().startsWith("urn:tongxin:incident:"), problem.instance());
        assertFalse(problem.detail().contains("secret"));
    }
}
