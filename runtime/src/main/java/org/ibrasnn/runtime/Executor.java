package org.ibrasnn.runtime;

/**
 * The compiled form of one graph node: weights laid out for the engine, the {@link Port} its values leave
 * through, and one timestep of work. Executors are shared by all engine threads, so whatever changes
 * between images (membranes, counters) lives in the {@link StepContext}. One file per op, listed in
 * {@link OpExecutors}.
 */
interface Executor {

    /** What the node's values are. */
    Port output();

    /**
     * The node's value at timestep {@code step.t} from the values of its inputs, in the node's input order
     * (each described by the port the executor was compiled with).
     */
    Value run(Value[] inputs, StepContext step);
}
