package org.ibrasnn.runtime;

import java.util.Map;
import java.util.function.Function;
import org.ibrasnn.core.model.Op;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;

/** The registry of executors by core op class: adding an op to the runtime is its executor file and one line here. */
final class OpExecutors {

    private static final Map<Class<? extends Op>, Function<Compiler.Site, Executor>> FACTORIES = Map.of(
            Conv.class, ConvExecutor::new,
            Linear.class, LinearExecutor::new,
            Neuron.class, NeuronExecutor::new,
            MaxPool.class, MaxPoolExecutor::new,
            GlobalAvgPool.class, GlobalAvgPoolExecutor::new,
            Flatten.class, FlattenExecutor::new,
            Add.class, AddExecutor::new);

    private OpExecutors() {}

    /** The executor of the site's node, or an error saying the op has none. */
    static Executor create(Compiler.Site site) {
        Function<Compiler.Site, Executor> factory = FACTORIES.get(site.node().op().getClass());
        if (factory == null) {
            throw new IllegalArgumentException("the runtime has no executor for this op" + (site.node().op() instanceof BatchNorm
                    ? " (the inference export folds batchnorm into the conv before it)" : ""));
        }
        return factory.apply(site);
    }
}
