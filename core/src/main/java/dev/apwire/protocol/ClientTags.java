package dev.apwire.protocol;

import java.util.Collection;
import java.util.List;

/**
 * The client tags the protocol names. Tags travel as plain strings ({@code Connect.tags},
 * {@code RoomInfo.tags}, {@code Bounce.tags}); any other string is a valid tag too.
 */
public final class ClientTags {

    /** A reference client; mostly for debugging. */
    public static final String AP = "AP";
    /** The client takes part in DeathLink. */
    public static final String DEATH_LINK = "DeathLink";
    /** A client that only hints; sends no locations. */
    public static final String HINT_GAME = "HintGame";
    /** A tracker; sends no locations. */
    public static final String TRACKER = "Tracker";
    /** A text client; sends no locations. */
    public static final String TEXT_ONLY = "TextOnly";
    /** The client wants no chat or item messages. */
    public static final String NO_TEXT = "NoText";
    /** A room hosted by WebHost (a server tag). */
    public static final String WEB_HOST = "WebHost";

    /** The tags that mark a client that sends no location checks and may leave {@code game} empty. */
    public static final List<String> NO_LOCATION_TAGS = List.of(HINT_GAME, TRACKER, TEXT_ONLY);

    private ClientTags() {
    }

    /**
     * {@return whether the tags mark a client that may not send location checks or goal}
     *
     * @param tags the client's tags
     */
    public static boolean isNoLocations(Collection<String> tags) {
        for (String t : NO_LOCATION_TAGS) {
            if (tags.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
