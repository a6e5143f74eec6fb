package org.tongxin.auth;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules that stop an unsafe production start, without booting one. */
@Tag("fast")
class StartupChecksTest {

    @Test
    void devLoginIsRefusedInProd() {
        assertTrue(StartupChecks.problems(true, true, true, true).stream().anyMatch(p -> p.contains("dev-login")));
    }

    @Test
    void prodNeedsWeChatCredentialsAndJwtKeys() {
        assertEquals(2, StartupChecks.problems(true, false, false, false).size());
    }

    @Test
    void aCompleteProdConfigurationStarts() {
        assertTrue(StartupChecks.problems(true, false, true, true).isEmpty());
    }

    @Test
    void devMayUseTheDevLoginWithoutCredentials() {
        assertTrue(StartupChecks.problems(false, true, false, false).isEmpty());
    }

    @Test
    void aBootstrapAdminCodeMustResistGuessing() {
        assertFalse(StartupChecks.strongEnough("DEVADMIN"));
        assertFalse(StartupChecks.strongEnough("AAAAAAAAAAAAAAAAAAAA"), "long but made of one letter");
        assertFalse(StartupChecks.strongEnough("ABCDEFGH1234567"), "15 characters");
        assertFalse(StartupChecks.strongEnough("K7Q2+M9XD/4TRW=8HZP"), "an invitation code has no + / =");
        assertTrue(StartupChecks.strongEnough("K7Q2-M9XD-4TRW-8HZP"));
    }
}
