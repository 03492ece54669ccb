package dev.sluice.develop.publish;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.Paging;
import dev.sluice.protocol.PopErrors;

/**
 * The search ListSubmitRecords and ListPublishRecords both take: projects the caller may read, change types,
 * submitters, a time window and a keyword in the object name, and the page asked for; read once, refusals naming the
 * wire paths of their {@code ListQuery.SearchFilter}.
 */
record RecordSearch(Paging paging, List<Long> projects, List<Integer> changeTypes, List<String> submitters, Long from, Long to,
                    String keyword) {

    private static final String FILTER = "ListQuery.SearchFilter";

    /** What the two operations' SearchFilter records have alike; the window is a submit time in one, a publish time in the other. */
    interface Filter extends Paging.PageQuery {

        List<Integer> changeTypeList();

        List<Long> projectIdList();

        List<String> submitterList();
    }

    /**
     * @param timeName {@code Submit} or {@code Publish}, how the window's ends are named on the wire
     * @param start    the filter's start of the window (read only once the filter is known to be there), likewise {@code end}
     */
    static <F extends Filter> RecordSearch read(PublishAccess access, Caller caller, String keyword, F filter, String timeName,
                                                Function<F, String> start, Function<F, String> end) {
        if (filter == null) throw PopErrors.missingParameter(FILTER).exception();
        Paging paging = filter.paging(FILTER);
        List<Long> projects = access.readable(caller, filter.projectIdList(), FILTER + ".ProjectIdList");
        Long from = access.millis(start.apply(filter), FILTER + "." + timeName + "StartTime");
        Long to = access.millis(end.apply(filter), FILTER + "." + timeName + "EndTime");
        return new RecordSearch(paging, projects, filter.changeTypeList(), filter.submitterList(), from, to,
                keyword == null ? "" : keyword.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether a record passes every filter given (a filter left out or empty passes all). */
    boolean matches(int changeType, long submitter, long at, String objectName) {
        return (empty(changeTypes) || changeTypes.contains(changeType))
                && (empty(submitters) || submitters.contains(String.valueOf(submitter)))
                && (from == null || at >= from) && (to == null || at <= to)
                && (keyword.isEmpty() || objectName.toLowerCase(Locale.ROOT).contains(keyword));
    }

    static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
