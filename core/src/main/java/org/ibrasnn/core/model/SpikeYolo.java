package org.ibrasnn.core.model;

import java.util.List;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Concat;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.StandardizedConv;
import org.ibrasnn.core.model.ops.Upsample;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.core.task.detection.HeadLayout;

/**
 * SpikeYOLO-style detectors (BICLab/SpikeYOLO's {@code snn_yolov8.yaml}: the YOLOv8 layout with spike-driven
 * blocks), for the {@code detect} task. The image feeds a 7x7 stride-4 conv; four backbone stages (MS blocks
 * with 4x, 4x, 3x and 2x conv blocks, 3/6/9/3 repeats before depth scaling) are joined by stride-2 3x3 convs;
 * an SPPF block (three 5x5 max-pools of membrane values) ends the backbone; an FPN/PAN neck of 1x1 convs, 2x
 * nearest upsampling, concatenation and stride-2 3x3 convs feeds a decoupled head at strides 8, 16 and 32.
 * Every conv but the first reads a neuron's spikes. An MS block is a separable residual (1x1 conv widening 2x,
 * 7x7 depthwise, 1x1 back, each after a neuron and before a BN) followed by a conv residual C -> rC -> C: in the
 * first two stages and their neck blocks two 3x3 convs; elsewhere, as SpikeYOLO's re-parameterisable convs,
 * each 3x3 conv factored into 1x1, 3x3 depthwise and 1x1 convs (with a neuron and BN between, so that each
 * conv reads spikes). Channels scale as YOLOv8's: {@code ceil8(min(c, maxChannels) * width)}, repeats
 * {@code max(round(n * depth), 1)}.
 */
final class SpikeYolo {

    /**
     * A member of the family: depth and width multipliers, the channel cap before scaling, the kernel of the
     * separable block's depthwise conv, whether the stem is two stride-2 3x3 convs (half then full width, spikes
     * between) instead of one 7x7 stride-4 conv, whether the network has depthwise convs at all (without them
     * each MS block is its conv residual alone, every 3x3 conv a full one), and whether the two-step stem's convs
     * standardise their weights ({@link StandardizedConv}) instead of being followed by BatchNorm.
     */
    record Scale(double depth, double width, int maxChannels, int sepKernel, boolean twoStepStem, boolean depthwise,
                 boolean standardizedStem) {

        int channels(int c) {
            return (int) Math.ceil(Math.min(c, maxChannels) * width / 8) * 8;
        }

        int repeats(int n) {
            return n > 1 ? Math.max((int) Math.round(n * depth), 1) : n;
        }
    }

    /** SpikeYOLO's {@code n}: 13.2 M parameters at 80 classes. */
    static final Scale N = new Scale(0.33, 0.375, 1024, 7, false, true, false);

    /**
     * The CPU-sized member for 64x64 scenes: half of {@code n}'s width with the channels capped at 512 before
     * scaling (96 in the two deepest stages), one block per stage, and 3x3 depthwise convs in the separable blocks
     * (at 8x8 and below a 7x7 kernel mostly reads padding, and libtorch's CPU depthwise kernels are slow).
     */
    static final Scale PICO = new Scale(0.1, 0.1875, 512, 3, false, true, false);

    /**
     * Pico for CPU speed: no depthwise convs (libtorch trains them slowly on CPU, and on the reference scenes this
     * member trained 1.2x faster per image and scored higher per epoch) and the two-step stem.
     */
    static final Scale PICO_CONV = new Scale(0.1, 0.1875, 512, 3, true, false, false);

    /**
     * Pico-conv with both stem convs weight-standardised instead of batch-normalised: a scene holds one to four
     * garments on black, so the stem's batch means swing with the batch, and a network that leans on them scores
     * worse on single images at inference than on batches.
     */
    static final Scale PICO_WS = new Scale(0.1, 0.1875, 512, 3, true, false, true);

    private SpikeYolo() {}

    static ModelSpec build(String arch, Architectures.Request r, Scale s) {
        GraphBuilder g = new GraphBuilder();
        int c1 = s.channels(128);
        int c2 = s.channels(256);
        int c3 = s.channels(512);
        int c4 = s.channels(1024);
        if (s.twoStepStem() && s.standardizedStem()) {
            g.then("stem.conv", new StandardizedConv(r.input().channels(), c1 / 2, 3, 2, 1, StandardizedConv.EPS))
                    .then("stem2.neuron", new Neuron())
                    .then("stem2.conv", new StandardizedConv(c1 / 2, c1, 3, 2, 1, StandardizedConv.EPS));
        } else if (s.twoStepStem()) {
            conv(g, "stem", r.input().channels(), c1 / 2, 3, 2, 1, 1, true);
            neuronConv(g, "stem2", c1 / 2, c1, 3, 2, 1, 1, false);
        } else {
            conv(g, "stem", r.input().channels(), c1, 7, 4, 2, 1, true);
        }
        stage(g, s, "stage1", c1, s.repeats(3), 4, false);
        neuronConv(g, "down2", c1, c2, 3, 2, 1, 1, true);
        String p3 = stage(g, s, "stage2", c2, s.repeats(6), 4, false);
        neuronConv(g, "down3", c2, c3, 3, 2, 1, 1, true);
        String p4 = stage(g, s, "stage3", c3, s.repeats(9), 3, true);
        neuronConv(g, "down4", c3, c4, 3, 2, 1, 1, true);
        stage(g, s, "stage4", c4, s.repeats(3), 2, true);
        sppf(g, c4, c4);
        String top = standard(g, "neck.reduce5", c4, c3, 1, 1);
        g.then("neck.up5", new Upsample(2));
        msBlock(g, s, "neck.fpn4", c3, 3, true);
        g.node("neck.cat4", new Concat(), List.of(g.last(), p4));
        String mid = standard(g, "neck.reduce4", 2 * c3, c2, 1, 1);
        g.then("neck.up4", new Upsample(2));
        msBlock(g, s, "neck.fpn3", c2, 4, false);
        g.node("neck.cat3", new Concat(), List.of(g.last(), p3));
        standard(g, "neck.reduce3", 2 * c2, c2, 1, 1);
        String out3 = msBlock(g, s, "neck.out3", c2, 4, false);
        standard(g, "neck.down3", c2, c2, 3, 2);
        g.node("neck.pan4", new Concat(), List.of(g.last(), mid));
        String out4 = msBlock(g, s, "neck.out4", 2 * c2, 3, true);
        standard(g, "neck.down4", 2 * c2, c3, 3, 2);
        g.node("neck.pan5", new Concat(), List.of(g.last(), top));
        String out5 = msBlock(g, s, "neck.out5", 2 * c3, 1, true);
        int boxWidth = Math.max(Math.max(16, c2 / 4), 4 * HeadLayout.REG_MAX);
        int classWidth = Math.max(c2, Math.min(r.classes(), 100));
        List<String> outputs = List.of(
                detect(g, "head.p3", out3, c2, boxWidth, classWidth, r.classes()),
                detect(g, "head.p4", out4, 2 * c2, boxWidth, classWidth, r.classes()),
                detect(g, "head.p5", out5, 2 * c3, boxWidth, classWidth, r.classes()));
        return new ModelSpec(arch, r.input(), r.classes(), r.activation(), g.build(outputs), 1, Tasks.named("detect"));
    }

    /** {@code repeats} MS blocks on the previous node; returns the last. */
    private static String stage(GraphBuilder g, Scale s, String name, int c, int repeats, int ratio, boolean factored) {
        for (int i = 0; i < repeats; i++) {
            msBlock(g, s, name + "." + i, c, ratio, factored);
        }
        return g.last();
    }

    /**
     * The separable residual, then the conv residual {@code c -> ratio * c -> c} (the conv residual alone, with full
     * 3x3 convs, in a member without depthwise convs); returns the last node.
     */
    private static String msBlock(GraphBuilder g, Scale s, String name, int c, int ratio, boolean factored) {
        if (!s.depthwise()) {
            return convBlock(g, name, c, ratio, false);
        }
        g.residual(name + ".sep", name + ".sep.neuron", b -> {
            conv(b, name + ".sep.pw1", c, 2 * c, 1, 1, 0, 1, false);
            neuronConv(b, name + ".sep.dw", 2 * c, 2 * c, s.sepKernel(), 1, s.sepKernel() / 2, 2 * c, false);
            neuronConv(b, name + ".sep.pw2", 2 * c, c, 1, 1, 0, 1, false);
        }, null);
        return convBlock(g, name, c, ratio, factored);
    }

    /** The conv residual {@code c -> ratio * c -> c}; returns the last node. */
    private static String convBlock(GraphBuilder g, String name, int c, int ratio, boolean factored) {
        g.residual(name + ".mlp", name + ".mlp.neuron", b -> {
            if (factored) {
                factored(b, name + ".mlp.conv1", c, ratio * c);
                b.then(name + ".mlp.neuron1", new Neuron());
                factored(b, name + ".mlp.conv2", ratio * c, c);
            } else {
                conv(b, name + ".mlp.conv1", c, ratio * c, 3, 1, 1, 1, false);
                neuronConv(b, name + ".mlp.conv2", ratio * c, c, 3, 1, 1, 1, false);
            }
        }, null);
        return g.last();
    }

    /** A 3x3 conv {@code in -> out} as 1x1, depthwise 3x3 and 1x1 convs, each with its BN, spikes between. */
    private static void factored(GraphBuilder g, String name, int in, int out) {
        conv(g, name + ".pw1", in, in, 1, 1, 0, 1, false);
        neuronConv(g, name + ".dw", in, in, 3, 1, 1, in, false);
        neuronConv(g, name + ".pw2", in, out, 1, 1, 0, 1, false);
    }

    /** SPPF: a 1x1 conv halving the channels, three chained 5x5 max-pools, all four concatenated, a 1x1 conv. */
    private static void sppf(GraphBuilder g, int in, int out) {
        String reduced = neuronConv(g, "sppf.cv1", in, in / 2, 1, 1, 0, 1, false);
        g.then("sppf.pool1", new MaxPool(5, 1, 2)).then("sppf.pool2", new MaxPool(5, 1, 2))
                .then("sppf.pool3", new MaxPool(5, 1, 2));
        g.node("sppf.cat", new Concat(), List.of(reduced, "sppf.pool1", "sppf.pool2", "sppf.pool3"));
        neuronConv(g, "sppf.cv2", 2 * in, out, 1, 1, 0, 1, false);
    }

    /** A neuron and a conv with "same" padding and BN; returns the BN. */
    private static String standard(GraphBuilder g, String name, int in, int out, int kernel, int stride) {
        return neuronConv(g, name, in, out, kernel, stride, kernel / 2, 1, false);
    }

    /** One level's box branch (two 3x3 convs, a 1x1 to the bins) and class branch, concatenated. */
    private static String detect(GraphBuilder g, String name, String from, int in, int boxWidth, int classWidth,
                                 int classes) {
        String box = branch(g, name + ".box", from, in, boxWidth, 4 * HeadLayout.REG_MAX);
        String cls = branch(g, name + ".cls", from, in, classWidth, classes);
        g.node(name, new Concat(), List.of(box, cls));
        return name;
    }

    private static String branch(GraphBuilder g, String name, String from, int in, int width, int out) {
        g.node(name + ".neuron0", new Neuron(), List.of(from));
        conv(g, name + ".conv0", in, width, 3, 1, 1, 1, false);
        neuronConv(g, name + ".conv1", width, width, 3, 1, 1, 1, false);
        g.then(name + ".neuron2", new Neuron()).then(name + ".pred", new Conv(width, out, 1, 1, 0, true));
        return g.last();
    }

    /** A neuron named {@code name.neuron}, then {@link #conv}; returns the BN. */
    private static String neuronConv(GraphBuilder g, String name, int in, int out, int kernel, int stride,
                                     int padding, int groups, boolean bias) {
        g.then(name + ".neuron", new Neuron());
        return conv(g, name, in, out, kernel, stride, padding, groups, bias);
    }

    /** {@code name.conv} and {@code name.bn} on the previous node; returns the BN. */
    private static String conv(GraphBuilder g, String name, int in, int out, int kernel, int stride, int padding,
                               int groups, boolean bias) {
        g.then(name + ".conv", new Conv(in, out, kernel, stride, padding, groups, bias))
                .then(name + ".bn", new BatchNorm(out, 1e-5));
        return g.last();
    }
}
