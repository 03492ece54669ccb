package dev.sluice.operations.alert;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.alerts.Quota;
import dev.sluice.alerts.QuotaAlert;
import dev.sluice.alerts.QuotaAlertRaised;
import dev.sluice.develop.DevFixture;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.operations.instance.Instance;
import dev.sluice.operations.instance.InstanceGenerator;
import dev.sluice.operations.instance.InstanceStatus;
import dev.sluice.operations.instance.Instances;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.system.AllowedHosts;
import dev.sluice.system.OutboundAddresses;
import dev.sluice.system.SecretCipher;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SourceDatabases;
import tools.jackson.databind.JsonNode;

/**
 * Alerts end to end on the scheduler's server: failed, overlong and quota occurrences become one event each (also when
 * two evaluators race), webhooks get the JSON with retries after refusals and errors, e-mail reaches an SMTP server,
 * and the three alert operations answer the tenant's own events and push records only.
 */
@RunnerServerTest
class AlertsTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountAdmin admin;
    @Autowired
    Accounts accounts;
    @Autowired
    Projects projects;
    @Autowired
    RunnerTestEngines.Registry engines;
    @Autowired
    Instances instances;
    @Autowired
    InstanceGenerator generator;
    @Autowired
    VersionedObjects objects;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    AlertEvents events;
    @Autowired
    AlertEventStore store;
    @Autowired
    AlertRules rules;
    @Autowired
    AlertNotifySettings settings;
    @Autowired
    MailChannel contextMail;
    @Autowired
    WebhookChannel contextWebhooks;
    @Autowired
    SecretCipher cipher;
    @Autowired
    DisplayTime time;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Clock clock;

    DevFixture d;
    long project;
    String tag;

    @BeforeEach
    void projectOnDuckdb() {
        d = DevFixture.create(port, admin, projects);
        project = d.project.id();
        engines.compute(project, new Target(Engine.Dialect.DUCKDB, "ADB_FOR_PG", "jdbc:duckdb:"));
        tag = "al" + UUID.randomUUID().toString().substring(0, 6);
    }

    long publish(long projectId, String name, String code) {
        return publish(projectId, name, code, null, null);
    }

    /** A published SQL node, run by hand or (with a cron) on schedule after {@code upstream}'s output. */
    long publish(long projectId, String name, String code, String cron, String upstream) {
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", name,
                "Description", name, "ProjectId", projectId, "ScheduleType", cron == null ? 3 : 1, "TaskType", 51)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long file = created.body().path("CreateResult").path("FileId").asLong();
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", projectId, "FileId", file, "Name", name, "Code", code,
                "Comment", "publish", "NodeOutputNameList", List.of(name + ".out")));
        if (cron != null) command.put("CronExpression", cron);
        if (upstream != null) command.put("UpStreamList", List.of(Map.of("SourceNodeOutputName", upstream, "PeriodDiff", 0, "DependStrategy", "ALL")));
        Response submitted = d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(command));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        return file;
    }

    Instance run(long projectId, long node, Predicate<Instance> until) {
        Response ran = d.call(d.f.owner, "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", projectId, "NodeId", "n_" + node,
                "StartBizDate", "2026-01-01", "EndBizDate", "2026-01-01")));
        assertThat(ran.status()).as(ran.body().toString()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            List<Instance> all = instances.ofNode(d.f.tenant(), node);
            if (!all.isEmpty() && until.test(all.get(0))) return all.get(0);
            assertThat(System.nanoTime()).as("instance of n_%d never got there: %s", node, all).isLessThan(deadline);
            sleep(100);
        }
    }

    long failingNode(String name) {
        return publish(project, name, "select * from " + tag + "_missing_table");
    }

    Map<String, Object> window(Map<String, Object> query, String from, String to) {
        Map<String, Object> q = new HashMap<>(query);
        q.put(from, time.format(clock.millis() - 3_600_000));
        q.put(to, time.format(clock.millis() + 3_600_000));
        q.putIfAbsent("Page", 1);
        q.putIfAbsent("PageSize", 20);
        return q;
    }

    JsonNode listEvents(DevFixture who, Map<String, Object> query) {
        Response listed = who.call(who.f.owner, "ListAlertEvents", "ListQuery", json(window(query, "AlertStartTime", "AlertEndTime")));
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        return listed.body().path("ListResult");
    }

    JsonNode listNotifications(Map<String, Object> query) {
        Response listed = d.call(d.f.owner, "ListAlertNotifications", "ListQuery", json(window(query, "NotifyStartTime", "NotifyEndTime")));
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        assertThat(listed.body().toString()).doesNotContain("tok-");
        return listed.body().path("ListResult");
    }

    AlertRule rule(long node, AlertRule.Kind kind, Integer minutes, boolean owner, String webhook, String token) {
        return rules.add(new AlertRules.Draft(d.f.tenant(), project, "n_" + node, kind, minutes, null, owner, List.of(), webhook, token),
                clock.millis());
    }

    NotificationSender sender(OutboundAddresses outbound, MailChannel mail) {
        AlertNotifySettings fast = new AlertNotifySettings(true, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofHours(24), 5,
                Duration.ofMillis(50), true, Duration.ofSeconds(5));
        return new NotificationSender(store, new WebhookChannel(outbound, fast), mail, cipher, fast, transaction, time, clock);
    }

    static void until(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            sleep(60);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedNodeRaisesOneEventEvenWhenTwoEvaluatorsRace() throws Exception {
        long node = failingNode(tag + "_failing");
        AlertRule rule = rule(node, AlertRule.Kind.FAILURE, null, true, null, null);
        Instance failed = run(project, node, i -> i.status() == InstanceStatus.FAILED);

        // Two server nodes noticing the same failure at the same moment.
        List<AlertEvaluator> nodes = List.of(evaluator, new AlertEvaluator(store, events, objects, projects, settings, time, clock));
        var pool = Executors.newFixedThreadPool(2);
        int raised = 0;
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> rounds = new ArrayList<>();
            for (AlertEvaluator e : nodes) {
                Callable<Integer> round = () -> {
                    go.await();
                    return e.evaluate();
                };
                rounds.add(pool.submit(round));
            }
            go.countDown();
            for (Future<Integer> f : rounds) raised += f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(raised).as("between them, the two evaluators recorded it once").isGreaterThanOrEqualTo(1);
        evaluator.evaluate();

        JsonNode list = listEvents(d, Map.of("SourceSystem", "ALL", "Keyword", tag + "_failing"));
        assertThat(list.path("TotalCount").asLong()).isEqualTo(1);
        JsonNode event = list.path("Data").get(0);
        assertThat(event.path("AlertReason").path("Type").asString()).isEqualTo("VDM_BATCH_ERROR");
        assertThat(event.path("AlertReason").path("UniqueKey").asString()).isEqualTo("r" + rule.id() + "_failure_t_" + failed.id() + "_" + failed.attempt());
        assertThat(event.path("AlertReason").path("AlertReasonParamList").toString()).contains("instance_id").contains(failed.wireId())
                .contains("the SQL failed");
        assertThat(event.path("AlertObject").path("Name").asString()).isEqualTo(tag + "_failing");
        assertThat(event.path("AlertObject").path("SourceSystemType").asString()).isEqualTo("VDM_BATCH");
        assertThat(event.path("AlertObject").path("Type").asString()).startsWith("VDM_BATCH");
        assertThat(event.path("BelongProject").path("ProjectName").asString()).isEqualTo(d.project.name());
        assertThat(event.path("AlertReceiverList").get(0).path("Type").asString()).isEqualTo("OWNER");
        assertThat(event.path("AlertReceiverList").get(0).path("UserList").get(0).path("Name").asString()).isNotBlank();
        assertThat(event.path("Status").asString()).as("no mail server: nothing to send").isEqualTo("FINISH");
        assertThat(event.path("TotalAlertTimes").asInt()).isEqualTo(1);

        String id = event.path("Id").asString();
        Response got = d.call(d.f.owner, "GetAlertEvent", "Id", Long.parseLong(id));
        assertThat(got.status()).as(got.body().toString()).isEqualTo(200);
        assertThat(got.body().path("AlertEventInfo").path("Id").isNumber()).isTrue();
        assertThat(got.body().path("AlertEventInfo").path("AlertReason").path("BizDate").asString()).isEqualTo("2026-01-01");

        assertThat(listEvents(d, Map.of("SourceSystem", "ALL", "MonitoredItemIdList", List.of(String.valueOf(rule.id()))))
                .path("TotalCount").asLong()).isEqualTo(1);
        assertThat(listEvents(d, Map.of("SourceSystem", "SOP", "Keyword", tag + "_failing")).path("TotalCount").asLong()).isZero();

        // In the tenant, a member of the project's production sees the event; a member outside the project does not.
        Sub visitor = d.member("visitor" + tag, 3);
        Sub outsider = d.f.sub("outsider" + tag);
        Map<String, Object> everything = window(new HashMap<>(Map.of("SourceSystem", "ALL", "Keyword", tag + "_failing")),
                "AlertStartTime", "AlertEndTime");
        assertThat(d.call(visitor.client(), "ListAlertEvents", "ListQuery", json(everything)).body().path("ListResult").path("TotalCount")
                .asLong()).isEqualTo(1);
        assertThat(d.call(visitor.client(), "GetAlertEvent", "Id", Long.parseLong(id)).status()).isEqualTo(200);
        assertThat(d.call(outsider.client(), "ListAlertEvents", "ListQuery", json(everything)).body().path("ListResult").path("TotalCount")
                .asLong()).isZero();
        assertThat(d.call(outsider.client(), "GetAlertEvent", "Id", Long.parseLong(id)).status()).isEqualTo(404);
        Map<String, Object> sends = window(new HashMap<>(Map.of("SourceSystem", "ALL", "Keyword", tag + "_failing")),
                "NotifyStartTime", "NotifyEndTime");
        assertThat(d.call(outsider.client(), "ListAlertNotifications", "ListQuery", json(sends)).body().path("ListResult")
                .path("TotalCount").asLong()).isZero();

        // Another tenant sees none of it.
        DevFixture other = DevFixture.create(port, admin, projects);
        assertThat(other.call(other.f.owner, "GetAlertEvent", "Id", Long.parseLong(id)).status()).isEqualTo(404);
        assertThat(listEvents(other, Map.of("SourceSystem", "ALL")).path("TotalCount").asLong()).isZero();
    }

    @Test
    void anAttemptRunningPastItsMinutesRaisesATimeoutEvent() {
        String name = "alert_pg_" + tag;
        Project pg = projects.create(new ProjectDraft(d.f.tenant(), name, name, null, ProjectMode.BASIC, null, null, null,
                d.f.account.mainUser().id(), null, null, null, null));
        engines.compute(pg.id(), new Target(Engine.Dialect.POSTGRESQL, "ADB_FOR_PG", SourceDatabases.postgresUrl()));
        long node = publish(pg.id(), tag + "_slow", "select pg_sleep(600.2917)");
        AlertRule rule = rules.add(new AlertRules.Draft(d.f.tenant(), pg.id(), "n_" + node, AlertRule.Kind.TIMEOUT, 1, null, true, List.of(),
                null, null), clock.millis());
        Instance running = run(pg.id(), node, i -> i.status() == InstanceStatus.RUNNING);
        try {
            evaluator.evaluate();
            assertThat(listEvents(d, Map.of("SourceSystem", "VDM_BATCH", "Keyword", tag + "_slow")).path("TotalCount").asLong())
                    .as("a minute has not passed").isZero();

            AlertEvaluator later = new AlertEvaluator(store, events, objects, projects, settings, time, Clock.offset(clock, Duration.ofSeconds(90)));
            assertThat(later.evaluate()).isGreaterThanOrEqualTo(1);
            later.evaluate();
            JsonNode list = listEvents(d, Map.of("SourceSystem", "VDM_BATCH", "Keyword", tag + "_slow",
                    "AlertReasonList", List.of("VDM_BATCH_TIME_OUT")));
            assertThat(list.path("TotalCount").asLong()).isEqualTo(1);
            JsonNode event = list.path("Data").get(0);
            assertThat(event.path("AlertReason").path("UniqueKey").asString()).isEqualTo("r" + rule.id() + "_timeout_t_" + running.id() + "_1");
            assertThat(event.path("AlertReason").path("AlertReasonParamList").toString()).contains("timeout_minutes").contains("RUNNING");
        } finally {
            Response terminated = d.call(d.f.owner, "OperateInstance", "OperateCommand", json(Map.of("ProjectId", pg.id(),
                    "Operation", "TERMINATE", "InstanceIdList", List.of(Map.of("Id", running.wireId())))));
            assertThat(terminated.status()).as(terminated.body().toString()).isEqualTo(200);
        }
    }

    @Test
    void anInstanceNotFinishedByTheRulesTimeRaisesAnUndoneEvent() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(time.zone()));
        ZonedDateTime deadline = now.plusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
        Assumptions.assumeTrue(deadline.plusSeconds(30).toLocalDate().equals(now.minusMinutes(1).toLocalDate()),
                "not around midnight, when the deadline and the instance would fall on different days");
        long upstream = publish(project, tag + "_up", "select * from " + tag + "_missing_table", "0 * * * * ?", null);
        long held = publish(project, tag + "_held", "select 1 as x", "0 * * * * ?", tag + "_up.out");
        AlertRule rule = rules.add(new AlertRules.Draft(d.f.tenant(), project, "n_" + held, AlertRule.Kind.UNFINISHED, null,
                deadline.toLocalTime().toString(), true, List.of(), null, null), clock.millis());
        assertThat(generator.generate(clock.instant().minusSeconds(60), clock.instant())).isPositive();
        Instance waiting = instances.ofNode(d.f.tenant(), held).stream().filter(i -> i.dueAt() <= clock.millis()).findFirst().orElseThrow();
        until(() -> instances.ofNode(d.f.tenant(), upstream).stream().anyMatch(i -> i.status() == InstanceStatus.FAILED), "the upstream failed");

        evaluator.evaluate();
        assertThat(listEvents(d, Map.of("SourceSystem", "VDM_BATCH", "Keyword", tag + "_held")).path("TotalCount").asLong())
                .as("the rule's time has not come").isZero();
        AlertEvaluator past = new AlertEvaluator(store, events, objects, projects, settings, time,
                Clock.fixed(deadline.plusSeconds(30).toInstant(), time.zone()));
        assertThat(past.evaluate()).isGreaterThanOrEqualTo(1);
        past.evaluate();
        JsonNode list = listEvents(d, Map.of("SourceSystem", "VDM_BATCH", "Keyword", tag + "_held"));
        assertThat(list.path("TotalCount").asLong()).isEqualTo(1);
        JsonNode event = list.path("Data").get(0);
        assertThat(event.path("AlertReason").path("Type").asString()).isEqualTo("VDM_BATCH_UNDONE");
        assertThat(event.path("AlertReason").path("UniqueKey").asString()).isEqualTo("r" + rule.id() + "_unfinished_t_" + waiting.id());
        assertThat(event.path("AlertReason").path("AlertReasonParamList").toString()).contains("finish_by").contains("WAIT_SCHEDULE");
    }

    @Test
    void aWebhookGetsTheJsonAfterARefusalAndA500EachAttemptListed() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        hook.start();
        try {
            long node = failingNode(tag + "_hooked");
            String token = "tok-" + UUID.randomUUID();
            rule(node, AlertRule.Kind.FAILURE, null, false, "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook", token);
            run(project, node, i -> i.status() == InstanceStatus.FAILED);
            assertThat(evaluator.evaluate()).isGreaterThanOrEqualTo(1);

            // The platform's allow-list is closed to loopback by default: the first attempt is refused before connecting.
            sender(new OutboundAddresses(new AllowedHosts(List.of())), contextMail).sendDue();
            assertThat(calls.get()).isZero();
            NotificationSender open = sender(new OutboundAddresses(new AllowedHosts(List.of("127.0.0.1/32"))), contextMail);
            until(() -> {
                open.sendDue();
                return calls.get() >= 2;
            }, "the webhook got its retry");

            assertThat(bodies).hasSize(2);
            JsonNode body = dev.sluice.dispatch.RpcJson.MAPPER.readTree(bodies.get(1));
            assertThat(body.path("ReasonType").asString()).isEqualTo("VDM_BATCH_ERROR");
            assertThat(body.path("ObjectName").asString()).isEqualTo(tag + "_hooked");
            assertThat(body.path("ObjectId").asString()).isEqualTo("n_" + node);
            assertThat(body.path("Params").path("biz_date").asString()).isEqualTo("2026-01-01");
            assertThat(authorizations).containsOnly("Bearer " + token);

            JsonNode pushes = listNotifications(Map.of("SourceSystem", "VDM_BATCH", "Keyword", tag + "_hooked", "ChannelTypeList", List.of("CUSTOM")));
            assertThat(pushes.path("TotalCount").asLong()).isEqualTo(3);
            List<String> outcomes = pushes.path("Data").valueStream().map(r -> r.path("AlertSend").path("Status").asString()).toList();
            assertThat(outcomes).containsExactly("SUCCESS", "FAILE", "FAILE");
            assertThat(pushes.path("Data").get(1).path("AlertSend").path("FailReason").asString()).contains("HTTP 500");
            assertThat(pushes.path("Data").get(2).path("AlertSend").path("FailReason").asString()).contains("loopback");
            assertThat(pushes.path("Data").get(0).path("AlertReceiver").path("AlertChannelType").asString()).isEqualTo("CUSTOM");
            String eventId = pushes.path("Data").get(0).path("AlertEventId").asString();
            assertThat(d.call(d.f.owner, "GetAlertEvent", "Id", Long.parseLong(eventId)).body().path("AlertEventInfo").path("Status")
                    .asString()).isEqualTo("FINISH");
            assertThat(listNotifications(Map.of("SourceSystem", "VDM_BATCH", "Keyword", tag + "_hooked", "StatusList", List.of("FAILE")))
                    .path("TotalCount").asLong()).isEqualTo(2);
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void anEmailReachesTheOwnerThroughTheMailServer() throws IOException {
        try (FakeSmtpServer smtp = new FakeSmtpServer()) {
            String password = "smtp-pass-" + tag;
            SmtpSettings mailServer = new SmtpSettings("127.0.0.1", smtp.port(), "alerts", password, "alerts@sluice.test", false,
                    Duration.ofSeconds(5));
            assertThat(mailServer.toString()).doesNotContain(password);
            String address = "owner-" + tag + "@example.com";
            admin.updateContact(d.f.account.mainUser().id(), address, null, null);
            AlertEvaluator mailing = new AlertEvaluator(store, new AlertEvents(store, accounts, mailServer, transaction), objects, projects,
                    settings, time, clock);
            long node = failingNode(tag + "_mailed");
            rule(node, AlertRule.Kind.FAILURE, null, true, null, null);
            run(project, node, i -> i.status() == InstanceStatus.FAILED);
            assertThat(mailing.evaluate()).isGreaterThanOrEqualTo(1);

            NotificationSender sender = sender(new OutboundAddresses(new AllowedHosts(List.of())), new MailChannel(mailServer));
            until(() -> {
                sender.sendDue();
                return smtp.received.stream().anyMatch(m -> m.to().contains("<" + address + ">"));
            }, "the owner's mail arrived");
            FakeSmtpServer.Mail mail = smtp.received.stream().filter(m -> m.to().contains("<" + address + ">")).findFirst().orElseThrow();
            assertThat(mail.from()).isEqualTo("<alerts@sluice.test>");
            assertThat(mail.data()).contains("Subject: [Sluice] VDM_BATCH_ERROR").contains(tag + "_mailed").contains("business date 2026-01-01");

            JsonNode pushes = listNotifications(Map.of("SourceSystem", "ALL", "Keyword", tag + "_mailed"));
            assertThat(pushes.path("TotalCount").asLong()).isEqualTo(1);
            JsonNode push = pushes.path("Data").get(0);
            assertThat(push.path("AlertSend").path("Status").asString()).isEqualTo("SUCCESS");
            assertThat(push.path("AlertReceiver").path("AlertChannelType").asString()).isEqualTo("MAIL");
            assertThat(push.path("AlertReceiver").path("Type").asString()).isEqualTo("OWNER");
            assertThat(push.path("AlertReceiver").path("User").path("Name").asString()).isNotBlank();
            assertThat(pushes.toString()).as("addresses are not answered").doesNotContain(address).doesNotContain(password);
            assertThat(smtp.signIns).as("signed in with the configured user").anyMatch(c -> c.endsWith("\0alerts\0" + password));
        }
    }

    @Test
    void aQuotaAlertOfTheAccountIsAnEventOfItsTenant() {
        QuotaAlert alert = new QuotaAlert(d.f.account.account().id(), Quota.MONTHLY_FREE, "2026-12", QuotaAlert.WARNING, 8, 10, clock.instant());
        publisher.publishEvent(new QuotaAlertRaised(alert));
        publisher.publishEvent(new QuotaAlertRaised(alert));

        JsonNode list = listEvents(d, Map.of("SourceSystem", "SOP"));
        assertThat(list.path("TotalCount").asLong()).as("the same crossing twice is one event").isEqualTo(1);
        JsonNode event = list.path("Data").get(0);
        assertThat(event.path("AlertReason").path("Type").asString()).isEqualTo("QUOTA_WARNING");
        assertThat(event.path("AlertObject").path("Type").asString()).isEqualTo("ACCOUNT_QUOTA");
        assertThat(event.path("AlertObject").path("Name").asString()).isEqualTo("MONTHLY_FREE");
        assertThat(event.path("AlertReason").path("AlertReasonParamList").toString()).contains("80%").contains("2026-12");

        DevFixture other = DevFixture.create(port, admin, projects);
        assertThat(listEvents(other, Map.of("SourceSystem", "SOP")).path("TotalCount").asLong()).isZero();
    }

    @Test
    void rulesAreCheckedAndTheirTokensKeptEncrypted() {
        long node = failingNode(tag + "_ruled");
        String token = "tok-" + UUID.randomUUID();
        AlertRule rule = rule(node, AlertRule.Kind.FAILURE, null, false, "https://hooks.example.com/sluice", token);
        assertThat(rule.hasWebhookToken()).isTrue();
        assertThat(store.ruleToken(rule.id())).isNotNull().doesNotContain(token);
        assertThat(rules.list(d.f.tenant())).extracting(AlertRule::id).contains(rule.id());

        AlertRules.Draft noMinutes = new AlertRules.Draft(d.f.tenant(), project, null, AlertRule.Kind.TIMEOUT, null, null, true, List.of(), null, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rules.add(noMinutes, clock.millis()))).hasMessageContaining("--timeout-minutes");
        AlertRules.Draft badTime = new AlertRules.Draft(d.f.tenant(), project, null, AlertRule.Kind.UNFINISHED, null, "25:99", true, List.of(), null, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rules.add(badTime, clock.millis()))).hasMessageContaining("--finish-by");
        AlertRules.Draft nobody = new AlertRules.Draft(d.f.tenant(), project, null, AlertRule.Kind.FAILURE, null, null, false, List.of(), null, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rules.add(nobody, clock.millis()))).hasMessageContaining("receiver");
        AlertRules.Draft credentials = new AlertRules.Draft(d.f.tenant(), project, null, AlertRule.Kind.FAILURE, null, null, false, List.of(),
                "https://user:pw@hooks.example.com/", null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rules.add(credentials, clock.millis()))).hasMessageContaining("--webhook");
        DevFixture other = DevFixture.create(port, admin, projects);
        AlertRules.Draft foreignProject = new AlertRules.Draft(other.f.tenant(), project, null, AlertRule.Kind.FAILURE, null, null, true,
                List.of(), null, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rules.add(foreignProject, clock.millis()))).hasMessageContaining("--project");
        AlertRules.Draft foreignNode = new AlertRules.Draft(other.f.tenant(), other.project.id(), "n_" + node, AlertRule.Kind.FAILURE, null,
                null, true, List.of(), null, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rules.add(foreignNode, clock.millis()))).hasMessageContaining("--node");
        assertThat(rules.delete(other.f.tenant(), rule.id())).as("another tenant's rule").isFalse();
        assertThat(rules.delete(d.f.tenant(), rule.id())).isTrue();
    }

    @Test
    void badQueriesAreNamed() {
        Response noStart = d.call(d.f.owner, "ListAlertEvents", "ListQuery", json(Map.of("AlertEndTime", "2026-01-01 00:00:00",
                "SourceSystem", "ALL", "Page", 1, "PageSize", 10)));
        assertThat(noStart.status()).isEqualTo(400);
        assertThat(noStart.message()).contains("ListQuery.AlertStartTime");
        Response badTime = d.call(d.f.owner, "ListAlertNotifications", "ListQuery", json(Map.of("NotifyStartTime", "yesterday",
                "NotifyEndTime", "2026-01-01 00:00:00", "SourceSystem", "ALL", "Page", 1, "PageSize", 10)));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.message()).contains("ListQuery.NotifyStartTime");
        Response badSource = d.call(d.f.owner, "ListAlertEvents", "ListQuery", json(window(Map.of("SourceSystem", "MARS"),
                "AlertStartTime", "AlertEndTime")));
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.message()).contains("ListQuery.SourceSystem");
        Response noId = d.call(d.f.owner, "GetAlertEvent");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.message()).contains("Id");
    }
}
