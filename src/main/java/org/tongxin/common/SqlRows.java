package org.tongxin.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native-query rows, whatever type the driver and Hibernate chose for them. */
public final class SqlRows {

    private SqlRows() {}

    /** A {@code timestamptz} column: an OffsetDateTime or an Instant, depending on the mapping; null stays null. */
    public static OffsetDateTime at(Object value) {
        return value == null ? null : value instanceof OffsetDateTime o ? o : ((Instant) value).atOffset(ZoneOffset.UTC);
    }
}
