package org.tongxin.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.AuthConfig.RevocationUnavailable;

/**
 * Both settings of tongxin.auth.revocation-unavailable, for every method: reads always go on,
 * writes only with {@code accept}. (RedisOutageTest walks the default against a stopped Redis.)
 */
@Tag("fast")
class RevocationUnavailableTest {

    @Test
    void refuseLetsReadsOnlyAndAcceptLetsEverything() {
        for (String read : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertTrue(RevocationUnavailable.REFUSE.lets(read), read);
            assertTrue(RevocationUnavailable.ACCEPT.lets(read), read);
        }
        for (String write : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertFalse(RevocationUnavailable.REFUSE.lets(write), write);
            assertTrue(RevocationUnavailable.ACCEPT.lets(write), write);
        }
    }
}
