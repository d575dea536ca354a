package dev.stride.api;

/** A client-visible API failure; {@link HttpEntry} renders it as {@code {"__type", "message"}}. */
final class ApiException extends RuntimeException {
    final ApiError error;
    /** Members AWS adds to some error shapes (ValidationException's reason, ResourceNotFound's resourceName). */
    final java.util.Map<String, String> members = new java.util.LinkedHashMap<>();

    ApiException(ApiError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    ApiException member(String name, String value) {
        members.put(name, value);
        return this;
    }
}
