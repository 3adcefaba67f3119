package io.bouncedesk.app.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Medians of repeated runs after warm-up. */
final class Timing {

    private Timing() {
    }

    /** Runs {@code work} {@code warmups} times unmeasured, then {@code runs} times; returns the median in ms. */
    static double medianMillis(int warmups, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            work.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
