package dev.sluice.gateway;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;
import jakarta.servlet.RequestDispatcher;

/**
 * Tomcat's last word on an error, for requests it refuses before the application sees them: a request line or headers
 * beyond {@code server.max-http-request-header-size}, a malformed request target, an undecodable path. Tomcat's own
 * valve answers those with an HTML page; this one answers the POP envelope, so a client's error handling never meets
 * anything else. Errors the application handled (through {@code /error}) already have a body and are left alone.
 */
final class PopErrorReportValve extends ErrorReportValve {

    private final Envelopes envelopes;

    PopErrorReportValve(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same conditions as Tomcat's own report: an error, nothing written yet, reported once, I/O still possible.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;

        PopError error = errorOf(request, response, throwable, status);
        String requestId = RequestIds.next();
        try {
            response.setStatus(error.httpStatus());
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("x-acs-request-id", requestId);
            Writer writer = response.getReporter();
            if (writer != null) writer.write(new String(envelopes.error(requestId, error), StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException gone) {
            // The client went away or the response was committed meanwhile: nothing more to tell it.
        }
    }

    /**
     * Tomcat reports a request line or header block over the limit as an IllegalArgumentException ("Request header
     * is too large") thrown while it parses one or the other; the parsing step tells a long URL from large headers.
     */
    private static PopError errorOf(Request request, Response response, Throwable throwable, int status) {
        if (throwable instanceof IllegalArgumentException && throwable.getMessage() != null
                && throwable.getMessage().contains("too large")) {
            int limit = headerLimit(request);
            for (StackTraceElement frame : throwable.getStackTrace()) {
                if (frame.getMethodName().equals("parseRequestLine")) return PopErrors.requestUriTooLong(limit);
            }
            return PopErrors.requestHeaderTooLarge(limit);
        }
        String detail = response.getMessage();
        if ((detail == null || detail.isBlank()) && throwable != null) detail = throwable.getMessage();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri != null ? uri.toString() : request.getCoyoteRequest().requestURI().toString();
        return EdgeErrors.forStatus(status, request.getCoyoteRequest().getMethod(), path, detail);
    }

    private static int headerLimit(Request request) {
        if (request.getConnector() != null && request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            return http.getMaxHttpRequestHeaderSize();
        }
        return 8192;
    }
}
