package dev.cnnlab.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * Trainable parameters and forward FLOPs of an initialised network, read from the blocks
 * themselves (not from a formula), so the count is what actually trains.
 *
 * <p>FLOPs follow the usual convention of 2 x multiply-adds of convolutions and fully connected
 * layers; batch norm, activations, pooling and additions are not counted.
 *
 * @param spec the model
 * @param params trainable parameters
 * @param flopsPerImage forward FLOPs for one 32x32 image
 * @param parts per top-level part: name, output shape, parameters, FLOPs
 */
public record ModelSummary(ModelSpec spec, long params, long flopsPerImage, List<Part> parts) {

    /** One top-level part of the network. */
    public record Part(String name, String outputShape, long params, long flops) {}

    /** Summarises an initialised network built by {@link PreActResNet} for one-image input. */
    public static ModelSummary of(ModelSpec spec, SequentialBlock network, Shape inputShape) {
        List<Part> parts = new ArrayList<>();
        Shape[] shapes = {inputShape};
        long totalParams = 0;
        long totalFlops = 0;
        List<Block> children = network.getChildren().values();
        for (int i = 0; i < children.size(); i++) {
            Block part = children.get(i);
            FlopCount count = new FlopCount();
            Shape[] out = count.walk(part, shapes);
            long params = trainableParams(part);
            List<String> names = PreActResNet.partNames(spec);
            String name = i < names.size() ? names.get(i) : "part" + i;
            parts.add(new Part(name, out[0].slice(1).toString(), params, count.flops));
            totalParams += params;
            totalFlops += count.flops;
            shapes = out;
        }
        return new ModelSummary(spec, totalParams, totalFlops / inputShape.get(0), List.copyOf(parts));
    }

    /** Parameters that receive gradients (BN running statistics excluded). */
    public static long trainableParams(Block block) {
        long total = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                total += p.getArray().getShape().size();
            }
        }
        return total;
    }

    /** Walks a block tree propagating shapes and adding conv / linear multiply-adds. */
    private static final class FlopCount {
        long flops;

        Shape[] walk(Block block, Shape[] in) {
            if (block instanceof SequentialBlock) {
                Shape[] shapes = in;
                for (Block child : block.getChildren().values()) {
                    shapes = walk(child, shapes);
                }
                return shapes;
            }
            if (block instanceof ParallelBlock) {
                for (Block child : block.getChildren().values()) {
                    walk(child, in);
                }
                return block.getOutputShapes(in);
            }
            Shape[] out = block.getOutputShapes(in);
            if (block instanceof Convolution || block instanceof Linear) {
                Shape weight = block.getParameters().get("weight").getArray().getShape();
                long outputsPerWeightUse = block instanceof Convolution
                        ? out[0].get(0) * out[0].slice(2).size()
                        : out[0].get(0);
                // weight.size() = outC * inC/groups * kh * kw multiply-adds per output position
                flops += 2 * weight.size() * outputsPerWeightUse;
            }
            return out;
        }
    }
}
