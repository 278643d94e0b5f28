package dev.apwire.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Float formatting against Python's own {@code repr} of 5,000+ doubles (written by python3 into the resource). */
class PythonTextTest {

    @Test
    void matchesPythonRepr() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (InputStream in = PythonTextTest.class.getResourceAsStream("/python-float-repr.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(" ");
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                String ours = PythonText.floatRepr(d);
                n++;
                if (!ours.equals(parts[1])) {
                    mismatches.add(parts[1] + " vs " + ours);
                }
                assertThat(Double.parseDouble(ours)).isEqualTo(d);
            }
        }
        assertThat(n).isGreaterThan(5000);
        assertThat(mismatches).isEmpty();
    }
}
