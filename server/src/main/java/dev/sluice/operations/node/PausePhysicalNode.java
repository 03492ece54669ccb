package dev.sluice.operations.node;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Holds every future instance of production nodes until they are resumed; instances already running go on. */
@Action("PausePhysicalNode")
final class PausePhysicalNode implements OperationHandler<PausePhysicalNode.Request, PausePhysicalNode.Response> {

    record Request(String env, NodeHoldChanges.Command pauseCommand) {
    }

    record Response(List<NodeHoldChanges.Result> nodeOperateResultList) {
    }

    private final NodeHoldChanges changes;

    PausePhysicalNode(NodeHoldChanges changes) {
        this.changes = changes;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        return new Response(changes.change(caller, request.env(), request.pauseCommand(), "PauseCommand", true));
    }
}
