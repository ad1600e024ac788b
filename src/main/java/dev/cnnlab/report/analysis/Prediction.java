package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the study predicts about gains it did not (or not yet) measure at the target: each set's
 * gain extrapolated along every axis with three or more fidelities, and the calibrated transfer
 * from each proxy's gains to the target's across technique sets, with the user's questions to it.
 *
 * @param axes the axes along which the target has enough fidelities
 * @param extrapolations each set's prediction along each axis
 * @param absent why there is no extrapolation, when {@code axes} is empty (else empty)
 * @param transfers one transfer model (or its refusal) per proxy fidelity
 */
public record Prediction(
        List<ScalingAxis> axes, List<GainPrediction> extrapolations, String absent, List<Transfer> transfers) {

    public Prediction {
        axes = List.copyOf(axes);
        extrapolations = List.copyOf(extrapolations);
        transfers = List.copyOf(transfers);
    }

    /**
     * The transfer from one proxy's gains to the target's.
     *
     * @param proxy the proxy fidelity
     * @param target the target fidelity
     * @param points the sets measured at both
     * @param outcome the fitted model, or why there is none
     * @param validation leave-one-technique-out, when there are enough sets to fit without one
     * @param answers the user's requested predictions from this proxy
     */
    public record Transfer(
            String proxy,
            String target,
            List<TransferPoint> points,
            TransferOutcome outcome,
            Optional<TransferValidation> validation,
            List<Answer> answers) {

        public Transfer {
            points = List.copyOf(points);
            answers = List.copyOf(answers);
        }
    }

    /**
     * A requested prediction and what the model says.
     *
     * @param request what was asked
     * @param prediction the prediction, when the model fitted
     * @param refusal why there is none (empty when there is)
     */
    public record Answer(TransferRequest request, Optional<TransferPrediction> prediction, String refusal) {}

    /** Predicts from the evidence and its gains, answering {@code requests}. */
    static Prediction of(Evidence evidence, List<GainEstimate> gains, List<TransferRequest> requests) {
        List<ScalingAxis> axes = ScalingAxis.all(evidence);
        String absent = axes.isEmpty()
                ? "no axis has " + ScalingAxis.MIN_FIDELITIES + " fidelities (the target and two proxies) that"
                        + " differ from the target in one field alone (depth, width, resolution, data or epochs):"
                        + " add proxies along one axis to extrapolate gains to the target"
                : "";
        List<String> proxies = evidence.fidelityNames().stream()
                .filter(f -> !f.equals(evidence.target()))
                .filter(f -> gains.stream().anyMatch(g -> g.fidelity().equals(f)))
                .toList();
        for (TransferRequest r : requests) {
            if (r.from() == null && proxies.size() != 1) {
                throw new IllegalArgumentException("say which proxy " + r.set() + "'s gain was measured on"
                        + " (--from): one of " + String.join(", ", proxies));
            }
            if (r.from() != null && !proxies.contains(r.from())) {
                throw new IllegalArgumentException("'" + r.from()
                        + "' is not a proxy with gains in this study: use one of " + String.join(", ", proxies));
            }
        }
        List<Transfer> transfers = new ArrayList<>();
        for (String proxy : proxies) {
            List<TransferPoint> points = TransferPoint.between(gains, proxy, evidence.target(), evidence.composition());
            TransferOutcome outcome = TransferModel.of(points, proxy, evidence.target());
            Optional<TransferValidation> validation = points.size() >= TransferModel.MIN_SETS
                    ? Optional.of(TransferValidation.of(points, proxy, evidence.target()))
                    : Optional.empty();
            List<Answer> answers = new ArrayList<>();
            for (TransferRequest r : requests) {
                if (!proxy.equals(r.from() == null ? proxies.get(0) : r.from())) {
                    continue;
                }
                answers.add(
                        outcome instanceof TransferFit fit
                                ? new Answer(r, Optional.of(fit.predict(r.gain(), r.se())), "")
                                : new Answer(r, Optional.empty(), ((TransferRefusal) outcome).line()));
            }
            transfers.add(new Transfer(proxy, evidence.target(), points, outcome, validation, answers));
        }
        return new Prediction(
                axes,
                GainExtrapolation.all(evidence, axes, gains, GainExtrapolation.Options.DEFAULT),
                absent,
                transfers);
    }
}
