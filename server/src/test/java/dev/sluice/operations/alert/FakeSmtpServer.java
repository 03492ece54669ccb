package dev.sluice.operations.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest SMTP server the mail client needs (HELO/EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT), on loopback, keeping
 * each message and each sign-in it receives. No SMTP test server (GreenMail and the like) is in the offline repository this build uses,
 * so the tests talk to this one; it speaks the protocol for real, so the mail client's own code runs end to end.
 */
final class FakeSmtpServer implements AutoCloseable {

    record Mail(String from, List<String> to, String data) {
    }

    private final ServerSocket socket;
    final List<Mail> received = new CopyOnWriteArrayList<>();
    /** The decoded AUTH PLAIN credentials of each sign-in: authorization id, user and password separated by NUL. */
    final List<String> signIns = new CopyOnWriteArrayList<>();

    FakeSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-smtp").start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // the test is over, or the client went away
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 fake-smtp ready");
        String from = null;
        List<String> to = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO" -> reply(out, "250-fake-smtp\r\n250 AUTH PLAIN");
                case "HELO" -> reply(out, "250 fake-smtp");
                case "AUTH" -> {
                    String[] words = line.split(" ");
                    String credentials = words.length > 2 ? words[2] : null;
                    if (credentials == null) {
                        reply(out, "334 ");
                        credentials = in.readLine();
                    }
                    signIns.add(new String(java.util.Base64.getDecoder().decode(credentials.trim()), StandardCharsets.UTF_8));
                    reply(out, "235 authenticated");
                }
                case "MAIL" -> {
                    from = line.substring(line.indexOf(':') + 1).trim();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    to.add(line.substring(line.indexOf(':') + 1).trim());
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                    received.add(new Mail(from, List.copyOf(to), data.toString()));
                    to.clear();
                    reply(out, "250 OK queued");
                }
                case "RSET", "NOOP" -> reply(out, "250 OK");
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
