package org.tongxin.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point. It only hands Quarkus one switch before start: the HTTP layer's own
 * request-target check (which answers a bare 400 with no body) is turned off, because
 * {@link EdgeFilters} makes the same check and answers 400 problem+json {@code MALFORMED_URI}.
 * Tests set the same system property through the build (pom.xml, surefire).
 */
@QuarkusMain
public final class Main {

    /** Read by Quarkus's root HTTP handler when it is created. */
    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private Main() {}

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_OFF, "true");
        Quarkus.run(args);
    }
}
