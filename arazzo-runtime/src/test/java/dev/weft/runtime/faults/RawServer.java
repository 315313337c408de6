package dev.weft.runtime.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A bare TCP server on 127.0.0.1 and an ephemeral port that reads each request's head and hands the socket to
 * a behaviour (reply, stall, reset …), recording the request lines, for fault-injection tests (the transport's
 * own tests in {@code dev.weft.runtime.http} use it too).
 */
public final class RawServer implements AutoCloseable {

    /** What the server does with a connection after reading the request head. */
    public interface Behaviour {
        void handle(Socket socket, String requestHead) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final Thread acceptor;

    private RawServer(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        this.acceptor = new Thread(this::acceptLoop, "raw-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that never answers and notes when the client closes the connection. */
    static RawServer stalling() {
        return start(null);
    }

    public static RawServer start(Behaviour behaviour) {
        try {
            return new RawServer(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** @return the request lines received, e.g. {@code GET /x HTTP/1.1} */
    List<String> requestLines() {
        return requestLines;
    }

    /** Waits until a client closed a connection the server was stalling on. */
    boolean awaitClientClosed(long millis) throws InterruptedException {
        return clientClosed.await(millis, TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread worker = new Thread(() -> serve(socket), "raw-server-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            String head = readHead(socket.getInputStream());
            if (head == null) {
                return;
            }
            requestLines.add(head.substring(0, head.indexOf("\r\n")));
            if (behaviour == null) {
                stall(socket);
            } else {
                behaviour.handle(socket, head);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test ended
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    // ---- behaviours ----

    /** Replies with a status, a content type and a body, then closes. */
    public static Behaviour reply(int status, String contentType, String body) {
        return (socket, head) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String response = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(response.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            socket.close();
        };
    }

    /** Sends {@code partial} (may be empty) and then resets the connection (SO_LINGER 0). */
    static Behaviour reset(String partial) {
        return (socket, head) -> {
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    private void stall(Socket socket) throws IOException {
        try {
            if (socket.getInputStream().read() < 0) {
                clientClosed.countDown();
            }
        } catch (IOException reset) {
            clientClosed.countDown();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
