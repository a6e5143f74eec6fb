package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tongxin.common.ClientAddress.Cidr;

/** Whose address a request carries: the socket's, unless a trusted proxy vouches for another. */
@Tag("fast")
class ClientAddressTest {

    private static final List<Cidr> INGRESS = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("1.2.3.4"), List.of()));
    }

    @Test
    void aClientThatIsNotAProxyCannotForgeItsAddress() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("1.2.3.4"), INGRESS));
    }

    @Test
    void behindTheIngressTheRightMostUntrustedHopIsTheClient() {
        assertEquals("198.51.100.7", ClientAddress.resolve("10.1.2.3", List.of("6.6.6.6, 198.51.100.7"), INGRESS));
        assertEquals("198.51.100.7", ClientAddress.resolve("10.1.2.3", List.of("6.6.6.6", "198.51.100.7, 10.9.9.9"), INGRESS));
        assertEquals("2001:db8::5", ClientAddress.resolve("::1", List.of("2001:db8::5"), INGRESS));
    }

    @Test
    void aHopThatIsNotAnAddressStopsTheWalk() {
        assertEquals("10.1.2.3", ClientAddress.resolve("10.1.2.3", List.of("evil.example, unknown"), INGRESS));
        assertEquals("10.1.2.3", ClientAddress.resolve("10.1.2.3", List.of("999.1.1.1"), INGRESS));
        assertEquals("10.1.2.3", ClientAddress.resolve("10.1.2.3", List.of(), INGRESS));
    }

    @Test
    void rangesMatchByPrefix() {
        Cidr net = Cidr.parse("192.168.4.0/22");
        assertTrue(net.contains("192.168.7.255"));
        assertFalse(net.contains("192.168.8.0"));
        assertFalse(net.contains("::ffff:1"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("ingress.local"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsReportedOnceAndFromTheIngressNever() {
        AtomicBoolean seen = new AtomicBoolean();
        assertFalse(ClientAddress.firstUntrustedForward("10.1.2.3", List.of("198.51.100.7"), INGRESS, seen));
        assertFalse(ClientAddress.firstUntrustedForward("203.0.113.9", List.of(), INGRESS, seen));
        assertTrue(ClientAddress.firstUntrustedForward("203.0.113.9", List.of("198.51.100.7"), INGRESS, seen));
        assertFalse(ClientAddress.firstUntrustedForward("203.0.113.10", List.of("198.51.100.8"), INGRESS, seen), "once");
    }

    @Test
    void theOperationsGuideNamesTheSettingTheServiceReads() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("docs/operations.md"));
        assertFalse(guide.contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), "Quarkus's forwarding is off; it is not our setting");
        assertTrue(guide.contains("TONGXIN_HTTP_TRUSTED_PROXIES"));
    }
}
