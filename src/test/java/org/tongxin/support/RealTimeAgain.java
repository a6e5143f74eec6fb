package org.tongxin.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts the {@link TestClock} back to the real time after every test of every class: all test
 * classes share one boot, so a test that moved the clock must not leave later ones in the future.
 * Registered in {@code META-INF/services}.
 */
public class RealTimeAgain implements QuarkusTestAfterEachCallback {

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container != null) {
            container.instance(TestClock.class).get().reset();
        }
    }
}
