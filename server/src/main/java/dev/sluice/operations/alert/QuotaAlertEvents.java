package dev.sluice.operations.alert;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.Tenant;
import dev.sluice.alerts.QuotaAlert;
import dev.sluice.alerts.QuotaAlertRaised;

/**
 * Quota alerts of an account become alert events of each of its tenants (quotas are counted per account, and every
 * tenant of the account shares them), e-mailed to each tenant's owner. The quota module publishes the alert once,
 * from the node that recorded it; the unique key keeps a repeat from making a second event.
 */
@Component
class QuotaAlertEvents {

    private static final Logger log = LoggerFactory.getLogger(QuotaAlertEvents.class);

    private final AlertEvents events;
    private final Accounts accounts;

    QuotaAlertEvents(AlertEvents events, Accounts accounts) {
        this.events = events;
        this.accounts = accounts;
    }

    @EventListener
    void on(QuotaAlertRaised raised) {
        QuotaAlert a = raised.alert();
        String quota = a.quota().name();
        String reason = a.reached() ? "QUOTA_REACHED" : "QUOTA_WARNING";
        List<AlertEvent.Param> params = List.of(new AlertEvent.Param("quota", quota), new AlertEvent.Param("period", a.period()),
                new AlertEvent.Param("threshold", a.threshold() + "%"), new AlertEvent.Param("used", String.valueOf(a.used())),
                new AlertEvent.Param("limit", String.valueOf(a.limit())), new AlertEvent.Param("account_id", String.valueOf(a.accountId())));
        String content = "[Sluice] " + reason + ": " + a.threshold() + " % of the " + quota.toLowerCase(Locale.ROOT).replace('_', ' ')
                + " quota used in " + a.period() + " (" + a.used() + " of " + a.limit() + " calls)";
        for (Tenant tenant : accounts.tenants(a.accountId())) {
            AlertEvent event = new AlertEvent(0, tenant.id(), null, null, "quota_" + quota + "_" + a.period() + "_" + a.threshold(), "SOP",
                    "ACCOUNT_QUOTA", quota, null, reason, null, null, null, params, List.of(), null, 1, 0, 0);
            try {
                events.raise(event, AlertEvents.Audience.owner(tenant.ownerUserId()), content, a.raisedAt().toEpochMilli());
            } catch (RuntimeException e) {
                // The quota alert itself is recorded already; a console page or the quota job must not fail over its echo here.
                log.warn("quota alert {} of account {} could not become an alert event of tenant {}: {}", event.uniqueKey(), a.accountId(),
                        tenant.id(), e.toString());
            }
        }
    }
}
