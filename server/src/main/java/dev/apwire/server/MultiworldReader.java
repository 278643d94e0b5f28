package dev.apwire.server;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a multiworld file ({@code .archipelago} or the JSON format) for a {@link DirectoryRoomStore}. */
@FunctionalInterface
public interface MultiworldReader {

    /**
     * Reads a multiworld file.
     *
     * @param file the file
     * @return the multiworld
     * @throws IOException if the file cannot be read or is not a multiworld
     */
    Multiworld read(Path file) throws IOException;
}
