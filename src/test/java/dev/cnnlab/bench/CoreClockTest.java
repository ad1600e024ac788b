package dev.cnnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CoreClockTest {

    @Test
    void theMeasuredClockIsARealCoreClock() {
        double mhz = CoreClock.measureMhz();
        // A folded or vectorised chain would read as tens of GHz, an interpreted one as a few hundred MHz.
        assertThat(mhz).isBetween(500.0, 7000.0);
    }

    @Test
    void itAgreesWithTheNominalClockWithinTurboAndThrottlingMargins() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "no /proc/cpuinfo");
        Matcher nominal =
                Pattern.compile("cpu MHz\\s*:\\s*([0-9.]+)").matcher(Files.readString(Path.of("/proc/cpuinfo")));
        org.junit.jupiter.api.Assumptions.assumeTrue(nominal.find(), "this /proc/cpuinfo states no clock");
        double ratio = CoreClock.measureMhz() / Double.parseDouble(nominal.group(1));
        assertThat(ratio).isBetween(0.5, 3.0);
    }
}
