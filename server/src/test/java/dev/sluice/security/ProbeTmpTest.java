package dev.sluice.security;

import java.io.*;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.testsupport.SluiceServerTest;

@SluiceServerTest
class ProbeTmpTest {
    @LocalServerPort int port;

    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return all.length() > 900 ? all.substring(0, 900) : all;
        }
    }

    @Test
    void probe() throws Exception {
        String[] reqs = {
            "GET /?" + "a".repeat(10000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10000) + "\r\nConnection: close\r\n\r\n",
            "PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            "POST /nope HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /console/nope HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
            "GET /nope HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
            "GET /actuator/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "BREW / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /a\u0001b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        };
        for (String r : reqs) {
            System.out.println("=== " + r.substring(0, Math.min(60, r.length())).replace("\r\n", "|"));
            System.out.println(raw(r));
        }
    }
}
