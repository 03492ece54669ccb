package dev.sluice.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Plain HTTP calls to a URL (a presigned storage URL), and requests written byte by byte for what clients normalise away. */
public final class HttpProbe {

    public record Answer(int status, String body) {
    }

    private HttpProbe() {
    }

    public static Answer send(String method, URI url, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setRequestMethod(method);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        connection.disconnect();
        return new Answer(status, text);
    }

    /** One request written by hand, for what HTTP clients would normalise away; the answer's head and body as text. */
    public static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                    if (read.toString(StandardCharsets.ISO_8859_1).contains("</Error>")) break; // the server may wait for a body never sent
                }
            } catch (SocketTimeoutException quiet) {
                // whatever arrived is the answer
            }
            return read.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
