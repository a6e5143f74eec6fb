package org.tongxin.common;

/**
 * A feature that keeps sealed personal data, declared here so that {@link PiiRotation} can ask
 * each one to re-seal its values under the current key without common knowing any feature.
 */
public interface PiiStore {

    /** Re-seals up to {@code batch} values (rows) not under the current key; answers how many. */
    int reseal(int batch);
}
