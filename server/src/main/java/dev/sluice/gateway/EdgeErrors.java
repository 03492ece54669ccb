package dev.sluice.gateway;

import org.springframework.http.HttpStatus;

import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/**
 * The POP error for a status the HTTP layer decided by itself (no handler for the path, a method the endpoint does not
 * take, a request the servlet container could not parse), so that every answer of the server carries the envelope
 * and a code a client can branch on. Used by both {@link PopErrorController} and {@link PopErrorReportValve}.
 */
final class EdgeErrors {

    private EdgeErrors() {
    }

    static PopError forStatus(int status, String method, String path, String detail) {
        return switch (status) {
            case 400 -> PopErrors.malformedRequest(detail == null || detail.isBlank() ? "it could not be read." : detail);
            case 404 -> PopErrors.pathNotFound(path == null ? "" : path);
            case 405 -> PopErrors.unsupportedMethod(PopErrors.excerpt(method));
            case 413 -> new PopError("RequestEntityTooLarge", 413, "The request body is too large.");
            case 500 -> PopErrors.internalError();
            case 503 -> PopErrors.serviceUnavailable("try again later.");
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
                yield new PopError(reason.replaceAll("[^A-Za-z0-9]", ""), status < 400 || status > 599 ? 500 : status,
                        "The request was refused by the HTTP layer: " + reason + ".");
            }
        };
    }
}
