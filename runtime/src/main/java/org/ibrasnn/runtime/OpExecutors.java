package org.ibrasnn.runtime;

import java.util.Map;
import java.util.function.Function;
import org.ibrasnn.core.model.Op;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Concat;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.Upsample;

/** The registry of executors by core op class: adding an op to the runtime is its executor file and one line here. */
final class OpExecutors {

    private static final Map<Class<? extends Op>, Function<Compiler.Site, Executor>> FACTORIES = Map.ofEntries(
            Map.entry(Conv.class, ConvExecutor::new),
            Map.entry(Linear.class, LinearExecutor::new),
            Map.entry(Neuron.class, NeuronExecutor::new),
            Map.entry(MaxPool.class, MaxPoolExecutor::new),
            Map.entry(GlobalAvgPool.class, GlobalAvgPoolExecutor::new),
            Map.entry(Flatten.class, FlattenExecutor::new),
            Map.entry(Add.class, AddExecutor::new),
            Map.entry(Concat.class, ConcatExecutor::new),
            Map.entry(Upsample.class, UpsampleExecutor::new));

    private OpExecutors() {}

    /** The executor of the site's node, or an error saying the op has none. */
    static Executor create(Compiler.Site site) {
        Op op = site.node().op();
        Function<Compiler.Site, Executor> factory = FACTORIES.get(op.getClass());
        if (factory == null) {
            throw new IllegalArgumentException("the runtime has no executor for this op" + (op instanceof BatchNorm
                    ? " (the inference export folds batchnorm into the conv before it)" : ""));
        }
        return factory.apply(site);
    }
}
