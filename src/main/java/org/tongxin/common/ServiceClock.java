package org.tongxin.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of "now" for business rules: cut-offs, expiries, check-in windows, rest times.
 * Services inject {@link Clock} and pass the instant into SQL as a parameter (never the
 * database's {@code now()}), so a test can move time by replacing this bean instead of creating
 * data in the past or sleeping. Production uses the system clock in the service zone.
 *
 * <p>Two things keep the real clock on purpose: access-token lifetimes (the JWT verifier reads the
 * system clock) and Redis key expiries (Redis keeps its own time).
 */
@ApplicationScoped
public class ServiceClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(TimeConfig time) {
        return Clock.system(time.zone());
    }
}
