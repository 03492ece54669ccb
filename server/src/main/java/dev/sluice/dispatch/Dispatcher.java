package dev.sluice.dispatch;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.protocol.PopErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the handler of an operation by its action name and runs it. Built once at startup, where a handler for an
 * action the catalog does not know, or two handlers for one action, stop the server.
 */
@Component
public class Dispatcher {

    private record Registration(OperationHandler<Object, Object> handler, Class<?> requestType) {
    }

    private final Map<String, Registration> byAction;

    Dispatcher(List<OperationHandler<?, ?>> handlers, Catalog catalog) {
        Map<String, Registration> found = new HashMap<>();
        for (OperationHandler<?, ?> handler : handlers) {
            Class<?> type = AopUtils.getTargetClass(handler);
            Action action = type.getAnnotation(Action.class);
            if (action == null) throw new IllegalStateException(type.getName() + " handles no @Action");
            if (catalog.find(action.value()).isEmpty()) {
                throw new IllegalStateException(type.getName() + " handles '" + action.value() + "', which the catalog does not know");
            }
            Class<?> requestType = ResolvableType.forClass(type).as(OperationHandler.class).getGeneric(0).resolve();
            if (requestType == null) throw new IllegalStateException(type.getName() + " does not declare its request type");
            @SuppressWarnings("unchecked")
            var untyped = (OperationHandler<Object, Object>) handler;
            Registration previous = found.put(action.value(), new Registration(untyped, requestType));
            if (previous != null) {
                throw new IllegalStateException("two handlers for '" + action.value() + "': "
                        + AopUtils.getTargetClass(previous.handler()).getName() + " and " + type.getName());
            }
        }
        this.byAction = Map.copyOf(found);
    }

    public boolean handles(String action) {
        return byAction.containsKey(action);
    }

    /** Actions that have a handler, sorted. */
    public Set<String> implementedActions() {
        return Collections.unmodifiableSet(new TreeSet<>(byAction.keySet()));
    }

    /** Runs the operation and returns its data (without envelope fields); refusals surface as PopException. */
    public ObjectNode dispatch(Operation operation, ObjectNode parameters, Caller caller) {
        Registration registration = byAction.get(operation.action());
        if (registration == null) throw PopErrors.notImplemented(operation.action()).exception();
        Object request;
        try {
            request = RpcJson.MAPPER.treeToValue(parameters, registration.requestType());
        } catch (JacksonException e) {
            // The catalog validated the shape already; this only fires when a handler's record is stricter than the catalog.
            throw PopErrors.invalidParameter(e.getPathReference(), e.getOriginalMessage()).exception();
        }
        Object response = registration.handler().handle(caller, request);
        return response == null ? RpcJson.MAPPER.createObjectNode() : RpcJson.MAPPER.valueToTree(response);
    }
}
