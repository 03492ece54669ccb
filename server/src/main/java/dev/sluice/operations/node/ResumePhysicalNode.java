package dev.sluice.operations.node;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Releases paused production nodes: their future instances run as scheduled again. */
@Action("ResumePhysicalNode")
final class ResumePhysicalNode implements OperationHandler<ResumePhysicalNode.Request, ResumePhysicalNode.Response> {

    record Request(String env, NodeHoldChanges.Command resumeCommand) {
    }

    record Response(List<NodeHoldChanges.Result> nodeOperateResultList) {
    }

    private final NodeHoldChanges changes;

    ResumePhysicalNode(NodeHoldChanges changes) {
        this.changes = changes;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        return new Response(changes.change(caller, request.env(), request.resumeCommand(), "ResumeCommand", false));
    }
}
