package dev.apwire.codec.bench;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.server.DataPackagePacket;
import dev.apwire.protocol.server.ServerPacket;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/**
 * Decodes a data package frame from a file, streaming, and prints what it holds: run it under a small
 * heap ({@code java -Xmx32m ...}) to show the 9.4 MB, 100-game package fits (see the README).
 */
public final class DataPackageHeapCheck {

    private DataPackageHeapCheck() {
    }

    /**
     * Decodes the file named by the first argument.
     *
     * @param args the path of a DataPackage frame
     * @throws Exception when it cannot be read or decoded
     */
    public static void main(String[] args) throws Exception {
        List<Decoded<ServerPacket>> decoded;
        try (InputStream in = Files.newInputStream(Paths.get(args[0]))) {
            decoded = ArchipelagoCodec.create().decodeServerFrame(in);
        }
        DataPackagePacket dp = (DataPackagePacket) ((Decoded.Ok<ServerPacket>) decoded.get(0)).packet();
        long names = 0;
        for (GameData g : dp.data().games().values()) {
            names += g.itemNameToId().size() + g.locationNameToId().size();
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("games=%d names=%d maxHeap=%dMiB usedAfterGc=%dMiB%n", dp.data().games().size(), names,
                rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
