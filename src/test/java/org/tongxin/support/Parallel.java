package org.tongxin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Real parallel requests for the invariants that races must not break: one thread per call, all
 * held at a latch and released together, answers returned in the order of the inputs.
 */
public final class Parallel {

    private Parallel() {}

    /** Runs {@code call} once per item, all at once; the results in item order. */
    public static <T, R> List<R> run(List<T> items, Function<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(items.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(item);
                }));
            }
            start.countDown();
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code call} {@code times} times at once (the same request fired in parallel). */
    public static <R> List<R> times(int times, Function<Integer, R> call) throws Exception {
        return run(IntStream.range(0, times).boxed().toList(), call);
    }
}
