package dev.stride.service.batch.internal;

/** Batch's ARNs, and names read back from a name or an ARN (the API takes either). */
final class Arns {
    private Arns() {}

    static String of(String region, String account, String kind, String name) {
        return "arn:aws:batch:" + region + ":" + account + ":" + kind + "/" + name;
    }

    /** The name part of {@code arn:aws:batch:...:job-queue/name}, or the text itself when it is a name. */
    static String name(String nameOrArn) {
        if (nameOrArn == null || !nameOrArn.startsWith("arn:")) return nameOrArn;
        return nameOrArn.substring(nameOrArn.indexOf('/') + 1);
    }
}
