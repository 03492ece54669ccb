package dev.sluice.operations.alert;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectRoles;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopErrors;

/** Alert events and send records as the three alert operations answer them, and the filters they share. */
@Component
class AlertViews {

    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** @param <I> the id's wire type: a number in {@code GetAlertEvent}, text in {@code ListAlertEvents} */
    record EventView<I>(String alertFrequency, AlertObject alertObject, AlertReason alertReason, List<AlertEvent.Receiver> alertReceiverList,
                        BelongProject belongProject, String firstAlertTime, I id, String latestAlertTime, String status, int totalAlertTimes) {
    }

    record AlertObject(String name, String sourceSystemType, String type) {
    }

    record AlertReason(List<AlertEvent.Param> alertReasonParamList, String bizDate, String type, String uniqueKey) {
    }

    record BelongProject(String projectName) {
    }

    record NotificationView(String alertEventId, AlertObject alertObject, AlertReason alertReason, Receiver alertReceiver, AlertSend alertSend) {
    }

    record Receiver(String alertChannelType, String type, AlertEvent.UserName user) {
    }

    record AlertSend(String failReason, String sendContent, String sendTime, String status) {
    }

    private final Projects projects;
    private final ProjectRoles roles;
    private final Access access;
    private final DisplayTime time;

    AlertViews(Projects projects, ProjectRoles roles, Access access, DisplayTime time) {
        this.projects = projects;
        this.roles = roles;
        this.access = access;
        this.time = time;
    }

    <I> List<EventView<I>> events(Caller caller, List<AlertEvent> events, Function<Long, I> id) {
        Map<Long, String> names = projectNames(caller);
        return events.stream().map(e -> new EventView<>("ONCE", new AlertObject(e.objectName(), e.sourceSystem(), e.objectType()),
                new AlertReason(e.reasonParams(), e.bizDate(), e.reasonType(), e.uniqueKey()), e.receivers(),
                e.projectId() == null ? null : new BelongProject(names.get(e.projectId())), time.format(e.firstAlertAt()), id.apply(e.id()),
                time.format(e.latestAlertAt()), e.status(), e.totalTimes())).toList();
    }

    List<NotificationView> sends(List<AlertEventStore.Sent> sends) {
        return sends.stream().map(s -> new NotificationView(String.valueOf(s.eventId()),
                new AlertObject(s.objectName(), s.sourceSystem(), s.objectType()),
                new AlertReason(s.reasonParams(), s.bizDate() == null ? null : s.bizDate().replace("-", ""), s.reasonType(), s.uniqueKey()),
                new Receiver(s.channel(), s.receiverType(), s.userName() == null ? null : new AlertEvent.UserName(s.userName())),
                new AlertSend(s.failReason(), s.content(), time.format(s.sentAt()), s.status()))).toList();
    }

    /**
     * The projects whose events the caller may see, as {@code ListInstances} decides who sees a project's instances:
     * those whose production environment the caller is a member of. Null for a super administrator, who sees every
     * event of the tenant, its own ones (quota alerts) included.
     */
    Collection<Long> visibleProjects(Caller caller) {
        if (access.isSuperAdmin(caller)) return null;
        return projects.all(caller.tenant().id()).stream().filter(p -> !roles.of(p, Env.PROD, caller.user().id()).isEmpty())
                .map(Project::id).toList();
    }

    boolean visible(Caller caller, AlertEvent event) {
        Collection<Long> visible = visibleProjects(caller);
        return visible == null || event.projectId() != null && visible.contains(event.projectId());
    }

    Map<Long, String> projectNames(Caller caller) {
        return projects.all(caller.tenant().id()).stream().collect(Collectors.toMap(Project::id, Project::name, (a, b) -> a));
    }

    /** A required {@code yyyy-MM-dd HH:mm:ss} in the display zone, as epoch millis. */
    long millis(String text, String path) {
        if (text == null || text.isBlank()) throw PopErrors.missingParameter(path).exception();
        try {
            return LocalDateTime.parse(text.trim(), WIRE_TIME).atZone(time.zone()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(text) + "' is not a time as yyyy-MM-dd HH:mm:ss").exception();
        }
    }

    /** The source system to narrow to: null for ALL. */
    static String sourceSystem(String text, String path) {
        if (text == null || text.isBlank()) throw PopErrors.missingParameter(path).exception();
        String s = text.trim().toUpperCase(Locale.ROOT);
        return s.equals("ALL") ? null : s;
    }

    /** A list filter in upper case; null (no narrowing) when absent or empty. */
    static List<String> upper(Collection<String> values) {
        if (values == null) return null;
        List<String> out = values.stream().filter(v -> v != null && !v.isBlank()).map(v -> v.trim().toUpperCase(Locale.ROOT)).toList();
        return out.isEmpty() ? null : out;
    }

    /** A list of numeric ids; null when absent or empty. */
    static List<Long> ids(Collection<String> values, String path) {
        if (values == null) return null;
        List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        for (String v : given) {
            if (!v.matches("[0-9]{1,18}")) throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(v) + "' is not an id (a number)").exception();
        }
        return given.isEmpty() ? null : given.stream().map(Long::valueOf).toList();
    }

    static String keyword(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
