package dev.cnnlab.report;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Keep or drop a technique set, as the small model and the large model would each decide it.
 * A set is kept on a model when its gain over the baseline is positive; {@link NoiseLevel} says
 * separately whether that call is within the noise.
 *
 * @param set the technique set
 * @param smallGain gain on the small model, when known
 * @param largeGain gain on the large model, when known
 */
public record Verdict(String set, OptionalDouble smallGain, OptionalDouble largeGain) {

    /** A model's decision. */
    public enum Decision {
        KEEP, DROP, UNKNOWN;

        static Decision of(OptionalDouble gain) {
            if (gain.isEmpty()) {
                return UNKNOWN;
            }
            return gain.getAsDouble() > 0 ? KEEP : DROP;
        }

        /** Lower-case word for reports. */
        public String word() {
            return this == UNKNOWN ? "—" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Decision small() {
        return Decision.of(smallGain);
    }

    public Decision large() {
        return Decision.of(largeGain);
    }

    /** Whether the small model's call matches the large model's; empty when either is unknown. */
    public Optional<Boolean> agree() {
        if (small() == Decision.UNKNOWN || large() == Decision.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(small() == large());
    }
}
