package dev.stride.service;

/**
 * An AWS error reply: the error code clients see ({@code QueueDoesNotExist},
 * {@code InvalidParameterValue}, {@code NotFound}), its message and HTTP status, and whether it
 * is the caller's fault (Sender) or the service's (Receiver).
 *
 * <p>{@code type} is the modelled name the JSON protocol writes after the service namespace
 * ({@code com.amazonaws.sqs#QueueDoesNotExist}); {@code code} is the query protocol's code
 * ({@code AWS.SimpleQueueService.NonExistentQueue}); for most errors they are the same.
 */
public final class ServiceException extends RuntimeException {
    private final String type;
    private final String code;
    private final int status;
    private final boolean sender;

    public ServiceException(String type, String code, int status, boolean sender, String message) {
        super(message, null, false, false);
        this.type = type;
        this.code = code;
        this.status = status;
        this.sender = sender;
    }

    /** A client error (400, Sender) whose type and code are the same. */
    public static ServiceException client(String code, String message) { return new ServiceException(code, code, 400, true, message); }

    public String type() { return type; }

    public String code() { return code; }

    public int status() { return status; }

    public boolean sender() { return sender; }
}
