package dev.apwire.codec.internal;

import dev.apwire.codec.Decoded;
import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.json.PythonText;
import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.ServerCommand;
import dev.apwire.protocol.server.ServerPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * Decodes a frame (a JSON array of command objects) command by command, straight from the
 * streaming parser. A command that breaks a rule becomes a problem and the parser skips to its end;
 * its siblings are unaffected.
 *
 * @param <P> the packet family of the direction decoded
 */
public final class FrameDecoder<P> {

    /** Reads the rest of a command object once its {@code cmd} is known. */
    @FunctionalInterface
    interface CommandReader<P> {
        @Nullable P read(String cmd, JsonParser p) throws MalformedFrameException;
    }

    private static final byte[] DATA_PACKAGE_PREFIX = "[{\"cmd\":\"DataPackage\"".getBytes(StandardCharsets.US_ASCII);

    /** Every command's wire name, both directions. */
    private static final String[] KNOWN_COMMANDS = knownCommands();
    private static final KnownNames.Table COMMAND_TABLE = new KnownNames.Table(KNOWN_COMMANDS);

    private final JsonFactory factory;
    private final JsonFactory names;
    private final CommandReader<P> reader;

    private FrameDecoder(JsonFactory factory, CommandReader<P> reader) {
        this.factory = factory;
        this.names = factory.rebuild().enable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES).build();
        this.reader = reader;
    }

    private static String[] knownCommands() {
        List<String> names = new ArrayList<>();
        for (ServerCommand c : ServerCommand.values()) {
            if (c != ServerCommand.UNKNOWN) {
                names.add(c.wireName());
            }
        }
        for (ClientCommand c : ClientCommand.values()) {
            if (c != ClientCommand.UNKNOWN) {
                names.add(c.wireName());
            }
        }
        return names.toArray(new String[0]);
    }

    /**
     * Picks the parser factory for a frame: frames that start as a data package does (the reference
     * server writes {@code cmd} first) are read without name canonicalisation, since their keys are
     * names seen once; every other frame canonicalises, since its keys repeat. Both read the same.
     */
    private JsonFactory factoryFor(byte[] head, int length) {
        if (length < DATA_PACKAGE_PREFIX.length) {
            return names;
        }
        for (int i = 0; i < DATA_PACKAGE_PREFIX.length; i++) {
            if (head[i] != DATA_PACKAGE_PREFIX[i]) {
                return names;
            }
        }
        return factory;
    }

    private JsonFactory factoryFor(String frame) {
        return frame.startsWith("[{\"cmd\":\"DataPackage\"") ? factory : names;
    }

    /**
     * {@return a decoder of what clients send}
     *
     * @param factory the configured factory
     */
    public static FrameDecoder<ClientPacket> clients(JsonFactory factory) {
        return new FrameDecoder<>(factory, (cmd, p) -> {
            ClientCommand c = ClientCommand.fromWireName(cmd);
            if (c == null) {
                if (ServerCommand.fromWireName(cmd) != null) {
                    throw Problem.cmd("`" + cmd + "` is a server-to-client command; a client may not send it");
                }
                c = ClientCommand.UNKNOWN;
            }
            return ClientCodec.read(c, cmd, p);
        });
    }

    /**
     * {@return a decoder of what servers send}
     *
     * @param factory the configured factory
     */
    public static FrameDecoder<ServerPacket> servers(JsonFactory factory) {
        return new FrameDecoder<>(factory, (cmd, p) -> {
            ServerCommand c = ServerCommand.fromWireName(cmd);
            if (c == null) {
                if (ClientCommand.fromWireName(cmd) != null) {
                    throw Problem.cmd("`" + cmd + "` is a client-to-server command; a server may not send it");
                }
                c = ServerCommand.UNKNOWN;
            }
            return ServerCodec.read(c, cmd, p);
        });
    }

    /**
     * Decodes a frame held as text.
     *
     * @param frame the frame
     * @return one result per command, in order
     * @throws MalformedFrameException when the frame cannot be read as a list of commands
     */
    public List<Decoded<P>> decode(String frame) throws MalformedFrameException {
        try (JsonParser p = factoryFor(frame).createParser(ObjectReadContext.empty(), frame)) {
            return decode(p);
        } catch (JacksonException e) {
            throw Streams.malformed(e);
        }
    }

    /**
     * Decodes a frame held as UTF-8 bytes.
     *
     * @param frame the frame
     * @return one result per command, in order
     * @throws MalformedFrameException when the frame cannot be read as a list of commands
     */
    public List<Decoded<P>> decode(byte[] frame) throws MalformedFrameException {
        try (JsonParser p = factoryFor(frame, frame.length).createParser(ObjectReadContext.empty(), frame)) {
            return decode(p);
        } catch (JacksonException e) {
            throw Streams.malformed(e);
        }
    }

    /**
     * Decodes a frame read from a stream of UTF-8 bytes (the stream is not closed).
     *
     * @param frame the frame
     * @return one result per command, in order
     * @throws MalformedFrameException when the frame cannot be read as a list of commands
     */
    public List<Decoded<P>> decode(InputStream frame) throws MalformedFrameException {
        PushbackInputStream in = new PushbackInputStream(frame, DATA_PACKAGE_PREFIX.length);
        byte[] head = new byte[DATA_PACKAGE_PREFIX.length];
        int n;
        try {
            n = in.readNBytes(head, 0, head.length);
            in.unread(head, 0, n);
        } catch (IOException e) {
            throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "cannot read the frame: " + e.getMessage());
        }
        try (JsonParser p = factoryFor(head, n).createParser(ObjectReadContext.empty(), in)) {
            return decode(p);
        } catch (JacksonException e) {
            throw Streams.malformed(e);
        }
    }

    /**
     * Decodes one command object at the parser's current {@code START_OBJECT} (for embedding, such as
     * a Jackson deserializer), leaving the parser on its {@code END_OBJECT}.
     *
     * @param p the parser
     * @return the packet or problem
     * @throws MalformedFrameException when the input is not JSON or breaks a limit
     */
    public Decoded<P> decodeCommand(JsonParser p) throws MalformedFrameException {
        try {
            return command(p, 0);
        } catch (JacksonException e) {
            throw Streams.malformed(e);
        }
    }

    private List<Decoded<P>> decode(JsonParser p) throws MalformedFrameException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "empty frame");
        }
        if (first != JsonToken.START_ARRAY) {
            String got = Fields.describe(p); // before reading on: afterwards the parser is past the value
            JsonValues.read(p); // a syntax or limit error inside is reported as such
            checkEnd(p);
            throw new MalformedFrameException(MalformedFrameException.Kind.NOT_AN_ARRAY,
                    "a frame must be a JSON array of command objects, got " + got);
        }
        List<Decoded<P>> results = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            results.add(command(p, results.size()));
        }
        checkEnd(p);
        return results;
    }

    private static void checkEnd(JsonParser p) throws MalformedFrameException {
        if (p.nextToken() != null) {
            throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "trailing data after the frame");
        }
    }

    private Decoded<P> command(JsonParser p, int index) throws MalformedFrameException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            JsonValue v = JsonValues.read(p);
            return problem(index, PacketProblemType.CMD, null, "Could not get command from " + PythonText.repr(v, 200) + " at `cmd`", true);
        }
        String firstName = p.nextName();
        if (firstName == null) {
            return problem(index, PacketProblemType.CMD, null, "Could not get command from {} at `cmd`", true);
        }
        if (!firstName.equals("cmd")) {
            return slowCommand(p, index, firstName);
        }
        p.nextToken();
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            JsonValue v = JsonValues.read(p);
            skipRest(p);
            return problem(index, PacketProblemType.CMD, null, "Command should be str, got <class '" + PythonText.typeName(v) + "'>", false);
        }
        String cmd = commandName(p);
        int depth = p.streamReadContext().getNestingDepth();
        Scratch scratch = Scratch.get();
        int objects = scratch.mark();
        int longs = scratch.markLongs();
        try {
            P packet = reader.read(cmd, p);
            return new Decoded.Ok<>(index, java.util.Objects.requireNonNull(packet));
        } catch (Problem e) {
            skipTo(p, depth);
            return problem(index, e.type, cmd, e.getMessage(), false);
        } catch (IllegalArgumentException e) {
            // a record constructor's rule (an id out of range, for instance); the reader is at END_OBJECT
            skipTo(p, depth);
            return problem(index, PacketProblemType.ARGUMENTS, cmd, cmd + ": " + e.getMessage(), false);
        } finally {
            scratch.truncate(objects, longs); // what a list abandoned by a problem left
        }
    }

    /**
     * {@return the {@code cmd} string at the parser's current {@code VALUE_STRING}} A known command's
     * name is matched in the parser's buffer and returned as the command table's constant, without
     * materialising a string per command; only an unknown name is read as a new string.
     */
    private static String commandName(JsonParser p) {
        int i = COMMAND_TABLE.indexOf(p);
        return i >= 0 ? KNOWN_COMMANDS[i] : p.getString();
    }

    /** {@code cmd} is not the first key: read the object whole, then decode it again with {@code cmd} first. */
    private Decoded<P> slowCommand(JsonParser p, int index, String firstName) throws MalformedFrameException {
        LinkedHashMap<String, JsonValue> fields = new LinkedHashMap<>();
        for (String n = firstName; n != null; n = p.nextName()) {
            p.nextToken();
            fields.put(n, JsonValues.read(p));
        }
        JsonValue cmd = fields.get("cmd");
        if (cmd == null) {
            return problem(index, PacketProblemType.CMD, null,
                    "Could not get command from " + PythonText.repr(JsonObject.adopt(fields), 200) + " at `cmd`", true);
        }
        if (!(cmd instanceof JsonString)) {
            return problem(index, PacketProblemType.CMD, null, "Command should be str, got <class '" + PythonText.typeName(cmd) + "'>", false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeName("cmd");
            JsonValues.write(g, cmd);
            for (Map.Entry<String, JsonValue> e : fields.entrySet()) {
                if (!e.getKey().equals("cmd")) {
                    g.writeName(e.getKey());
                    JsonValues.write(g, e.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndArray();
        }
        Decoded<P> again = decode(out.toByteArray()).get(0);
        return again instanceof Decoded.Ok
                ? new Decoded.Ok<>(index, ((Decoded.Ok<P>) again).packet())
                : new Decoded.Problem<>(index, ((Decoded.Problem<P>) again).invalidPacket(), ((Decoded.Problem<P>) again).fatal());
    }

    private static void skipRest(JsonParser p) {
        while (p.nextName() != null) {
            p.nextToken();
            p.skipChildren();
        }
    }

    /** Skips to the {@code END_OBJECT} of the command object whose fields sit at {@code depth}. */
    private static void skipTo(JsonParser p, int depth) throws MalformedFrameException {
        while (true) {
            JsonToken t = p.currentToken();
            int d = p.streamReadContext().getNestingDepth();
            if (t == JsonToken.END_OBJECT && d == depth - 1) {
                return;
            }
            if (p.nextToken() == null) {
                throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "unexpected end of input");
            }
        }
    }

    private Decoded<P> problem(int index, PacketProblemType type, @Nullable String cmd, String text, boolean fatal) {
        return new Decoded.Problem<>(index, new InvalidPacket(type, cmd, text), fatal);
    }
}
