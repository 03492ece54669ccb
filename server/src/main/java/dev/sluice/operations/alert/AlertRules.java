package dev.sluice.operations.alert;

import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import dev.sluice.account.Accounts;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.platform.project.Projects;
import dev.sluice.system.SecretCipher;

/**
 * Adding, listing and removing alert rules. The contract has no operation for rules, so operators manage them with
 * {@code ./sluice admin alert ...}; the checks here are the ones that command relies on.
 */
@Service
public class AlertRules {

    /** A rule to add; see {@link AlertRule} for the fields. {@code webhookToken} is stored encrypted. */
    public record Draft(long tenantId, long projectId, String nodeId, AlertRule.Kind kind, Integer timeoutMinutes, String finishBy,
                        boolean notifyOwner, List<Long> userIds, String webhookUrl, String webhookToken) {
    }

    private final AlertEventStore store;
    private final Projects projects;
    private final Accounts accounts;
    private final SecretCipher cipher;
    private final VersionedObjects objects;

    AlertRules(AlertEventStore store, Projects projects, Accounts accounts, SecretCipher cipher, VersionedObjects objects) {
        this.store = store;
        this.objects = objects;
        this.projects = projects;
        this.accounts = accounts;
        this.cipher = cipher;
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    public AlertRule add(Draft d, long now) {
        var tenant = accounts.tenant(d.tenantId()).orElseThrow(() -> new IllegalArgumentException("--tenant: no tenant " + d.tenantId()));
        if (projects.find(d.tenantId(), d.projectId()).isEmpty()) {
            throw new IllegalArgumentException("--project: tenant " + d.tenantId() + " has no project " + d.projectId());
        }
        if (d.nodeId() != null) {
            if (!d.nodeId().matches("n_[0-9]{1,18}")) throw new IllegalArgumentException("--node: expected n_<number>");
            boolean inProject = objects.find(d.tenantId(), Long.parseLong(d.nodeId().substring(2)))
                    .filter(o -> o.projectId() == d.projectId()).isPresent();
            if (!inProject) throw new IllegalArgumentException("--node: project " + d.projectId() + " has no node " + d.nodeId());
        }
        if (d.kind() == null) throw new IllegalArgumentException("--kind: one of FAILURE, TIMEOUT, UNFINISHED");
        if (d.kind() == AlertRule.Kind.TIMEOUT && (d.timeoutMinutes() == null || d.timeoutMinutes() < 1)) {
            throw new IllegalArgumentException("--timeout-minutes: a TIMEOUT rule needs a number of minutes of at least 1");
        }
        if (d.kind() == AlertRule.Kind.UNFINISHED) finishBy(d.finishBy());
        List<Long> users = d.userIds() == null ? List.of() : d.userIds();
        for (long user : users) {
            if (accounts.user(tenant.accountId(), user).isEmpty()) throw new IllegalArgumentException("--users: no user " + user + " in the tenant's account");
        }
        if (d.webhookUrl() != null) webhook(d.webhookUrl());
        if (!d.notifyOwner() && users.isEmpty() && d.webhookUrl() == null) {
            throw new IllegalArgumentException("a rule needs a receiver: --owner, --users or --webhook");
        }
        if (d.webhookToken() != null && d.webhookUrl() == null) throw new IllegalArgumentException("--webhook-token needs --webhook");
        long id = store.insertRule(d, users, now);
        if (d.webhookToken() != null && !d.webhookToken().isEmpty()) store.setRuleToken(id, cipher.encrypt(d.webhookToken(), tokenBinding(id)));
        return store.rule(d.tenantId(), id).orElseThrow();
    }

    public List<AlertRule> list(long tenantId) {
        return store.rules(tenantId);
    }

    public boolean delete(long tenantId, long id) {
        return store.deleteRule(tenantId, id);
    }

    static String tokenBinding(long ruleId) {
        return "alert-rule:" + ruleId;
    }

    static LocalTime finishBy(String text) {
        try {
            if (text == null || !text.matches("[0-9]{2}:[0-9]{2}")) throw new DateTimeParseException("", String.valueOf(text), 0);
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--finish-by: an UNFINISHED rule needs a time of day as HH:mm, got " + text);
        }
    }

    private static void webhook(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--webhook: not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("--webhook: expected an http:// or https:// URL with a host");
        }
        if (uri.getUserInfo() != null) throw new IllegalArgumentException("--webhook: put credentials in --webhook-token, not in the URL");
    }
}
