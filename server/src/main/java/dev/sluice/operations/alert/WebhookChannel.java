package dev.sluice.operations.alert;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.sluice.protocol.PopException;
import dev.sluice.system.OutboundAddresses;

/**
 * Posts an alert as JSON to a webhook. The client's DNS resolver is the platform's allow-list
 * ({@link OutboundAddresses}): the host is resolved once, checked, and connected to at exactly the address checked,
 * so a rebinding DNS answer cannot point a webhook at the server's own network; TLS still verifies the URL's host
 * name. Redirects are not followed (they would lead past the check).
 */
@Component
class WebhookChannel implements DisposableBean {

    private final CloseableHttpClient client;

    WebhookChannel(OutboundAddresses outbound, AlertNotifySettings settings) {
        Timeout timeout = Timeout.of(settings.webhookTimeout());
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return new InetAddress[]{outbound.resolve(host, "webhook", settings.webhookTimeout())};
                } catch (PopException refused) {
                    throw new UnknownHostException(refused.error().message());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .build();
    }

    /** @param token sent as {@code Authorization: Bearer ...} when not null */
    Delivery post(String url, String json, String token) {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        if (token != null) post.setHeader("Authorization", "Bearer " + token);
        try {
            int code = client.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return code >= 200 && code < 300 ? Delivery.SENT : Delivery.failed("the webhook answered HTTP " + code);
        } catch (UnknownHostException e) {
            return Delivery.failed("the webhook's host was refused or does not resolve: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Delivery.failed("the webhook could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
