package org.tongxin.shift;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.tongxin.common.ApiException;

/**
 * Service-zone dates {@code from}..{@code to}, both inclusive, at most {@value #MAX_DAYS} days:
 * how rosters, coverage and no-shows are asked for. Missing ends default to a week.
 */
public record DateRange(LocalDate from, LocalDate to, ZoneId zone) {

    static final int MAX_DAYS = 62;
    private static final int DEFAULT_DAYS = 7;

    public DateRange {
        if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
            throw new ApiException(ShiftError.BAD_RANGE);
        }
    }

    /** The week from today, or from {@code from}; for rosters and coverage. Today and the zone come from the clock. */
    static DateRange ahead(LocalDate from, LocalDate to, Clock clock) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        return new DateRange(start, to != null ? to : start.plusDays(DEFAULT_DAYS - 1), clock.getZone());
    }

    /** The week up to today, or up to {@code to}; for looking back at no-shows. */
    static DateRange behind(LocalDate from, LocalDate to, Clock clock) {
        LocalDate end = to != null ? to : LocalDate.now(clock);
        return new DateRange(from != null ? from : end.minusDays(DEFAULT_DAYS - 1), end, clock.getZone());
    }

    OffsetDateTime start() {
        return from.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after the range. */
    OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
