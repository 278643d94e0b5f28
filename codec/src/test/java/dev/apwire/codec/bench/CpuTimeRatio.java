package dev.apwire.codec.bench;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.MalformedFrameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The decode-to-token-scan ratio of {@link CodecBenchmark} in <em>thread CPU time</em> instead of wall time, for a
 * machine shared with other work: when other processes take the cores, JMH's wall-clock throughput swings by
 * several times between iterations, while the CPU time a decode costs the thread that runs it moves far less.
 * Decode and scan alternate in short rounds (each about 50 ms of CPU), so both see the same conditions; the
 * result is the median over the rounds. The thread's CPU time is read from Linux's
 * {@code /proc/thread-self/schedstat} (the test sources live in the codec's module, which does not read
 * {@code java.management}). A companion to the JMH benchmark, not a replacement: on a quiet machine use JMH.
 *
 * <pre>{@code
 * java -cp $CP dev.apwire.codec.bench.CpuTimeRatio codec/target/bench-corpus connected printjson client-set
 * }</pre>
 */
public final class CpuTimeRatio {

    private static final Path THREAD_CPU = Paths.get("/proc/thread-self/schedstat");
    private static final int ROUNDS = 40;

    private CpuTimeRatio() {
    }

    /**
     * Prints one line per frame: decode and scan CPU time per operation (medians) and their ratio (scan / decode,
     * as the README's "decode ratio": above 1 the decode is faster than the scan).
     *
     * @param args the corpus directory, then frame names (files without {@code .json}; {@code client-*} frames are
     *     decoded as client frames)
     * @throws IOException when a frame cannot be read
     * @throws MalformedFrameException never for the corpus
     */
    public static void main(String[] args) throws IOException, MalformedFrameException {
        Path dir = Paths.get(args[0]);
        ArchipelagoCodec codec = ArchipelagoCodec.create();
        JsonFactory plain = new JsonFactory();
        for (String frame : Arrays.copyOfRange(args, 1, args.length)) {
            byte[] bytes = Files.readAllBytes(dir.resolve(frame + ".json"));
            boolean client = frame.startsWith("client-");
            Op decode = () -> (client ? codec.decodeClientFrame(bytes) : codec.decodeServerFrame(bytes)).size();
            Op scan = () -> scan(plain, bytes);
            int batch = batchFor(decode);
            for (int i = 0; i < 10; i++) { // warm-up: about 1 s of each
                time(decode, batch);
                time(scan, batch);
            }
            double[] d = new double[ROUNDS];
            double[] s = new double[ROUNDS];
            double[] ratio = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                d[r] = time(decode, batch);
                s[r] = time(scan, batch);
                ratio[r] = s[r] / d[r];
            }
            System.out.printf("%-22s %9.0f B  decode %10.1f us/op  scan %10.1f us/op  decode ratio %.2fx (rounds %.2f-%.2f)%n",
                    frame, (double) bytes.length, median(d) / 1e3, median(s) / 1e3, median(ratio),
                    Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0));
        }
    }

    @FunctionalInterface
    private interface Op {
        int run() throws MalformedFrameException;
    }

    private static int sink;

    /** {@return the thread CPU nanoseconds per operation over a batch} */
    private static double time(Op op, int batch) throws MalformedFrameException, IOException {
        long t0 = cpuNanos();
        int n = 0;
        for (int i = 0; i < batch; i++) {
            n += op.run();
        }
        sink += n;
        return (double) (cpuNanos() - t0) / batch;
    }

    /** {@return the CPU time this thread has run, in nanoseconds} */
    private static long cpuNanos() throws IOException {
        String s = Files.readString(THREAD_CPU);
        return Long.parseLong(s.substring(0, s.indexOf(' ')));
    }

    /** {@return a batch size of about 50 ms of CPU} */
    private static int batchFor(Op op) throws MalformedFrameException, IOException {
        int batch = 1;
        while (time(op, batch) * batch < 50_000_000 && batch < 1 << 24) {
            batch *= 2;
        }
        return batch;
    }

    private static int scan(JsonFactory factory, byte[] bytes) {
        int n = 0;
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                n++;
                switch (t) {
                    case PROPERTY_NAME:
                        n += p.currentName().length();
                        break;
                    case VALUE_STRING:
                        n += p.getString().length();
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        n += p.getNumberValue().intValue();
                        break;
                    default:
                        break;
                }
            }
        }
        return n;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
