package dev.sluice.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import dev.sluice.catalog.Catalog;
import dev.sluice.protocol.PopException;
import tools.jackson.databind.node.JsonNodeFactory;

/** A violated constraint or a lost lock race is the caller's 409; an unreachable database stays the endpoint's 503. */
class DispatcherStorageErrorsTest {

    static Supplier<RuntimeException> failure;

    record Request(long opTenantId) {
    }

    private static final Catalog CATALOG = Catalog.load();
    private static final Dispatcher DISPATCHER = failingDispatcher();

    /** A local class: component scanning skips it, so the test server never sees a second GetProject handler. */
    private static Dispatcher failingDispatcher() {
        @Action("GetProject")
        final class Failing implements OperationHandler<Request, Void> {
            @Override
            public Void handle(Caller caller, Request request) {
                throw failure.get();
            }
        }
        return new Dispatcher(List.of(new Failing()), CATALOG);
    }

    private static void dispatch() {
        var operation = CATALOG.find("GetProject").orElseThrow();
        DISPATCHER.dispatch(operation, JsonNodeFactory.instance.objectNode().put("OpTenantId", 1),
                new Caller(null, null, null, "LTAI", "req-1", operation));
    }

    @Test
    void constraintViolationsAndLockRacesAreConflicts() {
        for (Supplier<RuntimeException> thrown : List.<Supplier<RuntimeException>>of(
                () -> new DuplicateKeyException("dup", new SQLException("unique", "23505")),
                () -> new DataIntegrityViolationException("fk", new SQLException("foreign key", "23503")),
                () -> new CannotAcquireLockException("lock"))) {
            failure = thrown;
            assertThatThrownBy(DispatcherStorageErrorsTest::dispatch).isInstanceOfSatisfying(PopException.class, e -> {
                assertThat(e.error().code()).isEqualTo("OperationConflict");
                assertThat(e.error().httpStatus()).isEqualTo(409);
                assertThat(e.error().message()).startsWith("GetProject conflicts with data stored at the same time");
            });
        }
    }

    @Test
    void anUnreachableDatabaseIsLeftToTheEndpoint() {
        failure = () -> new DataAccessResourceFailureException("connection refused");
        assertThatThrownBy(DispatcherStorageErrorsTest::dispatch).isInstanceOf(DataAccessResourceFailureException.class);
    }
}
