package dev.sluice.operations.alert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;

/**
 * Records an occurrence once and queues its messages. The event and its notifications are written in one transaction,
 * and only by the node whose insert added the event: a node that finds the key taken (or loses the race on the unique
 * constraint) writes nothing, so every occurrence is one event with one set of messages, however many nodes saw it.
 */
@Component
class AlertEvents {

    private final AlertEventStore store;
    private final Accounts accounts;
    private final SmtpSettings smtp;
    private final TransactionTemplate transaction;

    AlertEvents(AlertEventStore store, Accounts accounts, SmtpSettings smtp, TransactionTemplate transaction) {
        this.store = store;
        this.accounts = accounts;
        this.smtp = smtp;
        // Its own transaction even when called inside another (a quota check's listener): a lost race on the unique key
        // then ends only this one, instead of marking the caller's for rollback.
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** Whom to tell, before the users are looked up: the owner, users of the account, a webhook. */
    record Audience(Long ownerUserId, List<Long> userIds, String webhookUrl, String webhookToken, String tokenBoundTo) {
        static Audience owner(Long userId) {
            return new Audience(userId, List.of(), null, null, null);
        }
    }

    /**
     * Records {@code event} (status and receivers filled in here) unless the tenant has one with its key.
     *
     * @return the new event's id, or empty when it was recorded before
     */
    Optional<Long> raise(AlertEvent event, Audience audience, String content, long now) {
        long accountId = accounts.tenant(event.tenantId()).map(t -> t.accountId()).orElse(-1L);
        List<AlertEvent.Message> messages = new ArrayList<>();
        Map<String, AlertEvent.Receiver> receivers = new LinkedHashMap<>();
        Set<Long> told = new HashSet<>(); // the owner named again among the users gets one message
        if (audience.ownerUserId() != null && told.add(audience.ownerUserId())) {
            accounts.user(accountId, audience.ownerUserId()).ifPresent(u -> mail(u, "OWNER", messages, receivers));
        }
        for (long id : audience.userIds()) {
            if (told.add(id)) accounts.user(accountId, id).ifPresent(u -> mail(u, "USER_DEFINED", messages, receivers));
        }
        if (audience.webhookUrl() != null) {
            messages.add(new AlertEvent.Message("CUSTOM", "USER_DEFINED", null, null, audience.webhookUrl(), audience.webhookToken(),
                    audience.tokenBoundTo()));
            receivers.put("webhook", new AlertEvent.Receiver("USER_DEFINED", List.of("CUSTOM"), List.of()));
        }
        AlertEvent complete = new AlertEvent(0, event.tenantId(), event.projectId(), event.ruleId(), event.uniqueKey(), event.sourceSystem(),
                event.objectType(), event.objectName(), event.objectId(), event.reasonType(), event.bizDate(), event.instanceId(),
                event.attempt(), event.reasonParams(), List.copyOf(receivers.values()), messages.isEmpty() ? "FINISH" : "ALERTING", 1, now, now);
        try {
            Long id = transaction.execute(status -> {
                long added = store.insertEventIfAbsent(complete);
                if (added < 0) return null;
                for (AlertEvent.Message m : messages) store.insertNotification(event.tenantId(), added, m, content, now);
                return added;
            });
            return Optional.ofNullable(id);
        } catch (DuplicateKeyException raced) {
            return Optional.empty(); // another node recorded it between the check and the insert
        }
    }

    /** E-mail goes to users with an address, and only when a mail server is set; otherwise they are listed, not messaged. */
    private void mail(User user, String type, List<AlertEvent.Message> messages, Map<String, AlertEvent.Receiver> receivers) {
        String name = user.displayName() == null || user.displayName().isBlank() ? user.name() : user.displayName();
        boolean mailable = smtp.enabled() && user.mail() != null && !user.mail().isBlank();
        if (mailable) messages.add(new AlertEvent.Message("MAIL", type, user.id(), name, user.mail().trim(), null, null));
        // One receiver per type, listing its users; MAIL among its channels once any of them is e-mailed.
        AlertEvent.Receiver known = receivers.getOrDefault(type, new AlertEvent.Receiver(type, List.of(), List.of()));
        List<AlertEvent.UserName> names = new ArrayList<>(known.userList());
        names.add(new AlertEvent.UserName(name));
        receivers.put(type, new AlertEvent.Receiver(type, mailable ? List.of("MAIL") : known.alertChannelTypeList(), names));
    }
}
