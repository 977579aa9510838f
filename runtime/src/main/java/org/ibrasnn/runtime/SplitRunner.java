package org.ibrasnn.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs the independent parts of one convolution of a single image (its bit-planes, or bands of its output
 * rows) on the calling thread plus {@code cores - 1} daemon helpers. A convolution of a small image takes
 * well under a millisecond, about what waking a parked pool thread costs, so helpers spin for a short
 * while after each job before they park: the next convolution of the same image usually finds them
 * awake. Jobs go through one at a time.
 */
final class SplitRunner {

    /** How long an idle helper spins before it parks. */
    private static final long SPIN_NANOS = 1_000_000;

    private static final SplitRunner SHARED = new SplitRunner(Runtime.getRuntime().availableProcessors() - 1);

    private final Thread[] helpers;
    private volatile Job current;
    /** Helpers parked or about to park; only then does {@link #run} wake them (an unpark costs a system call). */
    private final AtomicInteger parking = new AtomicInteger();

    /** One call of {@link #run} with its own claim counter, so a helper late from a previous job claims nothing. */
    private record Job(IntConsumer body, int count, AtomicInteger next, AtomicInteger unfinished,
                       AtomicReference<Throwable> failure) {

        void work() {
            for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                try {
                    body.accept(b);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    unfinished.decrementAndGet();
                }
            }
        }
    }

    private SplitRunner(int helperCount) {
        helpers = new Thread[Math.max(0, helperCount)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(this::help, "ibra-split-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    /** The runner shared by all single-image engines. */
    static SplitRunner shared() {
        return SHARED;
    }

    /** Calls {@code body} once for every part in {@code [0, count)}, in parallel, and returns when all are done. */
    synchronized void run(int count, IntConsumer body) {
        Job job = new Job(body, count, new AtomicInteger(), new AtomicInteger(count), new AtomicReference<>());
        if (helpers.length > 0 && count > 1) {
            current = job;
            if (parking.get() > 0) {
                for (Thread h : helpers) {
                    LockSupport.unpark(h);
                }
            }
        }
        job.work();
        while (job.unfinished().get() > 0) {
            Thread.onSpinWait();
        }
        Throwable t = job.failure().get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private void help() {
        Job done = null;
        while (true) {
            long idleSince = System.nanoTime();
            while (current == done) {
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parking.incrementAndGet();
                    if (current == done) {
                        LockSupport.park(this);
                    }
                    parking.decrementAndGet();
                }
            }
            done = current;
            done.work();
        }
    }
}
