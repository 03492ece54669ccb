package dev.sluice.admin;

import java.time.Clock;
import java.util.List;

import dev.sluice.operations.alert.AlertRule;
import dev.sluice.operations.alert.AlertRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sluice admin alert ...}: alert rules of production nodes, as the API has no operation to manage them. */
@Command(name = "alert", description = "Alert rules of production nodes: add, list, delete (the API has no operation for them).",
        mixinStandardHelpOptions = true)
final class AlertCommands {

    private final AlertRules rules;
    private final Clock clock;

    AlertCommands(AlertRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Command(name = "add", description = "Add a rule: FAILURE, TIMEOUT (--timeout-minutes) or UNFINISHED (--finish-by), with receivers.")
    int add(@Option(names = "--tenant", required = true) long tenant,
            @Option(names = "--project", required = true, description = "project id") long project,
            @Option(names = "--node", description = "node id n_<FileId>; every node of the project when left out") String node,
            @Option(names = "--kind", required = true, description = "FAILURE, TIMEOUT or UNFINISHED") AlertRule.Kind kind,
            @Option(names = "--timeout-minutes", description = "TIMEOUT: minutes an attempt may run") Integer timeoutMinutes,
            @Option(names = "--finish-by", description = "UNFINISHED: HH:mm in sluice.zone") String finishBy,
            @Option(names = "--owner", description = "e-mail the node's owner") boolean owner,
            @Option(names = "--users", split = ",", description = "user ids to e-mail, comma-separated") List<Long> users,
            @Option(names = "--webhook", description = "http(s) URL that receives a JSON POST per alert") String webhook,
            @Option(names = "--webhook-token", arity = "0..1", interactive = true,
                    description = "sent as Authorization: Bearer; asked for when given without a value, stored encrypted") String token) {
        try {
            AlertRule rule = rules.add(new AlertRules.Draft(tenant, project, node, kind, timeoutMinutes, finishBy, owner, users, webhook, token),
                    clock.millis());
            System.out.println("AlertRuleId: " + rule.id());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    @Command(name = "list", description = "List a tenant's alert rules (never their webhook tokens).")
    int list(@Option(names = "--tenant", required = true) long tenant) {
        System.out.printf("%-9s %-10s %-14s %-11s %-8s %s%n", "ID", "PROJECT", "NODE", "KIND", "LIMIT", "RECEIVERS");
        for (AlertRule r : rules.list(tenant)) {
            String limit = r.kind() == AlertRule.Kind.TIMEOUT ? r.timeoutMinutes() + "m" : r.kind() == AlertRule.Kind.UNFINISHED ? r.finishBy() : "-";
            String receivers = (r.notifyOwner() ? "owner " : "") + (r.userIds().isEmpty() ? "" : "users=" + r.userIds() + " ")
                    + (r.webhookUrl() == null ? "" : "webhook" + (r.hasWebhookToken() ? " (token)" : ""));
            System.out.printf("%-9d %-10d %-14s %-11s %-8s %s%n", r.id(), r.projectId(), r.nodeId() == null ? "*" : r.nodeId(), r.kind(),
                    limit, receivers.trim());
        }
        return 0;
    }

    @Command(name = "delete", description = "Delete an alert rule; events it raised stay.")
    int delete(@Option(names = "--tenant", required = true) long tenant, @Option(names = "--id", required = true) long id) {
        if (!rules.delete(tenant, id)) {
            System.err.println("tenant " + tenant + " has no alert rule " + id);
            return 1;
        }
        System.out.println("AlertRule " + id + " deleted");
        return 0;
    }
}
