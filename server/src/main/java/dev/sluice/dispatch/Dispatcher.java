package dev.sluice.dispatch;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.catalog.OperationType;
import dev.sluice.protocol.PopErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the handler of an operation by its action name and runs it. Built once at startup, where a handler for an
 * action the catalog does not know, or two handlers for one action, stop the server; {@link HandlerFitCheck} holds
 * each handler to its operation's parameters beside it.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** @param takesTenantId whether the request record declares {@code OpTenantId}; when not, it is not passed */
    private record Registration(OperationHandler<Object, Object> handler, Class<?> requestType, boolean takesTenantId) {
    }

    private final Map<String, Registration> byAction;
    private final TransactionOperations writes;

    /**
     * @param transactions runs each WRITE operation's handler in one transaction, so no handler declares its own: it
     *                     joins the one the gateway opens with the call's intent ({@code gateway.RecordedWrites}), and
     *                     is the transaction where there is none (governance switched off). A handler that needs other
     *                     semantics (a savepoint, work that must outlive a rollback) uses a TransactionTemplate of its own.
     */
    @Autowired
    Dispatcher(List<OperationHandler<?, ?>> handlers, Catalog catalog, PlatformTransactionManager transactions) {
        this(handlers, catalog, new TransactionTemplate(transactions));
    }

    /** Without transactions, for a dispatcher around stand-in handlers in a test. */
    Dispatcher(List<OperationHandler<?, ?>> handlers, Catalog catalog) {
        this(handlers, catalog, TransactionOperations.withoutTransaction());
    }

    private Dispatcher(List<OperationHandler<?, ?>> handlers, Catalog catalog, TransactionOperations writes) {
        this.writes = writes;
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
            Registration previous = found.put(action.value(), new Registration(untyped, requestType, RequestRecordCheck.takesTenantId(requestType)));
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
            request = RpcJson.REQUESTS.treeToValue(declaredBy(registration, parameters), registration.requestType());
        } catch (JacksonException e) {
            // The catalog validated the shape already; this only fires when a handler's record is stricter than the catalog.
            throw RpcJson.refusal(e, "").exception();
        }
        Object response = handle(registration, operation, caller, request);
        return response == null ? RpcJson.MAPPER.createObjectNode() : RpcJson.MAPPER.valueToTree(response);
    }

    private static ObjectNode declaredBy(Registration registration, ObjectNode parameters) {
        if (registration.takesTenantId() || !parameters.has(RequestRecordCheck.TENANT_ID)) return parameters;
        ObjectNode declared = parameters.objectNode();
        declared.setAll(parameters);
        declared.remove(RequestRecordCheck.TENANT_ID);
        return declared;
    }

    /**
     * Runs the handler. A violated constraint is a collision with stored data (mostly a concurrent identical write),
     * never an unreachable database: it is answered 409 here, for every operation, without an ERROR log. Handlers that
     * know their own duplicate answer throw it before this sees the violation, so racing callers get the answer a
     * sequential duplicate gets.
     */
    private Object handle(Registration registration, Operation operation, Caller caller, Object request) {
        try {
            if (operation.type() != OperationType.WRITE) return registration.handler().handle(caller, request);
            return writes.execute(status -> registration.handler().handle(caller, request));
        } catch (DuplicateKeyException | ConcurrencyFailureException collided) {
            log.debug("request {}: {} collided with a concurrent write ({})", caller.requestId(), operation.action(), collided.getClass().getSimpleName());
            throw PopErrors.operationConflict(operation.action()).exception();
        } catch (DataIntegrityViolationException violated) {
            // Not a duplicate: a reference that went away meanwhile, or a value the checks let through. Worth a look, not a
            // page; the driver's message quotes the row's values, so only its SQL state is logged.
            log.warn("request {}: {} violated a constraint (SQL state {})", caller.requestId(), operation.action(), sqlState(violated));
            throw PopErrors.operationConflict(operation.action()).exception();
        }
    }

    private static String sqlState(DataIntegrityViolationException violated) {
        return violated.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "unknown";
    }
}
