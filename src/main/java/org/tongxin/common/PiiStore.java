package org.tongxin.common;

/**
 * A feature that still keeps personal data in the clear from before it sealed it, declared here so
 * that {@link PiiRotation} can ask it to seal those values without common knowing any feature.
 * (Values already sealed are re-sealed by {@link PiiRotation} itself, column by column.)
 */
public interface PiiStore {

    /** Seals up to {@code batch} rows still in the clear; answers how many. */
    int reseal(int batch);
}
