package dev.sluice.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The embedded store's S3-compatible endpoint: PUT, GET and HEAD of one object at
 * {@code /storage/<bucket>/<key>}, each only with a valid presigned URL (Signature V4, query string) that Sluice
 * minted. Nothing is served or accepted without one, an upload is bounded by {@code sluice.storage.max-object-bytes}
 * and streamed to disk, and refusals are S3's XML errors.
 * <p>Why hand-written: the well-kept embeddable S3 server, s3proxy (2.6, Maven Central), brings jclouds with every
 * blob-store provider, the Azure SDK and Jetty 11, which clash with Spring Boot 4's Jetty 12 and Jakarta EE 11, and
 * would listen on a port of its own; Sluice needs only three methods on presigned URLs it minted itself, which is
 * a signature check ({@link PresignedUrlVerifier}) and a file copy ({@link FolderObjects}).
 * <p>It is storage, not an operation, so it is outside the RPC chain (no governance, no ledger).
 */
@Controller
final class EmbeddedStorageEndpoint {

    private static final Log LOG = LogFactory.getLog(EmbeddedStorageEndpoint.class);

    private final ObjectProvider<EmbeddedObjectStore> store;

    EmbeddedStorageEndpoint(ObjectProvider<EmbeddedObjectStore> store) {
        this.store = store;
    }

    @RequestMapping(EmbeddedObjectStore.PATH + "/**")
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rawPath = request.getRequestURI();
        try {
            EmbeddedObjectStore embedded = store.getIfAvailable();
            if (embedded == null) throw new StorageDenied(501, "NotImplemented", "This server keeps its files in an external store.");
            String payload = embedded.verifier().verify(request.getMethod(), rawPath, request.getQueryString(), name -> header(request, name));
            if (!PresignedUrlVerifier.UNSIGNED_PAYLOAD.equals(payload)) {
                throw StorageDenied.accessDenied("Only presigned URLs handed out by Sluice are accepted here.");
            }
            String key = key(rawPath, embedded.settings().bucket());
            switch (request.getMethod()) {
                case "PUT" -> put(embedded, key, request, response);
                case "GET", "HEAD" -> get(embedded, key, request.getMethod().equals("GET"), response);
                default -> throw new StorageDenied(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
        } catch (StorageDenied denied) {
            error(response, denied.status(), denied.code(), denied.getMessage(), rawPath);
        }
    }

    private static void put(EmbeddedObjectStore store, String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long max = store.settings().maxObjectBytes().toBytes();
        if (request.getContentLengthLong() > max) throw tooLarge(max);
        FolderObjects.Written written;
        try (InputStream body = request.getInputStream()) {
            written = store.folder().write(key, body, max);
        } catch (FolderObjects.TooLarge e) {
            throw tooLarge(max);
        }
        LOG.debug("stored " + key + " (" + written.size() + " bytes)");
        response.setStatus(200);
        response.setHeader("ETag", "\"" + written.md5() + "\"");
        response.setContentLength(0);
    }

    private static void get(EmbeddedObjectStore store, String key, boolean body, HttpServletResponse response) throws IOException {
        long size = store.folder().size(key).orElseThrow(EmbeddedStorageEndpoint::noSuchKey);
        response.setStatus(200);
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(size);
        if (!body) return;
        try (InputStream in = store.folder().open(key).orElseThrow(EmbeddedStorageEndpoint::noSuchKey);
             OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static StorageDenied noSuchKey() {
        return new StorageDenied(404, "NoSuchKey", "The specified key does not exist.");
    }

    /** The key after {@code /storage/<bucket>/}, decoded; refuses another bucket or a malformed key. */
    private static String key(String rawPath, String bucket) {
        String prefix = EmbeddedObjectStore.PATH + "/" + bucket + "/";
        if (!rawPath.startsWith(prefix)) throw new StorageDenied(404, "NoSuchBucket", "The specified bucket does not exist.");
        String key;
        try {
            key = URLDecoder.decode(rawPath.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StorageDenied(400, "InvalidArgument", "The object key is not well encoded.");
        }
        if (!ObjectKeys.isValidKey(key)) throw new StorageDenied(400, "InvalidArgument", "The object key is not valid.");
        return key;
    }

    private static StorageDenied tooLarge(long max) {
        return new StorageDenied(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size (" + max + " bytes).");
    }

    private static String header(HttpServletRequest request, String name) {
        var values = Collections.list(request.getHeaders(name));
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static void error(HttpServletResponse response, int status, String code, String message, String resource) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close"); // an unread upload body is not drained
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + HtmlUtils.htmlEscape(message) + "</Message><Resource>" + HtmlUtils.htmlEscape(resource) + "</Resource><RequestId>"
                + UUID.randomUUID() + "</RequestId></Error>");
        response.flushBuffer(); // before the container decides what to do with an unread body
    }
}
