package dev.sluice.operations.alert;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** One alert event of the caller's tenant; another tenant's id answers as unknown. */
@Action("GetAlertEvent")
final class GetAlertEvent implements OperationHandler<GetAlertEvent.Request, GetAlertEvent.Response> {

    record Request(Long id) {
    }

    record Response(AlertViews.EventView<Long> alertEventInfo) {
    }

    private final AlertEventStore store;
    private final AlertViews views;

    GetAlertEvent(AlertEventStore store, AlertViews views) {
        this.store = store;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        if (request.id() == null) throw PopErrors.missingParameter("Id").exception();
        AlertEvent event = store.event(caller.tenant().id(), request.id()).filter(e -> views.visible(caller, e))
                .orElseThrow(() -> PopErrors.notFound("alert event", String.valueOf(request.id())).exception());
        return new Response(views.events(caller, List.of(event), id -> id).get(0));
    }
}
