package org.tongxin.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.tongxin.common.TimeConfig;

/**
 * The service clock in tests: the real time plus an offset that a test moves forward with
 * {@link #advance}, so that "the cut-off has passed" or "the invitation has expired" needs neither
 * data in the past nor sleeping. Replaces the production clock (a default bean) in every test;
 * {@link RealTimeAgain} resets it after each test, since all test classes share one boot.
 */
@Singleton
public class TestClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    TestClock(TimeConfig time) {
        this.zone = time.zone();
    }

    /** Moves "now" forward (or back, with a negative duration) for every request from now on. */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Sets "now" to {@code when} (the clock then runs on from there at real speed). */
    public void setTo(OffsetDateTime when) {
        offset.set(Duration.between(Instant.now(), when.toInstant()));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.offset(Clock.system(other), offset.get());
    }
}
