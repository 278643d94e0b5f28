package dev.apwire.consumer;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.util.List;

/** Decodes a server frame and encodes a client frame; exits 1 if anything is off. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the check.
     *
     * @param args unused
     * @throws Exception if the codec fails
     */
    public static void main(String[] args) throws Exception {
        boolean databind;
        try {
            Class.forName("tools.jackson.databind.ObjectMapper");
            databind = true;
        } catch (ClassNotFoundException expected) {
            databind = false;
        }
        ArchipelagoCodec codec = ArchipelagoCodec.create();
        String frame = "[{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[{\"item\":1001,\"location\":-2,\"player\":0,"
                + "\"flags\":0,\"class\":\"NetworkItem\"}]}]";
        List<Decoded<ServerPacket>> decoded = codec.decodeServerFrame(frame);
        ReceivedItemsPacket items = (ReceivedItemsPacket) ((Decoded.Ok<ServerPacket>) decoded.get(0)).packet();
        String again = codec.encodeServerFrame(List.of(items));
        String connect = codec.encodeClientFrame(List.of(new ConnectPacket("", "Pebble Quest", "Alice", "uuid",
                new NetworkVersion(0, 6, 2), ItemsHandling.ALL, List.of(), false)));
        String where = Main.class.getModule().isNamed() ? "module path" : "class path";
        System.out.println(where + ": databind " + (databind ? "PRESENT" : "absent")
                + ", item " + items.items().get(0).item() + ", re-encoded " + again.equals(frame)
                + ", " + connect);
        if (databind || !again.equals(frame) || !connect.startsWith("[{\"cmd\":\"Connect\"")) {
            System.exit(1);
        }
    }
}
