package dev.sluice.alerts;

/** Published once, when a quota alert is first recorded: for notifications and later alert operations. */
public record QuotaAlertRaised(QuotaAlert alert) {
}
