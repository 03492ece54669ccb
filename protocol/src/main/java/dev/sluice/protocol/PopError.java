package dev.sluice.protocol;

import java.util.Objects;

/**
 * One refusal as Alibaba Cloud's POP gateway words it: a stable {@code Code} a client can branch on, the HTTP status it
 * travels with, and a {@code Message} a person can act on. Codes follow the ones Alibaba Cloud's own APIs answer, so
 * generic clients raise the same exception type they raise against the real service.
 */
public record PopError(String code, int httpStatus, String message, String recommend) {

    public PopError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (httpStatus < 400 || httpStatus > 599) throw new IllegalArgumentException("not an error status: " + httpStatus);
    }

    public PopError(String code, int httpStatus, String message) {
        this(code, httpStatus, message, null);
    }

    public PopError withRecommend(String advice) {
        return new PopError(code, httpStatus, message, advice);
    }

    public PopException exception() {
        return new PopException(this);
    }
}
