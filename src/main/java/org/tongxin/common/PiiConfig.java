package org.tongxin.common;

import io.smallrye.config.ConfigMapping;

/** Keys that protect personal data at rest. Both come from the environment in production. */
@ConfigMapping(prefix = "tongxin.pii")
public interface PiiConfig {

    /** Base64 of a 32-byte AES-256-GCM key that encrypts phone numbers and WeChat ids (TONGXIN_PII_ENCRYPTION_KEY). */
    String encryptionKey();

    /** Base64 of a key (at least 32 bytes) for the HMAC-SHA256 look-up hashes (TONGXIN_PII_HASH_KEY). */
    String hashKey();
}
