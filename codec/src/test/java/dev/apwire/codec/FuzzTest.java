package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of every golden frame, in both directions: whatever the bytes, decoding
 * either throws {@link MalformedFrameException} or returns one result per command; it never throws
 * anything else. Every command that decodes re-encodes to a frame that decodes to the same packet.
 */
class FuzzTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();
    private static final String[] TOKENS = {"null", "true", "false", "0", "-1", "1.5", "1e999", "NaN", "\"\"", "[]", "{}",
        "9007199254740993", "123456789012345678901234567890", "\"cmd\"", ",", ":", "[", "]", "{", "}", "\"\\ud800\"",
        "\"\u00e9\u2603\ud83c\udf44\"", "-0.0", "1E+2"};

    @Test
    void mutatedFramesNeverEscapeTheTypedErrors() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(GoldenFilesTest.goldenRoot())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        SplittableRandom random = new SplittableRandom(20261124);
        int decodedCommands = 0;
        int frameErrors = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                for (Decoded<ClientPacket> d : CODEC.decodeClientFrame(frame)) {
                    if (d instanceof Decoded.Ok) {
                        decodedCommands++;
                        ClientPacket p = ((Decoded.Ok<ClientPacket>) d).packet();
                        List<Decoded<ClientPacket>> again = CODEC.decodeClientFrame(CODEC.encodeClientFrameBytes(List.of(p)));
                        assertThat(again).containsExactly(new Decoded.Ok<>(0, p));
                    }
                }
            } catch (MalformedFrameException e) {
                frameErrors++;
            }
            try {
                for (Decoded<ServerPacket> d : CODEC.decodeServerFrame(frame)) {
                    if (d instanceof Decoded.Ok) {
                        decodedCommands++;
                        ServerPacket p = ((Decoded.Ok<ServerPacket>) d).packet();
                        List<Decoded<ServerPacket>> again = CODEC.decodeServerFrame(CODEC.encodeServerFrameBytes(List.of(p)));
                        assertThat(again).containsExactly(new Decoded.Ok<>(0, p));
                    }
                }
            } catch (MalformedFrameException e) {
                frameErrors++;
            }
        }
        // Both outcomes must actually occur, or the mutations are too weak or too strong to test anything.
        assertThat(decodedCommands).isGreaterThan(1000);
        assertThat(frameErrors).isGreaterThan(1000);
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        String s = new String(seed, StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0: // delete a span
                    s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(8)));
                    break;
                case 1: // insert a token
                    s = s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at);
                    break;
                case 2: // replace a value after a colon with a token
                    int colon = s.indexOf(':', at);
                    if (colon > 0) {
                        int end = colon + 1;
                        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
                            end++;
                        }
                        s = s.substring(0, colon + 1) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(end);
                    }
                    break;
                case 3: // truncate
                    s = s.substring(0, at);
                    break;
                default: // flip a character
                    char c = (char) (32 + random.nextInt(95));
                    s = s.substring(0, at) + c + s.substring(at + 1);
                    break;
            }
        }
        if (random.nextInt(50) == 0) {
            s = "[".repeat(2000) + s + "]".repeat(2000);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
