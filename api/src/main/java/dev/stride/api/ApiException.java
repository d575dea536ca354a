package dev.stride.api;

/** A client-visible API failure; {@link HttpEntry} renders it as {@code {"__type", "message"}}. */
final class ApiException extends RuntimeException {
    final ApiError error;

    ApiException(ApiError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }
}
