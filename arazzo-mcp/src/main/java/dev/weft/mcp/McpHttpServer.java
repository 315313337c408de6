package dev.weft.mcp;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat that serves one servlet, the MCP endpoint: the SDK's streamable HTTP transport is a
 * servlet and needs a container (Tomcat is one jar, and implements the Servlet 6.1 the SDK is built against).
 */
final class McpHttpServer implements AutoCloseable {

    /** Tomcat's loggers, kept so that their level stays set: only its warnings reach standard error. */
    private static final List<Logger> QUIET = Stream.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")
            .map(Logger::getLogger)
            .peek(logger -> logger.setLevel(Level.WARNING))
            .toList();

    private final Tomcat tomcat;
    private final Path baseDir;
    private final URI url;

    private McpHttpServer(Tomcat tomcat, Path baseDir, URI url) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.url = url;
    }

    static McpHttpServer start(String host, int port, String endpoint, HttpServlet servlet) {
        Path baseDir = null;
        Tomcat tomcat = new Tomcat();
        try {
            baseDir = Files.createTempDirectory("weft-mcp-tomcat");
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = new Connector();
            connector.setPort(port);
            connector.setProperty("address", host);
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", baseDir.toString());
            Wrapper wrapper = Tomcat.addServlet(context, "mcp", servlet);
            wrapper.setAsyncSupported(true); // the SDK streams responses through an AsyncContext
            context.addServletMapping(endpoint, "mcp");
            tomcat.start();
            int bound = connector.getLocalPort();
            if (bound <= 0) {
                throw new IllegalStateException("cannot listen on " + host + ":" + port);
            }
            String authority = host.contains(":") ? "[" + host + "]" : host;
            return new McpHttpServer(tomcat, baseDir, URI.create("http://" + authority + ":" + bound + endpoint));
        } catch (LifecycleException e) {
            stop(tomcat, baseDir);
            throw new IllegalStateException("cannot start the HTTP server on " + host + ":" + port + ": " + e, e);
        } catch (IOException e) {
            stop(tomcat, baseDir);
            throw new UncheckedIOException("cannot create Tomcat's work folder", e);
        } catch (RuntimeException e) {
            stop(tomcat, baseDir);
            throw e;
        }
    }

    URI url() {
        return url;
    }

    @Override
    public void close() {
        stop(tomcat, baseDir);
    }

    private static void stop(Tomcat tomcat, Path baseDir) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            // stopping is best effort; the port is released when the process ends
        }
        if (baseDir != null) {
            try (Stream<Path> paths = Files.walk(baseDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is not worth failing for
            }
        }
    }
}
