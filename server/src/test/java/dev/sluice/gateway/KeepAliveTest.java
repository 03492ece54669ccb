package dev.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.testsupport.SluiceServerTest;

/**
 * A client keeps its connection for as long as it sends: Tomcat's default would close it after 100 requests and make
 * busy clients reconnect every 100 calls.
 */
@SluiceServerTest
class KeepAliveTest {

    @LocalServerPort
    int port;

    @Test
    void oneConnectionServesAThousandRequests() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 1; i <= 1000; i++) {
                out.write(("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String status = in.readLine();
                assertThat(status).as("answer %d on the same connection", i).startsWith("HTTP/1.1 200");
                int length = -1;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    assertThat(header.toLowerCase()).as("answer %d", i).isNotEqualTo("connection: close");
                    if (header.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(header.substring(15).trim());
                }
                if (length < 0) {
                    // chunked: read chunks until the last one
                    for (int size = Integer.parseInt(in.readLine().trim(), 16); size > 0; size = Integer.parseInt(in.readLine().trim(), 16)) {
                        in.skip(size);
                        in.readLine();
                    }
                    in.readLine();
                } else {
                    in.skip(length);
                }
            }
        }
    }
}
