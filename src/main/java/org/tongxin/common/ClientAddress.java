package org.tongxin.common;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The address a request really comes from, for rate limits. The socket's peer, unless that peer is
 * one of our trusted proxies: then X-Forwarded-For is read from the right (what each trusted hop
 * appended) and the first address that is not a trusted proxy is the client. The left-most value
 * is whatever the client wrote and is never believed.
 */
@RequestScoped
public class ClientAddress {

    private static final AtomicBoolean UNTRUSTED_FORWARD_SEEN = new AtomicBoolean();

    private final HttpServerRequest request;
    private final List<Cidr> trusted;

    ClientAddress(HttpServerRequest request, HttpConfig config) {
        this.request = request;
        this.trusted = config.trustedProxies().orElse(List.of()).stream().map(Cidr::parse).toList();
    }

    public String get() {
        String peer = request.remoteAddress() != null ? request.remoteAddress().hostAddress() : "unknown";
        List<String> forwardedFor = request.headers().getAll("X-Forwarded-For");
        if (firstUntrustedForward(peer, forwardedFor, trusted, UNTRUSTED_FORWARD_SEEN)) {
            Log.warnf("X-Forwarded-For arrives from an untrusted peer %s: every client behind it is counted as that "
                    + "address by the rate limits; list the ingress in TONGXIN_HTTP_TRUSTED_PROXIES (logged once)", peer);
        }
        return resolve(peer, forwardedFor, trusted);
    }

    /**
     * True once per process (per {@code seen}): the first time a peer that is not a trusted proxy
     * sends X-Forwarded-For, the sign of an ingress missing from the trusted list.
     */
    static boolean firstUntrustedForward(String peer, List<String> forwardedFor, List<Cidr> trusted, AtomicBoolean seen) {
        return !forwardedFor.isEmpty() && !isTrusted(peer, trusted) && seen.compareAndSet(false, true);
    }

    static String resolve(String peer, List<String> forwardedFor, List<Cidr> trusted) {
        if (!isTrusted(peer, trusted)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(h -> {
            for (String part : h.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.strip());
                }
            }
        });
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!Cidr.isLiteral(hop)) {
                return peer; // a hop we cannot read: stop at the last address we can vouch for
            }
            if (!isTrusted(hop, trusted)) {
                return hop;
            }
        }
        return peer;
    }

    private static boolean isTrusted(String address, List<Cidr> trusted) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    /** An address range such as {@code 10.0.0.0/8}, {@code 127.0.0.1} or {@code ::1/128}. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String spec) {
            String[] parts = spec.strip().split("/");
            byte[] net = literal(parts[0]);
            if (net == null) {
                throw new IllegalArgumentException("tongxin.http.trusted-proxies: not an IP address or CIDR: " + spec);
            }
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : net.length * 8;
            if (prefix < 0 || prefix > net.length * 8) {
                throw new IllegalArgumentException("tongxin.http.trusted-proxies: bad prefix in " + spec);
            }
            return new Cidr(net, prefix);
        }

        boolean contains(String address) {
            byte[] a = literal(address);
            if (a == null || a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        static boolean isLiteral(String s) {
            return literal(s) != null;
        }

        /** The bytes of an IP literal; null for anything else (no DNS look-up is ever made). */
        private static byte[] literal(String s) {
            String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
            boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                    && Arrays.stream(t.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
            boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
            if (!v4 && !v6) {
                return null;
            }
            try {
                return InetAddress.getByName(t).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
