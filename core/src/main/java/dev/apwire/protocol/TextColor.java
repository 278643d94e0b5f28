package dev.apwire.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The colour of a {@code color} message part (console colours).
 *
 * <p>An open enumeration: any string is a value; the named constants are the known ones.
 *
 * @param name the wire string
 */
public record TextColor(String name) {

    /** bold. */
    public static final TextColor BOLD = new TextColor("bold");

    /** underline. */
    public static final TextColor UNDERLINE = new TextColor("underline");

    /** black. */
    public static final TextColor BLACK = new TextColor("black");

    /** red. */
    public static final TextColor RED = new TextColor("red");

    /** green. */
    public static final TextColor GREEN = new TextColor("green");

    /** yellow. */
    public static final TextColor YELLOW = new TextColor("yellow");

    /** blue. */
    public static final TextColor BLUE = new TextColor("blue");

    /** magenta. */
    public static final TextColor MAGENTA = new TextColor("magenta");

    /** cyan. */
    public static final TextColor CYAN = new TextColor("cyan");

    /** white. */
    public static final TextColor WHITE = new TextColor("white");

    /** black bg. */
    public static final TextColor BLACK_BG = new TextColor("black_bg");

    /** red bg. */
    public static final TextColor RED_BG = new TextColor("red_bg");

    /** green bg. */
    public static final TextColor GREEN_BG = new TextColor("green_bg");

    /** yellow bg. */
    public static final TextColor YELLOW_BG = new TextColor("yellow_bg");

    /** blue bg. */
    public static final TextColor BLUE_BG = new TextColor("blue_bg");

    /** magenta bg. */
    public static final TextColor MAGENTA_BG = new TextColor("magenta_bg");

    /** cyan bg. */
    public static final TextColor CYAN_BG = new TextColor("cyan_bg");

    /** white bg. */
    public static final TextColor WHITE_BG = new TextColor("white_bg");

    private static final List<TextColor> KNOWN = List.of(BOLD, UNDERLINE, BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, BLACK_BG, RED_BG, GREEN_BG, YELLOW_BG, BLUE_BG, MAGENTA_BG, CYAN_BG, WHITE_BG);

    /**
     * Checks the name is present.
     *
     * @param name the wire string
     */
    public TextColor {
        Objects.requireNonNull(name, "name");
    }

    /** {@return the known constants} */
    public static List<TextColor> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire string: a known constant when there is one}
     *
     * @param name the wire string
     */
    public static TextColor of(String name) {
        for (TextColor k : KNOWN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new TextColor(name);
    }

    /** {@return whether this is one of the named constants} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
