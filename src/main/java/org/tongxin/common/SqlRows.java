package org.tongxin.common;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Values of native-query rows, whatever type the driver and Hibernate chose for them. */
public final class SqlRows {

    private SqlRows() {}

    /**
     * The rows of a native query created with {@code Tuple.class}: read each value by its column
     * name, never by position, so that a reordered SELECT cannot silently swap two values of a type.
     */
    @SuppressWarnings("unchecked")
    public static List<Tuple> tuples(Query query) {
        return (List<Tuple>) query.getResultList();
    }

    /** A number column of a row, as an int. */
    public static int integer(Tuple row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    /** A {@code timestamptz} column: an OffsetDateTime or an Instant, depending on the mapping; null stays null. */
    public static OffsetDateTime at(Object value) {
        return value == null ? null : value instanceof OffsetDateTime o ? o : ((Instant) value).atOffset(ZoneOffset.UTC);
    }

    /** A {@code date} column: a LocalDate or a java.sql.Date, depending on the mapping; null stays null. */
    public static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
