package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.dispatch.Dispatcher;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two tenants, A and B, each with one object of every kind. Every operation that has a handler (the catalog walked
 * against the dispatcher, so an operation built later is probed without touching this test) is called by B's super
 * administrator with B's own OpTenantId and A's ids, names and keywords in every parameter that names an object.
 * No answer may carry A's marker or one of A's ids, no call may fail on the server, and everything A reads
 * afterwards reads as before.
 */
@SluiceServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantSweepTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    Catalog catalog;

    @Autowired
    Dispatcher dispatcher;

    SweepTenant a;
    SweepTenant b;
    List<Operation> implemented;

    @BeforeAll
    void tenants() {
        a = SweepTenant.create(admin, projects, port);
        b = SweepTenant.create(admin, projects, port);
        // Reads first, so B's writes come after B has looked at everything.
        implemented = catalog.all().stream().filter(op -> dispatcher.handles(op.action()))
                .sorted(Comparator.comparing(op -> !op.isRead())).toList();
        assertThat(implemented).hasSameSizeAs(dispatcher.implementedActions());
    }

    @Test
    void tenantBNeitherSeesNorChangesAnythingOfTenantA() {
        Map<String, String> baseline = snapshot(a);
        Map<String, String> stable = snapshot(a);
        stable.keySet().removeIf(key -> !stable.get(key).equals(baseline.get(key))); // answers that move on their own (usage)

        // Ids B reads in its own tenant are not A's to hide (e.g. role ids, which every tenant shares).
        Set<String> ownOfB = new HashSet<>();
        snapshotAnswers(b).values().forEach(body -> collectIds(body, "", ownOfB));
        Set<String> idsOfA = new HashSet<>(a.distinctiveIds());
        idsOfA.removeAll(ownOfB);

        List<String> leaks = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, String> refusals = new TreeMap<>(); // the first 400 of each operation: a fill the sweep should improve
        int calls = 0;
        for (Operation op : implemented) {
            for (ProbeParameters.Probe probe : new ProbeParameters(op).probes(a, b, b.tenantId())) {
                RawClient.Response answer = send(b.owner, op.action(), probe.params());
                calls++;
                statuses.computeIfAbsent(op.action(), k -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 400) refusals.putIfAbsent(op.action(), answer.code() + ": " + answer.message());
                String where = op.action() + " [" + probe.aim() + "] " + probe.params();
                if (answer.status() >= 500) serverErrors.add(where + " -> " + answer.body());
                leaks.addAll(leaksIn(answer.body(), ProbeParameters.sentValues(probe.params()), idsOfA).stream()
                        .map(leak -> where + " -> " + leak).toList());
            }
        }

        Map<String, String> after = snapshot(a);
        List<String> changed = new ArrayList<>();
        stable.forEach((key, before) -> {
            if (!before.equals(after.get(key))) changed.add(key + "\n  before: " + before + "\n  after:  " + after.get(key));
        });

        System.out.printf("Cross-tenant sweep: %d operations probed, %d calls as tenant B, %d of A's reads compared (%d move on their own)%n",
                statuses.size(), calls, stable.size(), baseline.size() - stable.size());
        List<String> unknownKinds = implemented.stream().flatMap(op -> new ProbeParameters(op).slots().stream()
                .filter(slot -> slot.kind() == IdKind.ANY).map(slot -> op.action() + ":" + slot.path())).toList();
        System.out.println("  id-like parameters of no known kind, probed with every id of A (map them in IdKind to aim better): " + unknownKinds);
        statuses.forEach((action, byStatus) -> System.out.println("  " + action + " " + byStatus
                + (refusals.containsKey(action) ? "  first 400: " + refusals.get(action) : "")));
        assertThat(statuses.keySet()).as("every implemented operation is probed").containsExactlyInAnyOrderElementsOf(dispatcher.implementedActions());
        assertThat(serverErrors).as("server errors").isEmpty();
        assertThat(leaks).as("answers to tenant B holding tenant A's data").isEmpty();
        assertThat(changed).as("tenant A's objects changed by tenant B").isEmpty();
    }

    @Test
    void everyOperationRefusesTheOtherTenantsOpTenantId() {
        List<String> admitted = new ArrayList<>();
        List<Operation> tenantScoped = implemented.stream().filter(op -> op.param("OpTenantId").isPresent()).toList();
        assertThat(tenantScoped).isNotEmpty();
        for (Operation op : tenantScoped) {
            ProbeParameters.Probe probe = new ProbeParameters(op).probes(a, b, a.tenantId()).getFirst();
            RawClient.Response answer = send(b.owner, op.action(), probe.params());
            if (answer.status() != 403 || !answer.code().equals("Forbidden.OpTenantId")) {
                admitted.add(op.action() + " " + probe.params() + " -> " + answer.status() + " " + answer.body());
            }
        }
        assertThat(admitted).as("calls of tenant B naming tenant A's OpTenantId").isEmpty();
    }

    private static void collectIds(JsonNode node, String field, Set<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) collectIds(property.getValue(), property.getKey(), into);
        } else if (node.isArray()) {
            for (JsonNode element : node) collectIds(element, field, into);
        } else if (IdKind.isIdField(field)) {
            into.add(node.asString());
        }
    }

    /** Every read operation called by the tenant itself with its own ids, keyed by operation and probe. */
    private Map<String, String> snapshot(SweepTenant tenant) {
        Map<String, String> answers = new LinkedHashMap<>();
        snapshotAnswers(tenant).forEach((key, body) -> answers.put(key, body.toString()));
        return answers;
    }

    private Map<String, JsonNode> snapshotAnswers(SweepTenant tenant) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Operation op : implemented) {
            if (!op.isRead()) continue;
            List<ProbeParameters.Probe> probes = new ProbeParameters(op).probes(tenant, tenant, tenant.tenantId());
            for (int i = 0; i < probes.size(); i++) {
                RawClient.Response answer = send(tenant.owner, op.action(), probes.get(i).params());
                ObjectNode body = (ObjectNode) answer.body().deepCopy();
                body.remove("RequestId");
                body.put("HttpStatus", answer.status());
                answers.put(op.action() + " #" + i + " [" + probes.get(i).aim() + "]", body);
            }
        }
        return answers;
    }

    /**
     * What in an answer belongs to A: a string holding A's marker (in a message, once the values the caller sent
     * are taken out, as messages may quote them), or an id field holding one of A's ids the caller did not send.
     */
    private List<String> leaksIn(JsonNode body, Set<String> sent, Set<String> idsOfA) {
        List<String> found = new ArrayList<>();
        walk(body, "", sent, idsOfA, found);
        return found;
    }

    private void walk(JsonNode node, String field, Set<String> sent, Set<String> idsOfA, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) walk(property.getValue(), property.getKey(), sent, idsOfA, found);
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) walk(element, field, sent, idsOfA, found);
            return;
        }
        String text = node.asString();
        if (field.equals("Message")) {
            for (String value : sent.stream().filter(v -> v.length() >= 3).sorted(Comparator.comparing(String::length).reversed()).toList()) {
                text = text.replace(value, "");
            }
        }
        boolean markerShown = text.toLowerCase(Locale.ROOT).contains(a.marker) && !sent.contains(node.asString());
        boolean idShown = IdKind.isIdField(field) && idsOfA.contains(text) && !sent.contains(text);
        if (markerShown || idShown) found.add(field + "=" + node.asString());
    }

    private static RawClient.Response send(RawClient client, String action, Map<String, String> params) {
        RawClient.Call call = client.call(action);
        params.forEach(call::param);
        return call.send();
    }
}
