package org.ibrasnn.djl.train;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelSpecJson;
import org.ibrasnn.core.io.Sha256;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.djl.ParameterTensors;

/**
 * A training model file a run starts from instead of a random initialisation (fine-tuning, for example an SNN
 * converted from its ReLU twin): the network must be the file's, and the run records the file's SHA-256.
 */
public record InitialWeights(Path file, String sha256, ModelFile model) {

    /** Reads {@code file}; refuses, naming it, a file that is not a training model file. */
    public static InitialWeights read(Path file) throws IOException {
        ModelFile model = ModelFile.read(file);
        if (!"training".equals(model.kind())) {
            throw new IllegalArgumentException(file + ": an initial model must be a training model file (from ibra "
                    + "train or ibra convert), not kind '" + model.kind() + "'");
        }
        return new InitialWeights(file, Sha256.of(file), model);
    }

    /** Refuses, naming the file, a network {@code spec} other than the file's (as its JSON differs). */
    public void requireNetwork(ModelSpec spec) {
        if (!ModelSpecJson.toJson(spec).equals(ModelSpecJson.toJson(model.spec()))) {
            throw new IllegalArgumentException(file + " holds another network (" + model.spec().arch() + ", "
                    + model.spec().activation().describe() + ", input " + model.spec().input() + ") than the one "
                    + "trained (" + spec.arch() + ", " + spec.activation().describe() + ", input " + spec.input()
                    + ")");
        }
    }

    /** Overwrites {@code parameters} of a network built from {@code spec}, which must be the file's network. */
    void load(ModelSpec spec, Map<String, Parameter> parameters) {
        requireNetwork(spec);
        ParameterTensors.loadAll(parameters, model.tensors());
    }
}
