package dev.sluice.dispatch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

import dev.sluice.catalog.Catalog;

/**
 * Stops startup when a handler does not fit its operation ({@link RequestRecordCheck}), listing every misfit with its
 * handler and parameter. Kept apart from the {@link Dispatcher} so a dispatcher can be built around a stand-in handler
 * in a test.
 */
@Component
class HandlerFitCheck {

    HandlerFitCheck(List<OperationHandler<?, ?>> handlers, Catalog catalog) {
        List<String> misfits = new ArrayList<>();
        for (OperationHandler<?, ?> handler : handlers) {
            Class<?> type = AopUtils.getTargetClass(handler);
            Action action = type.getAnnotation(Action.class);
            Class<?> requestType = ResolvableType.forClass(type).as(OperationHandler.class).getGeneric(0).resolve();
            // the Dispatcher refuses these with its own message
            if (action == null || requestType == null || catalog.find(action.value()).isEmpty()) continue;
            misfits.addAll(RequestRecordCheck.problems(catalog.find(action.value()).orElseThrow(), type, requestType));
        }
        if (!misfits.isEmpty()) {
            throw new IllegalStateException("handlers do not fit their operations:\n  " + String.join("\n  ", misfits));
        }
    }
}
