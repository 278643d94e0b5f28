package dev.apwire.server;

import dev.apwire.protocol.ClientTags;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.server.RoomRules.Phase;
import java.util.List;

/**
 * One connection's state. {@code key} and the login fields mean something only in phase
 * {@code AUTHENTICATED}. {@code sendIndex} is the item cursor: how many entries of the connection's item list
 * (starting inventory, if asked for, then the received items it asked for) it has been sent; new items go out
 * as the tail from there, without rebuilding the list.
 */
final class Connection {
    Phase phase = Phase.OPENED;
    TeamSlot key = TeamSlot.of(1);
    List<String> tags = List.of();
    NetworkVersion version = new NetworkVersion(0, 0, 0);
    ItemsHandling itemsHandling = ItemsHandling.NONE;
    int sendIndex;
    boolean noLocations;
    boolean noText;
    /** The remote address the driver reported at open, for the login throttle. */
    String address = "";
    /** Commands other than Connect received before login. */
    int preLoginCommands;
    /** Failed logins on this connection. */
    int failedLogins;

    boolean authenticated() {
        return phase == Phase.AUTHENTICATED;
    }

    int team() {
        return key.team();
    }

    int slot() {
        return key.slot();
    }

    void setTags(List<String> newTags) {
        tags = List.copyOf(newTags);
        noLocations = ClientTags.isNoLocations(newTags);
        noText = newTags.contains(ClientTags.NO_TEXT)
                || (newTags.contains("PopTracker") && version.compareTo(new NetworkVersion(0, 5, 1)) < 0);
    }
}
