package dev.cnnlab.report.analysis;

import java.util.List;

/**
 * A form of a technique's gain against the log of cost along one axis, on one scale.
 *
 * <p>The forms: M0, the gain is the same at every cost; M1, it moves linearly in log cost
 * (so it may shrink, grow, or change sign beyond the observed span). The scales: the gain in
 * points (top-1 of the set minus the baseline's), or relative, {@code ln(err_base / err_set)}
 * (the share of the baseline's error the technique removes, which stays put when both errors
 * shrink in proportion as models grow). A relative prediction turns back into points with the
 * baseline's measured error at the target, so it needs the baseline run there.
 *
 * <p>A saturating form (a gain that levels off as a power of cost) is not offered: its exponent
 * would have to come from the baseline's own error curve, a three-parameter fit that needs four
 * or more fidelities along the axis to leave a residual.
 *
 * @param form constant or linear in log cost
 * @param scale points or relative
 */
public record CurveModel(Form form, Scale scale) {

    /** The shape of the gain against log cost. */
    public enum Form {
        /** The gain is constant. */
        M0("constant", 1),
        /** The gain is linear in log cost. */
        M1("linear in log cost", 2);

        private final String words;
        private final int parameters;

        Form(String words, int parameters) {
            this.words = words;
            this.parameters = parameters;
        }

        /** How the report names it. */
        public String words() {
            return words;
        }

        /** Its number of fitted parameters. */
        public int parameters() {
            return parameters;
        }
    }

    /** The scale the form is fitted on. */
    public enum Scale {
        /** Top-1 points over the baseline. */
        POINTS("gain in points"),
        /** ln(err_base / err_set). */
        RELATIVE("relative gain ln(err_base / err_set)");

        private final String words;

        Scale(String words) {
            this.words = words;
        }

        /** How the report names it. */
        public String words() {
            return words;
        }
    }

    /** The four models, in the order ties are broken (simplest first). */
    public static final List<CurveModel> ALL = List.of(
            new CurveModel(Form.M0, Scale.POINTS),
            new CurveModel(Form.M1, Scale.POINTS),
            new CurveModel(Form.M0, Scale.RELATIVE),
            new CurveModel(Form.M1, Scale.RELATIVE));

    /** A short label: {@code M1 points}. */
    public String label() {
        return form.name() + (scale == Scale.POINTS ? " points" : " relative");
    }

    /** A phrase for the report: {@code M1 (linear in log cost) on the gain in points}. */
    public String describe() {
        return form.name() + " (" + form.words() + ") on the " + scale.words();
    }
}
