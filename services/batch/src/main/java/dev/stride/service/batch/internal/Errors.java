package dev.stride.service.batch.internal;

import dev.stride.service.ServiceException;

/** Batch's two errors: ClientException (the caller's fault) and ServerException. */
final class Errors {
    private Errors() {}

    static ServiceException client(String message) { return ServiceException.client("ClientException", message); }

    static ServiceException server(String message) { return new ServiceException("ServerException", "ServerException", 500, false, message); }

    static String required(com.fasterxml.jackson.databind.JsonNode p, String name) {
        String v = p.path(name).textValue();
        if (v == null || v.isEmpty()) throw client(name + " must be provided");
        return v;
    }
}
