package dev.weft.runtime.http;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default TLS context, set up when a first TLS connection needs it rather than when the
 * {@code HttpClient} is built: setting it up reads and parses the JDK's trust store, about 300 ms of a one-shot
 * run (more on a busy machine) that a run against {@code http://} servers never needs.
 *
 * <p>The client gets empty {@link SSLParameters}: an engine keeps its context's defaults (protocols, cipher
 * suites) for what they leave unset, so a TLS connection is set up exactly as with the default context; the
 * client still asks for host name verification and sets SNI and ALPN itself.
 */
final class DeferredTls {
    private DeferredTls() {}

    /** A context that is the JDK's default one, set up on first use. */
    static SSLContext context() {
        return new Deferred();
    }

    /** Parameters that leave every choice to the context. */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static final class Deferred extends SSLContext {
        Deferred() {
            super(new Spi(), null, "Default");
        }
    }

    /** Each call on the default context, which the holder's initialisation sets up once. */
    private static final class Spi extends SSLContextSpi {
        private static final class Default {
            static final SSLContext CONTEXT = load();

            private static SSLContext load() {
                try {
                    return SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JDK has no default TLS context", e);
                }
            }
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("the default context is already initialized");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return Default.CONTEXT.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return Default.CONTEXT.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return Default.CONTEXT.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return Default.CONTEXT.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return Default.CONTEXT.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return Default.CONTEXT.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return Default.CONTEXT.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return Default.CONTEXT.getSupportedSSLParameters();
        }
    }
}
