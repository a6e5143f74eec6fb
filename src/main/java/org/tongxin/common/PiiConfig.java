package org.tongxin.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Keys that protect personal data at rest. They come from the environment in production. */
@ConfigMapping(prefix = "tongxin.pii")
public interface PiiConfig {

    /** Base64 of the current 32-byte AES-256-GCM key that seals personal data (TONGXIN_PII_ENCRYPTION_KEY). */
    String encryptionKey();

    /** The id of the current key, stored in every value it seals: 1 to 255 (TONGXIN_PII_KEY_ID). */
    @WithDefault("1")
    int keyId();

    /**
     * Earlier keys as {@code <id>:<base64>}, comma-separated: values sealed under them still open
     * and are re-sealed under the current key in the background (TONGXIN_PII_RETIRED_KEYS).
     */
    Optional<List<String>> retiredKeys();

    /** How often values under retired keys are re-sealed; {@code off} disables (TONGXIN_PII_RESEAL_EVERY). */
    @WithDefault("1m")
    String resealEvery();

    /** How long after start the re-sealing job first runs, clear of the start itself (TONGXIN_PII_RESEAL_DELAY). */
    @WithDefault("1m")
    String resealDelay();

    /** Base64 of a key (at least 32 bytes) for the HMAC-SHA256 look-up hashes (TONGXIN_PII_HASH_KEY). */
    String hashKey();
}
