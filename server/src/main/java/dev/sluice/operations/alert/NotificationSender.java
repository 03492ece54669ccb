package dev.sluice.operations.alert;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.system.SecretCipher;

/**
 * Sends due notifications, off the request path. Each round locks the due ones no other node holds
 * ({@code FOR UPDATE SKIP LOCKED}) and sends them in that transaction, so each attempt is made by one node; a node
 * that dies mid-send rolls back and the attempt is made again (at least once, never lost). Every attempt is kept; a
 * failed one is retried after {@code retry-backoff}, doubled each time, up to {@code max-attempts}.
 */
@Component
class NotificationSender {

    private static final int BATCH = 20;

    /** The JSON a webhook receives. */
    record WebhookBody(long eventId, long tenantId, String sourceSystem, String reasonType, String objectType, String objectName,
                       String objectId, String bizDate, String uniqueKey, Map<String, String> params, String message, String alertTime) {
    }

    private final AlertEventStore store;
    private final WebhookChannel webhooks;
    private final MailChannel mail;
    private final SecretCipher cipher;
    private final AlertNotifySettings settings;
    private final TransactionTemplate transaction;
    private final DisplayTime time;
    private final Clock clock;

    NotificationSender(AlertEventStore store, WebhookChannel webhooks, MailChannel mail, SecretCipher cipher, AlertNotifySettings settings,
                       TransactionTemplate transaction, DisplayTime time, Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.mail = mail;
        this.cipher = cipher;
        this.settings = settings;
        this.transaction = transaction;
        this.time = time;
        this.clock = clock;
    }

    /** One round; the number of attempts made. */
    int sendDue() {
        Integer made = transaction.execute(status -> {
            List<AlertEventStore.Pending> due = store.claimDue(clock.millis(), BATCH);
            for (AlertEventStore.Pending p : due) attempt(p);
            return due.size();
        });
        return made == null ? 0 : made;
    }

    private void attempt(AlertEventStore.Pending p) {
        Delivery delivery = store.event(p.tenantId(), p.eventId()).map(event -> deliver(p, event))
                .orElse(Delivery.failed("the event is gone"));
        long now = clock.millis();
        int attempt = p.attempts() + 1;
        String next = delivery.sent() ? "SUCCESS" : attempt >= settings.maxAttempts() ? "FAILE" : "SENDING";
        long wait = settings.retryBackoff().toMillis() << Math.min(attempt - 1, 20);
        store.attempted(p, attempt, delivery.sent(), delivery.failReason(), next, now + wait, now);
        store.finishIfDone(p.eventId());
    }

    private Delivery deliver(AlertEventStore.Pending p, AlertEvent event) {
        if (p.channel().equals("MAIL")) {
            String subject = p.content().length() > 120 ? p.content().substring(0, 117) + "..." : p.content();
            return mail.send(p.target(), subject, p.content() + "\n\nEvent " + event.id() + ", first raised "
                    + time.format(event.firstAlertAt()) + ".");
        }
        String token = p.token() == null ? null : cipher.decrypt(p.token(), p.tokenBoundTo());
        Map<String, String> params = new LinkedHashMap<>();
        event.reasonParams().forEach(kv -> params.put(kv.key(), kv.value()));
        WebhookBody body = new WebhookBody(event.id(), event.tenantId(), event.sourceSystem(), event.reasonType(), event.objectType(),
                event.objectName(), event.objectId(), event.bizDate(), event.uniqueKey(), params, p.content(), time.format(event.firstAlertAt()));
        return webhooks.post(p.target(), RpcJson.MAPPER.writeValueAsString(body), token);
    }
}
