package dev.apwire.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text rules of MultiServer's command processors: POSIX shell splitting (server-features.md §2), the raw
 * argument of a raw command, {@code str.isnumeric()}, and fuzzy name matching ({@code get_intended_text}, §3).
 * Stateless.
 */
final class CommandText {

    /** The longest texts compared by edit distance; names are far shorter, so this only bounds hostile input. */
    static final int MAX_MATCH_LENGTH = 256;

    private CommandText() {
    }

    /** The outcome of matching a name: the best candidate, whether it may be used, and the reference's text. */
    record Match(String name, boolean usable, String response) {
    }

    /** {@return {@code shlex.split(raw)}, or {@code raw.split()} when the quoting is broken (an unclosed quote)} */
    static List<String> split(String raw) {
        List<String> out = new ArrayList<>();
        StringBuilder token = null;
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (quote == '\'') {
                if (ch == '\'') {
                    quote = 0;
                } else {
                    token.append(ch);
                }
            } else if (quote == '"') {
                if (ch == '"') {
                    quote = 0;
                } else if (ch == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '"' || raw.charAt(i + 1) == '\\')) {
                    token.append(raw.charAt(++i));
                } else {
                    token.append(ch);
                }
            } else if (Character.isWhitespace(ch)) {
                if (token != null) {
                    out.add(token.toString());
                    token = null;
                }
            } else {
                if (token == null) {
                    token = new StringBuilder();
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '\\') {
                    if (i + 1 >= raw.length()) {
                        return whitespaceSplit(raw);
                    }
                    token.append(raw.charAt(++i));
                } else {
                    token.append(ch);
                }
            }
        }
        if (quote != 0) {
            return whitespaceSplit(raw);
        }
        if (token != null) {
            out.add(token.toString());
        }
        return out;
    }

    /** {@return Python's {@code str.split()}: runs of whitespace separate, none at either end} */
    static List<String> whitespaceSplit(String raw) {
        List<String> out = new ArrayList<>();
        for (String s : raw.strip().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@return {@code raw.split(maxsplit=1)[1]}: the text after the first word, left-stripped, or {@code null}} */
    static @Nullable String rawArgument(String raw) {
        String s = raw.stripLeading();
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        String rest = s.substring(i).stripLeading();
        return rest.isEmpty() ? null : rest;
    }

    /** {@return {@code str.isnumeric()} for the digits Java knows: non-empty and every character a digit} */
    static boolean isNumeric(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
    }

    /** {@return the value of a numeric text, or {@code null} when it does not fit a long} */
    static @Nullable Long number(String s) {
        long v = 0;
        for (int cp : s.codePoints().toArray()) {
            int d = Character.digit(cp, 10);
            if (d < 0 || v > (Long.MAX_VALUE - d) / 10) {
                return null;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** {@return Python's {@code int(text)} for a plain integer text (sign and surrounding space allowed), or {@code null}} */
    static @Nullable Integer pythonInt(String text) {
        String s = text.strip().replace("_", "");
        if (s.isEmpty() || text.strip().startsWith("_") || text.strip().endsWith("_") || text.contains("__")) {
            return null;
        }
        try {
            return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code get_intended_text}: the candidate most like {@code input} and whether it is clear enough to use.
     *
     * @throws IndexOutOfBoundsException when there are no candidates (the reference's IndexError)
     */
    static Match intended(String input, List<String> candidates) {
        if (candidates.isEmpty()) {
            throw new IndexOutOfBoundsException("list index out of range");
        }
        String lower = input.toLowerCase(Locale.ROOT);
        double best = -1;
        double second = -1;
        String bestName = candidates.get(0);
        for (String c : candidates) {
            double r;
            if (c.equals(input)) {
                r = 1.01;
            } else {
                int li = input.codePointCount(0, input.length());
                int lc = c.codePointCount(0, c.length());
                int m = Math.max(li, lc);
                // bounded work: past MAX_MATCH_LENGTH only a case-insensitive equality counts
                if (m > MAX_MATCH_LENGTH) {
                    r = lower.equals(c.toLowerCase(Locale.ROOT)) ? 1.0 : 0.0;
                } else {
                    r = m == 0 ? 1.0 : 1 - (double) damerauLevenshtein(lower, c.toLowerCase(Locale.ROOT)) / m;
                }
            }
            if (r > best) {
                second = best;
                best = r;
                bestName = c;
            } else if (r > second) {
                second = r;
            }
        }
        int p0 = (int) (best * 100);
        if (candidates.size() >= 2) {
            int p1 = (int) (second * 100);
            if (p0 == 101) {
                return new Match(bestName, true, "Perfect Match");
            }
            if (p0 == 100) {
                return new Match(bestName, true, "Case Insensitive Perfect Match");
            }
            if (p0 < 75) {
                return new Match(bestName, false, notFound(input, bestName, p0));
            }
            if (p0 - p1 > 5) {
                return new Match(bestName, true, "Close Match");
            }
            return new Match(bestName, false, "Too many close matches for '" + input + "', did you mean '" + bestName
                    + "'? (" + p0 + "% sure)");
        }
        if (p0 > 90) {
            return new Match(bestName, true, "Only Option Match");
        }
        return new Match(bestName, false, notFound(input, bestName, p0));
    }

    private static String notFound(String input, String best, int p) {
        return "Didn't find something that closely matches '" + input + "', did you mean '" + best + "'? (" + p + "% sure)";
    }

    /** The unrestricted Damerau-Levenshtein distance over code points (jellyfish's). */
    static int damerauLevenshtein(String a, String b) {
        int[] s = a.codePoints().toArray();
        int[] t = b.codePoints().toArray();
        int n = s.length;
        int m = t.length;
        int max = n + m;
        Map<Integer, Integer> last = new HashMap<>();
        int[][] d = new int[n + 2][m + 2];
        d[0][0] = max;
        for (int i = 0; i <= n; i++) {
            d[i + 1][0] = max;
            d[i + 1][1] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j + 1] = max;
            d[1][j + 1] = j;
        }
        for (int i = 1; i <= n; i++) {
            int db = 0;
            for (int j = 1; j <= m; j++) {
                int i1 = last.getOrDefault(t[j - 1], 0);
                int j1 = db;
                int cost = 1;
                if (s[i - 1] == t[j - 1]) {
                    cost = 0;
                    db = j;
                }
                d[i + 1][j + 1] = Math.min(Math.min(d[i][j] + cost, d[i + 1][j] + 1),
                        Math.min(d[i][j + 1] + 1, d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1)));
            }
            last.put(s[i - 1], i);
        }
        return d[n + 1][m + 1];
    }
}
