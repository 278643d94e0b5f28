package dev.apwire.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket server on a plain {@link ServerSocket} that writes exactly the bytes a test gives it, so that what a
 * client does with them is the client's doing alone. Each connection runs the test's {@link Script} on its own
 * thread, after the request headers were read; the script writes the {@code 101} response itself (alone, or in one
 * write with the first frames).
 */
final class RawWebSocketServer implements AutoCloseable {

    /** What the server does on one connection. */
    interface Script {
        /**
         * Runs one connection.
         *
         * @param handshake the complete {@code 101} response, to write first
         * @param in the socket's input, after the request
         * @param out the socket's output
         * @throws Exception when the connection fails
         */
        void run(byte[] handshake, InputStream in, OutputStream out) throws Exception;
    }

    private final ServerSocket socket;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-ws-server");
        t.setDaemon(true);
        return t;
    });

    RawWebSocketServer(Script script) throws IOException {
        socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        pool.execute(() -> {
            while (!socket.isClosed()) {
                Socket s;
                try {
                    s = socket.accept();
                } catch (IOException e) {
                    return;
                }
                open.add(s);
                pool.execute(() -> {
                    try (s) {
                        InputStream in = s.getInputStream();
                        script.run(handshake(readHeaders(in)), in, s.getOutputStream());
                        // keep the connection until the client closes it or the server closes
                        while (in.read() >= 0) {
                            // drain
                        }
                    } catch (Exception e) {
                        // the connection ended
                    } finally {
                        open.remove(s);
                    }
                });
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the request ended early");
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] handshake(String request) throws Exception {
        String key = null;
        for (String line : request.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (key == null) {
            throw new IOException("no Sec-WebSocket-Key");
        }
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * {@return one unmasked frame, as a server sends it}
     *
     * @param opcode the opcode (1 text, 0 continuation, 9 ping)
     * @param fin whether it is the message's last frame
     * @param payload the payload
     */
    static byte[] frame(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(payload.length + 10);
        o.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            o.write(n);
        } else if (n < 65536) {
            o.write(126);
            o.write(n >>> 8);
            o.write(n & 0xff);
        } else {
            o.write(127);
            for (int i = 7; i >= 0; i--) {
                o.write((int) ((long) n >>> (8 * i)) & 0xff);
            }
        }
        o.writeBytes(payload);
        return o.toByteArray();
    }

    /**
     * Reads one client frame (masked, at most 64 KiB) and returns its unmasked payload.
     *
     * @param in the socket's input
     * @return the payload
     * @throws IOException when the stream ends or the frame is not a masked frame of that size
     */
    static byte[] readClientFrame(InputStream in) throws IOException {
        byte[] head = in.readNBytes(2);
        if (head.length < 2 || (head[1] & 0x80) == 0) {
            throw new IOException("not a masked client frame");
        }
        int n = head[1] & 0x7f;
        if (n == 126) {
            byte[] l = in.readNBytes(2);
            n = (l[0] & 0xff) << 8 | (l[1] & 0xff);
        } else if (n == 127) {
            throw new IOException("client frame too big for the test");
        }
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes(n);
        if (payload.length < n) {
            throw new IOException("the client frame ended early");
        }
        for (int i = 0; i < n; i++) {
            payload[i] ^= mask[i & 3];
        }
        return payload;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
