package org.tongxin.org;

/**
 * Epidemic risk level of a community or building. HIGH (封控): door delivery only;
 * MEDIUM (管控): pickup in staggered slots; LOW (防范): free pickup.
 */
public enum RiskLevel { HIGH, MEDIUM, LOW }
