package dev.apwire.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The type of a {@code PrintJSON} message. Clients show the text of unknown or missing types as normal text.
 *
 * <p>An open enumeration: any string is a value; the named constants are the known ones.
 *
 * @param name the wire string
 */
public record PrintJsonType(String name) {

    /** A player received an item. */
    public static final PrintJsonType ITEM_SEND = new PrintJsonType("ItemSend");

    /** A player received an item through an admin command. */
    public static final PrintJsonType ITEM_CHEAT = new PrintJsonType("ItemCheat");

    /** A hint. */
    public static final PrintJsonType HINT = new PrintJsonType("Hint");

    /** A player joined. */
    public static final PrintJsonType JOIN = new PrintJsonType("Join");

    /** A player left. */
    public static final PrintJsonType PART = new PrintJsonType("Part");

    /** A player's chat message. */
    public static final PrintJsonType CHAT = new PrintJsonType("Chat");

    /** A message from the server console. */
    public static final PrintJsonType SERVER_CHAT = new PrintJsonType("ServerChat");

    /** A hint for new players. */
    public static final PrintJsonType TUTORIAL = new PrintJsonType("Tutorial");

    /** A client changed its tags. */
    public static final PrintJsonType TAGS_CHANGED = new PrintJsonType("TagsChanged");

    /** The answer to a chat command. */
    public static final PrintJsonType COMMAND_RESULT = new PrintJsonType("CommandResult");

    /** The answer to an admin command. */
    public static final PrintJsonType ADMIN_COMMAND_RESULT = new PrintJsonType("AdminCommandResult");

    /** A player reached their goal. */
    public static final PrintJsonType GOAL = new PrintJsonType("Goal");

    /** A player released their remaining items. */
    public static final PrintJsonType RELEASE = new PrintJsonType("Release");

    /** A player collected their remaining items. */
    public static final PrintJsonType COLLECT = new PrintJsonType("Collect");

    /** A countdown tick. */
    public static final PrintJsonType COUNTDOWN = new PrintJsonType("Countdown");

    private static final List<PrintJsonType> KNOWN = List.of(ITEM_SEND, ITEM_CHEAT, HINT, JOIN, PART, CHAT, SERVER_CHAT, TUTORIAL, TAGS_CHANGED, COMMAND_RESULT, ADMIN_COMMAND_RESULT, GOAL, RELEASE, COLLECT, COUNTDOWN);

    /**
     * Checks the name is present.
     *
     * @param name the wire string
     */
    public PrintJsonType {
        Objects.requireNonNull(name, "name");
    }

    /** {@return the known constants} */
    public static List<PrintJsonType> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire string: a known constant when there is one}
     *
     * @param name the wire string
     */
    public static PrintJsonType of(String name) {
        for (PrintJsonType k : KNOWN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new PrintJsonType(name);
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
