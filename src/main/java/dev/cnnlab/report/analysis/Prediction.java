package dev.cnnlab.report.analysis;

import java.util.List;

/**
 * What the study predicts about gains it did not (or not yet) measure at the target: each set's
 * gain extrapolated along every axis with three or more fidelities, and, where none exists, why.
 *
 * @param axes the axes along which the target has enough fidelities
 * @param extrapolations each set's prediction along each axis
 * @param absent why there is no extrapolation, when {@code axes} is empty (else empty)
 */
public record Prediction(List<ScalingAxis> axes, List<GainPrediction> extrapolations, String absent) {

    public Prediction {
        axes = List.copyOf(axes);
        extrapolations = List.copyOf(extrapolations);
    }

    /** Predicts from the evidence and its gains with the default options. */
    static Prediction of(dev.cnnlab.report.load.Evidence evidence, List<GainEstimate> gains) {
        List<ScalingAxis> axes = ScalingAxis.all(evidence);
        String absent = axes.isEmpty()
                ? "no axis has " + ScalingAxis.MIN_FIDELITIES + " fidelities (the target and two proxies) that"
                        + " differ from the target in one field alone (depth, width, resolution, data or epochs):"
                        + " add proxies along one axis to extrapolate gains to the target"
                : "";
        return new Prediction(
                axes, GainExtrapolation.all(evidence, gains, GainExtrapolation.Options.DEFAULT), absent);
    }
}
