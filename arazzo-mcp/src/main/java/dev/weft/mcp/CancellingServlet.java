package dev.weft.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The servlet in front of the SDK's streamable HTTP servlet: it reads each POST's JSON-RPC message once, opens a
 * {@link CallSlot} for a {@code tools/call} (handed on as a request attribute, which the provider's context
 * extractor puts in the call's transport context), cancels the call a {@code notifications/cancelled} names, and
 * cancels a session's calls when the client deletes the session. Everything else is the SDK's.
 */
final class CancellingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    /** Bodies are read for their id up to this size; a larger one passes unread (the SDK refuses it). */
    private static final int PEEK_LIMIT = 4 * 1024 * 1024;

    private final transient HttpServletStreamableServerTransportProvider sdk;
    private final transient CallTable calls;

    CancellingServlet(HttpServletStreamableServerTransportProvider sdk, CallTable calls) {
        this.sdk = sdk;
        this.calls = calls;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        sdk.init(config);
    }

    @Override
    public void destroy() {
        sdk.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String session = request.getHeader(SESSION_HEADER);
        if ("DELETE".equals(request.getMethod()) && session != null) {
            calls.cancelAll(session);
        }
        if (!"POST".equals(request.getMethod())) {
            sdk.service((ServletRequest) request, response);
            return;
        }
        byte[] peeked = request.getInputStream().readNBytes(PEEK_LIMIT);
        HttpServletRequest replay = new Replay(request, peeked);
        JsonNode message = peeked.length < PEEK_LIMIT ? parse(peeked) : null;
        String method = message == null ? null : message.path("method").asText(null);
        if (CallTable.CANCELLED.equals(method) && session != null) {
            calls.cancel(session, ToolSchemas.JSON.convertValue(message.path("params"), Map.class));
            response.setStatus(HttpServletResponse.SC_ACCEPTED); // a notification: accepted, no body
            return;
        }
        JsonNode id = message == null ? null : message.get("id");
        if (!CallTable.TOOLS_CALL.equals(method) || session == null || id == null || !id.isValueNode()) {
            sdk.service((ServletRequest) replay, response);
            return;
        }
        Object requestId = id.isNumber() ? id.numberValue() : id.asText();
        CallSlot slot = calls.open(session, requestId);
        replay.setAttribute(CallTable.SLOT, slot);
        try {
            sdk.service((ServletRequest) replay, response); // the SDK answers a request before it returns
        } finally {
            calls.close(session, requestId, slot);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return ToolSchemas.JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return null; // the SDK answers it
        }
    }

    /** The request with its body readable again: the bytes read so far, then the rest. */
    private static final class Replay extends HttpServletRequestWrapper {
        private final InputStream body;

        Replay(HttpServletRequest request, byte[] peeked) throws IOException {
            super(request);
            this.body = new SequenceInputStream(new ByteArrayInputStream(peeked), request.getInputStream());
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the MCP servlet reads its body blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
