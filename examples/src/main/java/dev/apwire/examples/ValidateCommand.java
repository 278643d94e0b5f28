package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code validate --from client|server}: reads one frame from stdin and prints one JSON line per
 * command: {@code {"index":i,"cmd":C,"ok":true,"canonical":<re-encoded>}} or
 * {@code {"index":i,"ok":false,"problem":{"type":T,"original_cmd":C,"text":X}}}; a frame that cannot
 * be read prints {@code {"ok":false,"frame_error":"..."}}. Exit status: 0 all valid, 1 a command is
 * invalid, 2 a frame error or bad usage.
 */
final class ValidateCommand {
    private static final JsonFactory JSON = new JsonFactory();

    private ValidateCommand() {
    }

    static int run(String[] args) throws IOException {
        return run(args, System.in, System.out, System.err);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        String from = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--from") && i + 1 < args.length) {
                from = args[++i];
            } else if (args[i].startsWith("--from=")) {
                from = args[i].substring("--from=".length());
            } else {
                err.println("validate: unknown argument '" + args[i] + "'");
                return 2;
            }
        }
        if (!"client".equals(from) && !"server".equals(from)) {
            err.println("usage: java -jar apwire.jar validate --from client|server  < frame.json");
            return 2;
        }
        byte[] frame = in.readAllBytes();
        ArchipelagoCodec codec = ArchipelagoCodec.create();
        boolean allOk = true;
        try {
            if (from.equals("client")) {
                for (Decoded<ClientPacket> d : codec.decodeClientFrame(frame)) {
                    allOk &= print(out, d, codec);
                }
            } else {
                for (Decoded<ServerPacket> d : codec.decodeServerFrame(frame)) {
                    allOk &= print(out, d, codec);
                }
            }
        } catch (MalformedFrameException e) {
            out.println(line(g -> {
                g.writeStartObject();
                g.writeBooleanProperty("ok", false);
                g.writeStringProperty("frame_error", e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
                g.writeEndObject();
            }));
            return 2;
        }
        out.flush();
        return allOk ? 0 : 1;
    }

    private static <P> boolean print(PrintStream out, Decoded<P> d, ArchipelagoCodec codec) {
        if (d instanceof Decoded.Ok) {
            Object packet = ((Decoded.Ok<P>) d).packet();
            String canonical = packet instanceof ClientPacket ? codec.toJson((ClientPacket) packet) : codec.toJson((ServerPacket) packet);
            String cmd = packet instanceof ClientPacket ? ((ClientPacket) packet).cmd() : ((ServerPacket) packet).cmd();
            out.println(line(g -> {
                g.writeStartObject();
                g.writeNumberProperty("index", d.index());
                g.writeStringProperty("cmd", cmd);
                g.writeBooleanProperty("ok", true);
                g.writeName("canonical");
                g.writeRawValue(canonical);
                g.writeEndObject();
            }));
            return true;
        }
        InvalidPacket problem = ((Decoded.Problem<P>) d).invalidPacket();
        out.println(line(g -> {
            g.writeStartObject();
            g.writeNumberProperty("index", d.index());
            g.writeBooleanProperty("ok", false);
            g.writeName("problem");
            g.writeStartObject();
            g.writeStringProperty("type", problem.type().name());
            if (problem.originalCmd() == null) {
                g.writeNullProperty("original_cmd");
            } else {
                g.writeStringProperty("original_cmd", problem.originalCmd());
            }
            g.writeStringProperty("text", problem.text());
            g.writeEndObject();
            g.writeEndObject();
        }));
        return false;
    }

    private interface Writer {
        void write(JsonGenerator g);
    }

    private static String line(Writer w) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), buf, JsonEncoding.UTF8)) {
            w.write(g);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

}
