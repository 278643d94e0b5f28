package dev.apwire.codec.bench;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Codec throughput over the shared benchmark corpus ({@code shared/bench/make_corpus.py}), against the
 * anchors of {@code shared/spec/performance.md}: a raw Jackson token scan (every token read, every
 * number and string materialised) for decoding, a plain Jackson tree write for encoding.
 * Throughput is in operations per second; multiply by the frame size for MB/s. Run with the
 * command in the README ("Benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    /**
     * The corpus frame, by file name without {@code .json}; frames named {@code client-*} are what a client
     * sends (decoded and encoded as client frames), the others what a server sends.
     */
    @Param({"datapackage", "connected", "receiveditems", "printjson", "mixed-small", "client-set", "client-locationchecks"})
    public String frame;

    private byte[] bytes;
    private final ArchipelagoCodec codec = ArchipelagoCodec.create();
    private final JsonFactory plain = new JsonFactory();
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private boolean client;
    private List<ServerPacket> packets;
    private List<ClientPacket> clientPackets;
    private JsonNode tree;

    /**
     * Loads the frame from {@code -Dapwire.corpus=DIR} (default {@code target/bench-corpus}).
     *
     * @throws IOException when the corpus is missing
     * @throws MalformedFrameException when the frame does not decode
     */
    @Setup
    public void load() throws IOException, MalformedFrameException {
        Path dir = Paths.get(System.getProperty("apwire.corpus", "target/bench-corpus"));
        bytes = Files.readAllBytes(dir.resolve(frame + ".json"));
        client = frame.startsWith("client-");
        packets = new ArrayList<>();
        clientPackets = new ArrayList<>();
        if (client) {
            for (Decoded<ClientPacket> d : codec.decodeClientFrame(bytes)) {
                clientPackets.add(((Decoded.Ok<ClientPacket>) d).packet());
            }
        } else {
            for (Decoded<ServerPacket> d : codec.decodeServerFrame(bytes)) {
                packets.add(((Decoded.Ok<ServerPacket>) d).packet());
            }
        }
        tree = mapper.readTree(bytes);
    }

    /**
     * {@return the token count} The anchor: every token read, every name, string and number materialised.
     *
     * @param bh the sink
     */
    @Benchmark
    public int tokenScan(Blackhole bh) {
        int n = 0;
        try (JsonParser p = plain.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                n++;
                switch (t) {
                    case PROPERTY_NAME:
                        bh.consume(p.currentName());
                        break;
                    case VALUE_STRING:
                        bh.consume(p.getString());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        bh.consume(p.getNumberValue());
                        break;
                    default:
                        break;
                }
            }
        }
        return n;
    }

    /**
     * {@return the decoded commands} Typed decode: validated records, unknown fields kept.
     *
     * @throws MalformedFrameException never for the corpus
     */
    @Benchmark
    public List<? extends Decoded<?>> decode() throws MalformedFrameException {
        return client ? codec.decodeClientFrame(bytes) : codec.decodeServerFrame(bytes);
    }

    /** {@return the encoded frame} Reference-exact encode of the decoded packets. */
    @Benchmark
    public byte[] encode() {
        return client ? codec.encodeClientFrameBytes(clientPackets) : codec.encodeServerFrameBytes(packets);
    }

    /** {@return the frame written by plain Jackson from a tree} The encode anchor. */
    @Benchmark
    public byte[] jacksonWrite() {
        return mapper.writeValueAsBytes(tree);
    }
}
