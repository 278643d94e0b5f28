package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Shell splitting and fuzzy matching as MultiServer's {@code shlex.split} and {@code get_intended_text} (§2, §3). */
class CommandTextTest {

    @Test
    void splitsLikeShlexAndFallsBackOnBrokenQuotes() {
        assertThat(CommandText.split("!hint  \"Red Pebble\"  x")).containsExactly("!hint", "Red Pebble", "x");
        assertThat(CommandText.split("a 'b c'd \"e\\\"f\" g\\ h")).containsExactly("a", "b cd", "e\"f", "g h");
        assertThat(CommandText.split("!hint \"Red Pebble")).containsExactly("!hint", "\"Red", "Pebble");
        assertThat(CommandText.split("   ")).isEmpty();
        assertThat(CommandText.rawArgument(" !hint   Red  Pebble ")).isEqualTo("Red  Pebble ");
        assertThat(CommandText.rawArgument("!hint   ")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Red Pebble|true|Perfect Match",
        "red pebble|true|Case Insensitive Perfect Match",
        "red pebl|true|Close Match",
        "pebble|false|Didn't find something that closely matches 'pebble', did you mean 'Red Pebble'? (60% sure)",
        "Pebble Trapp|true|Close Match",
        "zz|false|Didn't find something that closely matches 'zz', did you mean 'Red Pebble'? (0% sure)"})
    void matchesAsGetIntendedText(String input, boolean usable, String response) {
        CommandText.Match m = CommandText.intended(input, List.of("Red Pebble", "Blue Pebble", "Golden Key", "Pebble Trap"));
        assertThat(m.usable()).isEqualTo(usable);
        assertThat(m.response()).isEqualTo(response);
    }

    @Test
    void ambiguityOneCandidateAndNone() {
        assertThat(CommandText.intended("Pebble X", List.of("Pebble A", "Pebble B")).response())
                .isEqualTo("Too many close matches for 'Pebble X', did you mean 'Pebble A'? (87% sure)");
        assertThat(CommandText.intended("Alic", List.of("Alice")).response())
                .isEqualTo("Didn't find something that closely matches 'Alic', did you mean 'Alice'? (80% sure)");
        assertThat(CommandText.intended("alice", List.of("Alice")).response()).isEqualTo("Only Option Match");
        assertThatThrownBy(() -> CommandText.intended("x", List.of())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(CommandText.damerauLevenshtein("ca", "abc")).isEqualTo(2); // unrestricted: transposition then insertion
        assertThat(CommandText.intended("x".repeat(100_000), List.of("Alice", "Bob")).usable()).isFalse();
    }
}
