package org.tongxin.common;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** How the service sees its callers over HTTP. */
@ConfigMapping(prefix = "tongxin.http")
public interface HttpConfig {

    /**
     * Addresses or CIDR ranges of the reverse proxies in front of the service (the ingress). Only a
     * request arriving from one of them has its X-Forwarded-For read; empty = read it never
     * (TONGXIN_HTTP_TRUSTED_PROXIES, comma-separated).
     */
    Optional<List<String>> trustedProxies();
}
